public typealias Severity = RiskSeverity

/// Something the team should keep in mind about a result: what it is about, how much it matters, and
/// its sentence in a full and a short form.
public struct Caveat: Hashable, Sendable {
    /// What a caveat is about. A surface compares a stack with the recommendation and its fallback.
    public enum Subject: Hashable, Sendable {
        case stack(StackID), answers, knowledgeBase
    }

    public enum Kind: String, Sendable {
        case staleKnowledge = "stale-knowledge", closeCall = "close-call", floor, defaults, lowerBound = "lower-bound"
        case reading, exposure, risk, tokens, tie, condition, contested, release
        /// The winner's lead changes hands or becomes close under the other reading of a contested fact.
        case readingDependent = "reading-dependent"
    }

    public var kind: Kind
    public var subject: Subject
    public var severity: Severity
    public var sentence: Sentence

    public var text: String { sentence.full }
    public var sources: [SourceID] { sentence.sources }

    init(_ kind: Kind, about subject: Subject, _ severity: Severity, _ text: String, short: [String],
         sources: [SourceID]) {
        self.kind = kind
        self.subject = subject
        self.severity = severity
        self.sentence = Sentence(full: text, shorts: short, sources: Array(Set(sources)).sorted())
    }
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
    /// The recommendation in sentences: headline, floor standing, conditions, fallback, reasons, the
    /// main caveat and risk. Made once here; every surface shows these and words none of its own.
    public var verdict: Verdict
    public var caveats: [Caveat]
    /// Risks of the recommended stack, most severe first.
    public var risks: [Risk]
    /// Cost bands and stability across ranged workload numbers (nil when none is a range).
    public var ranges: RangeBands? = nil

    /// The recommended stack's name for these answers (Agent 365 names the runtime underneath it).
    public var recommendationName: String = ""
    public var recommendation: StackID { ranking.winner.stack }
    /// Where the recommendation stands against the floors.
    public var standing: FloorStanding { ranking.winner.standing }
    /// What must be confirmed before the recommendation holds (empty when it is unconditional).
    public var condition: [String] { ranking.condition }
    /// The best stack meeting every floor outright, when the recommendation is conditional.
    public var fallback: StackID? { ranking.fallback }
    public var tiedWith: [StackID] { ranking.tiedWith }
    /// Why the winner won: the verdict's reasons.
    public var reasons: [Sentence] { verdict.reasons }

    /// A caveat's subject as it stands to this recommendation.
    public func role(of caveat: Caveat) -> Verdict.Role {
        switch caveat.subject {
        case .answers: .answers
        case .knowledgeBase: .knowledgeBase
        case .stack(let stack): stack == recommendation ? .recommended : stack == fallback ? .fallback : .otherStack
        }
    }
}

extension Engine {
    /// The whole analysis of one answer set. `today` decides how old the knowledge base is.
    public func advise(_ answers: Answers, today: Day) -> Advice {
        if let scoped = rescoped(for: answers) { return scoped.advise(answers, today: today) }
        let ranking = rank(answers)
        let costs = costs(answers)
        let age = knowledgeBase.age(on: today)
        let winner = ranking.winner.stack
        let dependences = readingDependences(questionnaire.vector(answers), ranking: ranking).map {
            Sentence(full: readingDependenceText($0, ranking: ranking),
                     shorts: ["The lead rests on a contested reading: " + $0.title, "The lead rests on a contested reading: --detail full"], sources: $0.otherReading.sources)
        }
        let caveats = caveats(answers: answers, ranking: ranking, costs: costs, age: age, today: today)
            + dependences.map { Caveat(.readingDependent, about: .stack(winner), .medium, $0.full, short: [$0.short],
                                       sources: $0.sources) }
        let risks = knowledgeBase.risks(for: winner).map { $0.aged(on: today) }
        let sensitivity = sensitivity(answers)
        let ranges = rangeBands(answers)
        let name = stackName(winner, answers: answers)
        var advice = Advice(knowledgeBase: knowledgeBase.meta, today: today, ageInDays: age,
                            isStale: knowledgeBase.isStale(on: today), answers: answers, ranking: ranking, costs: costs,
                            sensitivity: sensitivity,
                            verdict: verdict(ranking, costs: costs, caveats: caveats, risks: risks, sensitivity: sensitivity,
                                             ranges: ranges, answers: answers, name: name,
                                             moreReasons: componentNotes(winner, answers: answers) + dependences),
                            caveats: caveats, risks: risks, ranges: ranges)
        advice.recommendationName = name
        return advice
    }

    public func stackName(_ id: StackID) -> String { knowledgeBase.stack(id)?.name ?? id }
    public func axisName(_ id: AxisID) -> String { knowledgeBase.axis(id)?.name ?? id }

