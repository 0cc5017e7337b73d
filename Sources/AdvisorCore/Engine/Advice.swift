/// Something the team should keep in mind about a result.
public struct Caveat: Hashable, Sendable {
    public init(kind: Kind, text: String, sources: [SourceID]) {
        self.kind = kind
        self.text = text
        self.sources = Array(Set(sources)).sorted()
    }

    public enum Kind: String, Sendable {
        case staleKnowledge = "stale-knowledge", closeCall = "close-call", floor, defaults, lowerBound = "lower-bound"
        case reading, exposure, risk, tokens, tie, condition, contested, release
        /// The winner's lead changes hands or becomes close under the other reading of a contested fact.
        case readingDependent = "reading-dependent"
    }

    public var kind: Kind
    public var text: String
    public var sources: [SourceID]
}

/// Everything one run produces: the recommendation and the reasons, costs, sensitivity and caveats
/// behind it. The text report, the JSON, the decision record and the wizard all render this value.
public struct Advice: Hashable, Sendable {
    public var knowledgeBase: KnowledgeBase.Meta
    public var today: Day
    public var ageInDays: Int
    public var isStale: Bool
    public var answers: Answers
    public var ranking: Ranking
    public var costs: CostReport
    public var sensitivity: Sensitivity
    /// Sentences, each with sources, saying why the winner won.
    public var reasons: [Cited]
    public var caveats: [Caveat]
    /// Risks of the recommended stack, most severe first.
    public var risks: [Risk]
    /// Cost bands and stability across ranged workload numbers (nil when none is a range).
    public var ranges: RangeBands? = nil

    public var recommendation: StackID { ranking.winner.stack }
    /// The recommended stack's name for these answers (Agent 365 names the runtime underneath it).
    public var recommendationName: String = ""
    /// What must be confirmed before the recommendation holds (empty when it is unconditional).
    public var condition: [String] { ranking.condition }
    /// The best stack meeting every floor outright, when the recommendation is conditional.
    public var fallback: StackID? { ranking.fallback }
    public var tiedWith: [StackID] { ranking.tiedWith }
}

extension Engine {
    /// The whole analysis of one answer set. `today` decides how old the knowledge base is.
    public func advise(_ answers: Answers, today: Day) -> Advice {
        let ranking = rank(answers)
        let costs = costs(answers)
        let sensitivity = sensitivity(answers)
        let age = knowledgeBase.age(on: today)
        let winner = ranking.winner.stack
        let dependences = readingDependences(questionnaire.vector(answers), ranking: ranking).map {
            Cited(text: readingDependenceText($0, ranking: ranking), sources: $0.otherReading.sources,
                  asOf: knowledgeBase.meta.asOf)
        }
        var advice = Advice(knowledgeBase: knowledgeBase.meta, today: today, ageInDays: age,
                      isStale: knowledgeBase.isStale(on: today), answers: answers, ranking: ranking, costs: costs,
                      sensitivity: sensitivity, reasons: reasons(ranking) + componentNotes(winner, answers: answers) + dependences,
                      caveats: caveats(answers: answers, ranking: ranking, costs: costs, age: age, today: today)
                          + dependences.map { Caveat(kind: .readingDependent, text: $0.text, sources: $0.sources) },
                      risks: knowledgeBase.risks(for: winner).map { $0.aged(on: today) }, ranges: rangeBands(answers))
        advice.recommendationName = stackName(winner, answers: answers)
        return advice
    }

    public func stackName(_ id: StackID) -> String { knowledgeBase.stack(id)?.name ?? id }
    public func axisName(_ id: AxisID) -> String { knowledgeBase.axis(id)?.name ?? id }

