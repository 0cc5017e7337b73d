import AdvisorCore

/// Everything the results tabs show, computed once when the results open (or when the answers
/// changed since), never per frame: the full advice, the cost chart's points and the record.
public struct ResultsModel: Sendable {
    public let answers: Answers
    public let advice: Advice
    public let chart: CostChartData
    /// The decision record's Markdown, or why it cannot be shown.
    public let record: Result<String, RecordUnavailable>
    /// The record's title as a file name part: `agent-runtime-for-support-automation`.
    public let recordSlug: String
    /// The answers' SHA-256 as the record's front matter gives it, to find a record of the same answers.
    public let recordDigest: String
    /// The answers pinned as what-if A, and the engine's A against these answers.
    public let pinnedAnswers: Answers?
    public let whatIf: WhatIf?

    /// With a team, the record gains where the team disagreed (the advice is the team's, the same call).
    init(engine: Engine, answers: Answers, today: Day, template: RecordTemplate?, team: TeamAdvice? = nil, pinned: Answers? = nil) {
        self.answers = answers
        let advice = team?.advice ?? engine.advise(answers, today: today)
        self.advice = advice
        chart = CostChartData(engine: engine, advice: advice)
        pinnedAnswers = pinned
        let alternative = pinned.map { answers in
            let pinnedAdvice = engine.advise(answers, today: today)
            return (pinned: pinnedAdvice, whatIf: engine.whatIf(pinned: pinnedAdvice, current: advice))
        }
        whatIf = alternative?.whatIf
        (record, recordSlug, recordDigest) = RecordText.render(advice, team: team, engine: engine, template: template, date: today,
                                                               alternative: alternative)
    }
}

public struct RecordUnavailable: Error, Hashable, Sendable {
    public var reason: String
}

/// One line of the cost chart: a stack's modelled monthly total at each idle fraction.
public struct CostSeries: Hashable, Sendable {
    public var stack: StackID
    public var name: String
    /// (idle fraction, monthly US dollars), idle from 0 to 95% in steps of 5%.
    public var points: [LineChart.Point]
    /// Execution is not priced, so the line is a floor.
    public var isLowerBound: Bool
    /// The total at the answered idle fraction.
    public var monthly: Double
}

/// The data behind the Costs tab's chart, every figure from the engine.
public struct CostChartData: Sendable {
    public var series: [CostSeries]
    /// Break-evens under the knowledge base's primary readings.
    public var breakEvens: [BreakEven]
    /// The idle fraction the team answered.
    public var answeredIdle: Double
    /// Stacks with nothing priced, which have no line.
    public var notCharted: [StackID]

    /// Idle fractions the chart samples: 0, 0.05, … 0.95 (built from integers so 0.95 is reached).
    public static let idleSamples: [Double] = (0...19).map { Double($0) * 0.05 }

    init(engine: Engine, advice: Advice) {
        let workload = advice.costs.workload
        let vector = engine.questionnaire.vector(advice.answers)
        // Rank order, so the legend reads like the scoreboard.
        let ordered = advice.ranking.scores.compactMap { advice.costs.cost($0.stack) }
        series = ordered.filter { !$0.lineItems.isEmpty }.map { cost in
            CostSeries(stack: cost.stack, name: engine.knowledgeBase.stack(cost.stack)?.short ?? cost.stack,
                       points: Self.idleSamples.map { idle in
                           LineChart.Point(x: idle, y: engine.monthlyTotal(cost.stack, workload: workload.withIdle(idle), vector: vector))
                       },
                       isLowerBound: cost.isLowerBound, monthly: cost.monthly)
        }
        notCharted = ordered.filter(\.lineItems.isEmpty).map(\.stack)
        breakEvens = advice.sensitivity.breakEvens.filter { $0.reading == nil }
        answeredIdle = workload.idleFraction
    }
}