    private func caveats(answers: Answers, ranking: Ranking, costs: CostReport, age: Int, today: Day) -> [Caveat] {
        var caveats: [Caveat] = []
        let meta = knowledgeBase.meta
        let winner = ranking.winner.stack
        if age > meta.staleAfterDays {
            caveats.append(Caveat(.staleKnowledge, about: .knowledgeBase, .medium,
                "The knowledge base is as of \(meta.asOf), \(DayCount.days(age)) ago (more than \(meta.staleAfterDays)): "
                + "prices and facts may have changed since. Check the vendors' pricing pages before committing.",
                short: ["The knowledge base is \(DayCount.days(age)) old: check current prices"], sources: [meta.derivedFrom.id]))
        }
        if ranking.isClose, let second = ranking.scores.first(where: { $0.stack != winner && $0.standing != .failed }) {
            caveats.append(Caveat(.closeCall, about: .stack(winner), .medium,
                "Close call: \(stackName(winner)) leads \(stackName(second.stack)) by \(Format.gap(ranking.margin)) (less "
                + "than \(Format.score(meta.closeMargin))). The rules pull two ways here and the weights decide.",
                short: ["Close call: \(shortName(winner)) leads \(shortName(second.stack)) by \(Format.gap(ranking.margin))"],
                sources: []))
        }
        if !ranking.condition.isEmpty {
            let otherwise = ranking.fallback.map { " Otherwise choose \(stackName($0)), which meets every floor." }
                ?? " No stack meets every floor outright."
            caveats.append(Caveat(.condition, about: .stack(winner), .high,
                "Conditional recommendation: \(stackName(winner, answers: answers)) leaves a floor unverified. Before accepting: "
                + ranking.condition.map(ensurePeriod).joined(separator: " ") + otherwise,
                short: ["Conditional: \(shortName(winner)) leaves a floor unverified"],
                sources: ranking.winner.unverifiedFloors.flatMap(\.because.sources)))
        }
        if !ranking.tiedWith.isEmpty {
            let names = ([winner] + ranking.tiedWith).map(stackName).joined(separator: " and ")
            caveats.append(Caveat(.tie, about: .stack(winner), .high,
                "Tie: \(names) have the same total; the recommendation names the first in alphabetical order only.",
                short: ["Tie: " + ([winner] + ranking.tiedWith).map(shortName).joined(separator: " and ") + " score the same",
                        "Tie: \(ranking.tiedWith.count + 1) stacks score the same"], sources: []))
        }
        for score in ranking.scores {
            for failure in score.floorFailures {
                let floor = failure.name
                caveats.append(Caveat(.floor, about: .stack(score.stack), score.stack == winner ? .high : .medium,
                    "\(stackName(score.stack)) does not meet the \(floor): \(failure.reason)",
                    short: ["\(shortName(score.stack)) does not meet the \(floor)"], sources: failure.because.sources))
            }
        }
        let defaulted = answers.defaulted.filter { !["decision", "weights"].contains(questionnaire.question($0)?.section) }.sorted()
        if !defaulted.isEmpty {
            let named = defaulted.map { id in
                questionnaire.question(id).map { question in
                    "\(question.label) = " + (answers.values[id].map(question.describe) ?? "")
                } ?? id
            }
            caveats.append(Caveat(.defaults, about: .answers, .medium,
                "Not in the answers, so defaults were used: " + named.joined(separator: ", ") + ".",
                short: ["\(defaulted.count) answer\(defaulted.count == 1 ? " was" : "s were") left at the default"],
                sources: []))
        }
        if let winnerCost = costs.cost(winner), winnerCost.isLowerBound {
            let items = winnerCost.notModelled.filter { $0.scope == .execution }.map { lowercasedFirst($0.name) }
            caveats.append(Caveat(.lowerBound, about: .stack(winner), .medium,
                "The recommended stack's monthly cost is a lower bound: \(items.joined(separator: " and ")) cannot be "
                + "priced from the knowledge base.",
                short: ["\(shortName(winner))'s monthly cost is a lower bound"], sources: winnerCost.notModelled.flatMap(\.sources)))
        }
        for cost in costs.stacks {
            for alternate in cost.alternates {
                caveats.append(Caveat(.reading, about: .stack(cost.stack), .low,
                    "\(stackName(cost.stack)): \(Format.money(cost.monthly)) a month of runtime as modelled; "
                    + "\(Format.money(alternate.monthly)) under the other reading (\(alternate.reading)). " + ensurePeriod(alternate.why),
                    short: ["\(shortName(cost.stack)): \(Format.money(alternate.monthly)) a month if \(alternate.reading)",
                            "\(shortName(cost.stack)): \(Format.money(alternate.monthly)) a month under another reading"],
                    sources: alternate.sources))
            }
            for exposure in cost.exposures {
                caveats.append(exposureCaveat(exposure, stack: cost.stack, costs: costs))
            }
        }
        caveats += releaseCaveats(ranking, answers: answers)
        caveats += contestedCaveats(answers, ranking: ranking)
        for risk in knowledgeBase.risks(for: winner).map({ $0.aged(on: today) }) where risk.severity == .high {
            caveats.append(Caveat(.risk, about: .stack(winner), .high, "\(risk.title). Check: \(risk.check)",
                                  short: [risk.title, "A high risk of \(shortName(winner)): see its open risks"],
                                  sources: risk.statement.sources))
        }
        if let tokens = costs.tokens, let share = costs.cost(winner)?.runtimeShare {
            caveats.append(Caveat(.tokens, about: .answers, .low,
                "Tokens cost \(Format.money(tokens.monthly)) a month on any stack; the recommended runtime is "
                + "\(Format.percent(share)) of runtime plus tokens.",
                short: ["Tokens cost \(Format.money(tokens.monthly)) a month on any stack"], sources: []))
        }
        return caveats
    }