    /// Why the winner won, read off the scoring trace: the axes where it gains most over the runner-up,
    /// each with the rule that moved it most, and any floor the runner-up failed.
    func reasons(_ ranking: Ranking) -> [Cited] {
        let winner = ranking.winner
        let asOf = knowledgeBase.meta.asOf
        guard ranking.scores.count > 1 else {
            return [Cited(text: "\(stackName(winner.stack)) is the only candidate.", sources: [], asOf: asOf)]
        }
        let runnerUp = ranking.scores[1]
        let weightSum = winner.axes.reduce(0) { $0 + $1.weight }
        var reasons: [Cited] = []
        let leads = winner.axes.compactMap { axis -> (axis: AxisScore, lead: Double)? in
            guard let rival = runnerUp.axis(axis.axis), weightSum > 0 else { return nil }
            return (axis, axis.weight * (axis.fit - rival.fit) / weightSum)
        }.filter { $0.lead > 0 }.sorted { ($0.lead, $1.axis.axis) > ($1.lead, $0.axis.axis) }
        for (axis, _) in leads.prefix(2) {
            let rival = runnerUp.axis(axis.axis)?.fit ?? 0
            var text = "On \(axisName(axis.axis).lowercased()) it fits \(Format.score(axis.fit)) against "
                + "\(Format.score(rival)) for \(stackName(runnerUp.stack))"
            var sources: [SourceID] = []
            // Each contribution's sentence says why its rule moves this stack (the rule's `why`).
            if let strongest = axis.contributions.max(by: { ($0.delta, $1.rule) < ($1.delta, $0.rule) }), strongest.delta > 0 {
                text += ": " + lowercasedFirst(strongest.because.text)
                sources = strongest.because.sources
            }
            reasons.append(Cited(text: ensurePeriod(text), sources: sources, asOf: asOf))
        }
        if let failure = runnerUp.floorFailures.first, winner.meetsFloors {
            reasons.append(Cited(text: "\(stackName(runnerUp.stack)) ranks after it because it does not meet the "
                                 + "\(failure.name): \(lowercasedFirst(failure.reason))",
                                 sources: failure.because.sources, asOf: asOf))
        }
        if !ranking.tiedWith.isEmpty {
            let names = ([winner.stack] + ranking.tiedWith).map(stackName)
            reasons.insert(Cited(text: "Tie: \(names.joined(separator: " and ")) score exactly the same "
                                 + "(\(Format.score(winner.total))). The knowledge base does not separate them; the order "
                                 + "shown is alphabetical, so the team must choose between them.", sources: [], asOf: asOf), at: 0)
        }
        for floor in winner.unverifiedFloors {
            let fallback = ranking.fallback.map { " If it cannot be confirmed, choose \(stackName($0)), the best stack that meets the floor." }
                ?? " No stack meets the floor outright."
            reasons.append(Cited(text: "Conditional on the \(floor.name), which "
                                 + "\(stackName(winner.stack)) leaves unverified: \(lowercasedFirst(floor.reason)) "
                                 + "Before accepting: \(ensurePeriod(floor.confirm ?? "confirm the floor"))\(fallback)",
                                 sources: floor.because.sources, asOf: asOf))
        }
        if reasons.isEmpty {
            reasons.append(Cited(text: "\(stackName(winner.stack)) leads \(stackName(runnerUp.stack)) on no single axis; "
                                 + "see the scoring trace.", sources: [], asOf: asOf))
        }
        return reasons
    }

    private func caveats(answers: Answers, ranking: Ranking, costs: CostReport, age: Int, today: Day) -> [Caveat] {
        var caveats: [Caveat] = []
        let meta = knowledgeBase.meta
        if age > meta.staleAfterDays {
            caveats.append(Caveat(kind: .staleKnowledge, text: "The knowledge base is as of \(meta.asOf), \(DayCount.days(age)) ago "
                + "(more than \(meta.staleAfterDays)): prices and facts may have changed since. Check the vendors' "
                + "pricing pages before committing.", sources: [meta.derivedFrom.id]))
        }
        if ranking.isClose, ranking.scores.count > 1 {
            let second = ranking.scores.first { $0.stack != ranking.winner.stack && $0.meetsFloors }
            caveats.append(Caveat(kind: .closeCall, text: "Close call: \(stackName(ranking.winner.stack)) leads "
                + "\(stackName(second?.stack ?? "")) by \(Format.score(ranking.margin)) (less than "
                + "\(Format.score(meta.closeMargin))). The rules pull two ways here and the weights decide; see the "
                + "weight ranges.", sources: []))
        }
        if let fallback = ranking.fallback {
            caveats.append(Caveat(kind: .condition, text: "Conditional recommendation: \(stackName(ranking.winner.stack, answers: answers)) leaves "
                + "a floor unverified. Before accepting: " + ranking.condition.map(ensurePeriod).joined(separator: " ")
                + " Otherwise choose \(stackName(fallback)), which meets every floor.",
                sources: ranking.winner.unverifiedFloors.flatMap(\.because.sources)))
        }
        if !ranking.tiedWith.isEmpty {
            caveats.append(Caveat(kind: .tie, text: "Tie: \(([ranking.winner.stack] + ranking.tiedWith).map(stackName).joined(separator: " and ")) "
                + "have the same total; the recommendation names the first in alphabetical order only.", sources: []))
        }
        for score in ranking.scores {
            for failure in score.floorFailures {
                caveats.append(Caveat(kind: .floor, text: "\(stackName(score.stack)) does not meet the "
                    + "\(failure.name): \(failure.reason)", sources: failure.because.sources))
            }
        }
        let defaulted = answers.defaulted.filter { !["decision", "weights"].contains(questionnaire.question($0)?.section) }.sorted()
        if !defaulted.isEmpty {
            caveats.append(Caveat(kind: .defaults, text: "Not in the answers, so defaults were used: "
                + defaulted.map { "\($0) = \(answers.values[$0]?.display ?? "")" }.joined(separator: ", ") + ".",
                sources: []))
        }
        if let winnerCost = costs.cost(ranking.winner.stack), winnerCost.isLowerBound {
            let items = winnerCost.notModelled.filter { $0.scope == .execution }.map { lowercasedFirst($0.name) }
            caveats.append(Caveat(kind: .lowerBound, text: "The recommended stack's monthly cost is a lower bound: "
                + "\(items.joined(separator: " and ")) cannot be priced from the knowledge base.",
                sources: winnerCost.notModelled.flatMap(\.sources)))
        }
        for cost in costs.stacks {
            for alternate in cost.alternates {
                caveats.append(Caveat(kind: .reading, text: "\(stackName(cost.stack)): \(Format.money(cost.monthly)) a "
                    + "month as modelled; \(Format.money(alternate.monthly)) under the other reading "
                    + "(\(alternate.reading)). " + ensurePeriod(alternate.why), sources: alternate.sources))
            }
            for exposure in cost.exposures where exposure.quantity == 0 {
                caveats.append(Caveat(kind: .exposure, text: "\(stackName(cost.stack)): \(exposure.name) would add "
                    + "\(Format.unitPrice(exposure.unitPrice)) per \(exposure.unit); none were counted in the answers. "
                    + ensurePeriod(exposure.why), sources: exposure.sources))
            }
            for exposure in cost.exposures where exposure.quantity > 0 && exposure.scoredAtUpperEnd {
                caveats.append(Caveat(kind: .exposure, text: "\(stackName(cost.stack)): \(exposure.name) would add "
                    + "\(Format.money(exposure.monthly)) a month (\(Format.quantity(exposure.quantity)) × "
                    + "\(Format.unitPrice(exposure.unitPrice)) per \(exposure.unit)). Its cost is a band from "
                    + "\(Format.money(cost.monthly)) (as modelled, without it) to \(Format.money(cost.comparedMonthly)); the cost "
                    + "comparison uses the upper end. \(ensurePeriod(exposure.why))", sources: exposure.sources))
            }
            for exposure in cost.exposures where exposure.quantity > 0 && !exposure.scoredAtUpperEnd {
                caveats.append(Caveat(kind: .exposure, text: "\(stackName(cost.stack)): \(exposure.name) would add "
                    + "\(Format.money(exposure.monthly)) a month (\(Format.quantity(exposure.quantity)) × "
                    + "\(Format.unitPrice(exposure.unitPrice)) per \(exposure.unit)); not in the total. \(ensurePeriod(exposure.why))",
                    sources: exposure.sources))
            }
        }
        caveats += releaseCaveats(ranking, answers: answers)
        caveats += contestedCaveats(answers, ranking: ranking)
        for risk in knowledgeBase.risks(for: ranking.winner.stack).map({ $0.aged(on: today) }) where risk.severity == .high {
            caveats.append(Caveat(kind: .risk, text: "\(risk.title). Check: \(risk.check)", sources: risk.statement.sources))
        }
        if let tokens = costs.tokens, let share = costs.cost(ranking.winner.stack)?.runtimeShare {
            caveats.append(Caveat(kind: .tokens, text: "Tokens cost \(Format.money(tokens.monthly)) a month on any stack; "
                + "the recommended runtime is \(Format.percent(share)) of runtime plus tokens.", sources: []))
        }
        return caveats
    }
}