    /// A cost that may arrive outside the total: with its monthly and yearly figure when the answers count
    /// it (the scout's $180,000 a year for 1,000 autonomous agents), a note of the unit price when not.
    private func exposureCaveat(_ exposure: ExposureLine, stack: StackID, costs: CostReport) -> Caveat {
        guard exposure.quantity > 0 else {
            return Caveat(.exposure, about: .stack(stack), .low,
                "\(stackName(stack)): \(exposure.name) would add \(Format.unitPrice(exposure.unitPrice)) per \(exposure.unit); "
                + "none were counted in the answers. " + ensurePeriod(exposure.why),
                short: ["\(shortName(stack)): \(lowercasedFirst(exposure.name)) not counted"], sources: exposure.sources)
        }
        let yearly = Format.money(exposure.monthly * 12)
        if exposure.scoredAtUpperEnd, let cost = costs.cost(stack) {
            return Caveat(.exposure, about: .stack(stack), .high,
                "\(stackName(stack)): \(exposure.name) would add \(Format.money(exposure.monthly)) a month (\(yearly) a year: "
                + "\(Format.quantity(exposure.quantity)) × \(Format.unitPrice(exposure.unitPrice)) per \(exposure.unit)). Its runtime "
                + "cost is a band from \(Format.money(cost.monthly)) (as modelled, without it) to \(Format.money(cost.comparedMonthly)); "
                + "the cost comparison uses the upper end. \(ensurePeriod(exposure.why))",
                short: ["\(shortName(stack)): \(lowercasedFirst(exposure.name)) could add \(Format.money(exposure.monthly)) a month",
                        "\(shortName(stack)): an exposure of \(Format.money(exposure.monthly)) a month, scored at its upper end"],
                sources: exposure.sources)
        }
        return Caveat(.exposure, about: .stack(stack), .high,
            "\(stackName(stack)): \(exposure.name) would add \(Format.money(exposure.monthly)) a month (\(yearly) a year: "
            + "\(Format.quantity(exposure.quantity)) × \(Format.unitPrice(exposure.unitPrice)) per \(exposure.unit)); not in the "
            + "total. \(ensurePeriod(exposure.why))",
            short: ["\(shortName(stack)): \(lowercasedFirst(exposure.name)) could add \(Format.money(exposure.monthly)) a month",
                    "\(shortName(stack)): an exposure of \(Format.money(exposure.monthly)) a month, not in the total"],
            sources: exposure.sources)
    }

    public func shortName(_ id: StackID) -> String { knowledgeBase.stack(id)?.short ?? id }
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
    func componentNotes(_ stack: StackID, answers: Answers) -> [Sentence] {
        components(stack, answers: answers).filter { $0.when != nil }.compactMap { component in
            component.note.map { Sentence(full: $0, shorts: [String($0.prefix { $0 != ":" }), "\(component.role): \(component.name)"],
                                          sources: component.sources) }
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
                    return Caveat(.release, about: .stack(stack.id), .low,
                        "\(stack.name): \(component.name) became generally available on \(since), after the knowledge "
                        + "base's date (\(asOf)); what it covers at GA may differ from these facts.",
                        short: ["\(stack.short): \(component.name) went GA after these facts",
                                "\(stack.short): a component went GA after these facts"], sources: component.sources)
                }
                guard status != .ga else { return nil }
                return Caveat(.release, about: .stack(stack.id), .medium,
                    "\(stack.name): \(component.name) is \(status.label)" + (component.since.map { " (since \($0))" } ?? "")
                    + "; terms, prices and features may change.",
                    short: ["\(stack.short): \(component.name) is \(status.label)",
                            "\(stack.short): a component is \(status.label)"], sources: component.sources)
            }
        }
    }

    /// Facts the sources state two ways, where they bear on the stacks in question.
    func contestedCaveats(_ answers: Answers, ranking: Ranking) -> [Caveat] {
        let vector = questionnaire.vector(answers)
        let inQuestion = stacksInQuestion(ranking)
        return zip(knowledgeBase.contested, contestedConditions).compactMap { item, condition in
            guard let subject = inQuestion.first(where: item.stacks.contains), condition.holds(vector) else { return nil }
            let readings = item.readings.enumerated().map { index, reading in
                (index == 0 ? "Scored reading: " : "Other reading: ") + ensurePeriod(reading.text)
            }
            return Caveat(.contested, about: .stack(subject), .medium,
                "Contested: \(item.title) " + readings.joined(separator: " ") + " " + ensurePeriod(item.scored),
                short: ["Contested: \(item.title)", "Contested: the sources state a fact about \(shortName(subject)) two ways"],
                sources: item.readings.flatMap(\.sources))
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