extension Engine {
    /// The stacks a reader weighs: the winner, its fallback, and the best total whatever the floors.
    func stacksInQuestion(_ ranking: Ranking) -> [StackID] {
        var ids = [ranking.winner.stack]
        if let fallback = ranking.fallback { ids.append(fallback) }
        if let best = ranking.scores.max(by: { ($0.total, $1.stack) < ($1.total, $0.stack) }), !ids.contains(best.stack) {
            ids.append(best.stack)
        }
        return ids
    }

    /// What the winner's answer-dependent components say (the runtime underneath Agent 365).
    func componentNotes(_ stack: StackID, answers: Answers) -> [Cited] {
        components(stack, answers: answers).filter { $0.when != nil }.compactMap { component in
            component.note.map { Cited(text: $0, sources: component.sources, asOf: knowledgeBase.meta.asOf) }
        }
    }

    /// Components of the stacks in question that are not generally available, or became so after the
    /// knowledge base's date (so facts from before may have changed).
    func releaseCaveats(_ ranking: Ranking, answers: Answers) -> [Caveat] {
        let asOf = knowledgeBase.meta.asOf
        return stacksInQuestion(ranking).compactMap(knowledgeBase.stack).flatMap { stack in
            components(stack.id, answers: answers).compactMap { component -> Caveat? in
                guard let status = component.status else { return nil }
                if status == .ga, let since = component.since, since > asOf {
                    return Caveat(kind: .release, text: "\(stack.name): \(component.name) became generally available on "
                        + "\(since), after the knowledge base's date (\(asOf)); what it covers at GA may differ from these facts.",
                        sources: component.sources)
                }
                guard status != .ga else { return nil }
                return Caveat(kind: .release, text: "\(stack.name): \(component.name) is \(status.label)"
                    + (component.since.map { " (since \($0))" } ?? "") + "; terms, prices and features may change.",
                    sources: component.sources)
            }
        }
    }

    /// Facts the sources state two ways, where they bear on the stacks in question.
    func contestedCaveats(_ answers: Answers, ranking: Ranking) -> [Caveat] {
        let vector = questionnaire.vector(answers)
        let inQuestion = Set(stacksInQuestion(ranking))
        return zip(knowledgeBase.contested, contestedConditions).compactMap { item, condition in
            guard !inQuestion.isDisjoint(with: item.stacks), condition.holds(vector) else { return nil }
            let readings = item.readings.enumerated().map { index, reading in
                (index == 0 ? "Scored reading: " : "Other reading: ") + ensurePeriod(reading.text)
            }
            return Caveat(kind: .contested, text: "Contested: \(item.title) " + readings.joined(separator: " ") + " "
                + ensurePeriod(item.scored), sources: item.readings.flatMap(\.sources))
        }
    }
}

func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    // Keep acronyms and names (AWS, Cloudflare) as written.
    let second = text.dropFirst().first
    if first.isUppercase, second?.isUppercase == true { return text }
    // A name keeps its capital in the possessive too ("Cloudflare's AI Gateway").
    if first.isUppercase, let word = text.split(separator: " ").first.map({ $0.hasSuffix("'s") ? $0.dropLast(2) : $0 }),
       word.count > 1,
       ["Anthropic", "Cloudflare", "Google", "Microsoft", "Amazon", "Gemini", "Claude", "Entra", "Firecracker",
        "Agent", "AgentCore", "Copilot", "Foundry", "Daytona", "Okta", "OpenAI"].contains(String(word)) {
        return text
    }
    return first.lowercased() + text.dropFirst()
}

func ensurePeriod(_ text: String) -> String {
    text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!") ? text : text + "."
}
