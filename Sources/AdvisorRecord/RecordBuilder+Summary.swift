import AdvisorCore

/// The summary a reviewer reads first, and the consequences of this decision for this team. Both are
/// derived from the answers and the ranking, not copied from the pros and cons.
extension RecordBuilder {
    func summary() -> RecordData.Summary {
        let winnerName = advice.recommendationName
        // The engine's sentences: what to confirm, the fallback and the tie, word for word.
        let verdict = advice.verdict
        let after = verdict.conditions + [verdict.fallback, verdict.tie].compactMap { $0 }
        let decision = "**Decision:** run our agents on \(MarkdownText.escape(winnerName))"
            + (after.isEmpty ? "" : ", on a condition (see Confirmation). " + MarkdownText.escape(after.map(\.full).joined(separator: " ")))
        // The engine's first reason, whole: a summary says less by giving fewer reasons, never by cutting one.
        let reasons = advice.reasons.prefix(1).map { MarkdownText.escape(withoutFinalPeriod($0.full)) }
        let deciders = advice.answers.values["decision.deciders"]?.list ?? []
        let status = advice.answers.choice("decision.status") ?? "proposed"
        return RecordData.Summary(
            decision: after.isEmpty ? decision + "." : decision, cost: "**Cost:** " + summaryCost() + summaryPrices(),
            reasons: "**Why:** " + (reasons.isEmpty ? "it is the only option" : reasons.joined(separator: "; ")) + ".",
            commits: "**Commits us to:** " + commitments() + ".",
            confirm: "**Confirm before accepting:** " + summaryConfirm(),
            decides: "**Decides:** " + MarkdownText.escape(deciders.isEmpty ? "not named in the answers" : deciders.joined(separator: ", "))
                + "; status " + MarkdownText.escape(status) + ".",
            recheck: "**Re-check:** " + recheckWhen())
    }

    /// `$3,314.20 a month as modelled ($29.20 runtime + $3,285.00 tokens), against $3,325.44 for
    /// Anthropic Managed Agents, the cheapest complete total meeting every floor.`
    private func summaryCost() -> String {
        let report = advice.costs
        guard let cost = report.cost(winner.stack) else { return "not modelled." }
        var text = cost.isUnpriced ? "not modelled (the knowledge base prices none of its runtime)"
            : cost.totalText + " a month as modelled" + (cost.breakdownText.map { " (\($0))" } ?? "")
        if let cheapest = report.cheapest, let other = report.cost(cheapest) {
            text += cheapest == winner.stack ? ", the " + report.cheapestMeaning
                : ", against \(other.totalText) for \(engine.stackName(cheapest)), the " + report.cheapestMeaning
        }
        if report.tokens == nil { text += "; no token spend was given" }
        return MarkdownText.escape(text + ".")
    }

    /// With a price book, whose prices the cost is and the chosen option's list total beside it.
    private func summaryPrices() -> String {
        PriceText.forStack(advice.costs, stack: winner.stack, name: engine.stackName(winner.stack))
            .map { " " + MarkdownText.escape($0) } ?? ""
    }

    /// The chosen stack's identity, model coupling and billing unit, from its traits.
    private func commitments() -> String {
        guard let stack = knowledgeBase.stack(winner.stack) else { return "—" }
        let wanted: [(TraitTopic, String)] = [(.identity, "identity"), (.modelCoupling, "model coupling"),
                                              (.pricing, "billing")]
        let parts = wanted.compactMap { topic, label in
            stack.traits.first { $0.topic == topic }.map { "\(label): " + citations.text($0.statement.text, $0.statement.sources) }
        }
        return parts.isEmpty ? "—" : parts.joined(separator: "; ")
    }

    private func summaryConfirm() -> String {
        if !advice.condition.isEmpty {
            return MarkdownText.escape(advice.condition.map(withoutFinalPeriod).joined(separator: "; ")) + " (see Confirmation)."
        }
        let checks = confirmation().count
        let top = advice.risks.first  // most severe first, as the knowledge base sorts them
        guard let top else { return checks == 0 ? "nothing beyond the answers." : "the \(checks) checks under Confirmation." }
        return "the \(checks) checks under Confirmation; most pressing: " + MarkdownText.escape(lowerFirst(top.title)) + "."
    }

    private func recheckWhen() -> String {
        let meta = advice.knowledgeBase
        let command = MarkdownText.code("runtime-advisor recheck <this file>")
        if advice.isStale {
            return "now and whenever the knowledge base is updated, with " + command + "."
        }
        let staleOn = meta.asOf.adding(days: meta.staleAfterDays)
        return "whenever the knowledge base is updated, and by \(staleOn) at the latest, with " + command + "."
    }

    /// Four to six consequences of choosing the winner for this team: what it locks in (identity, model),
    /// how its isolation stands against the floors, what it costs, and what it leaves open.
    func consequences() -> [RecordData.StancePoint] {
        guard let stack = knowledgeBase.stack(winner.stack) else { return [] }
        var points: [RecordData.StancePoint] = []
        func trait(_ topic: TraitTopic) -> Trait? { stack.traits.first { $0.topic == topic } }
        func axisPoint(_ axis: AxisID, _ topic: TraitTopic, _ lead: String) {
            guard let fit = winner.axes.first(where: { $0.axis == axis }), let trait = trait(topic) else { return }
            let stance = fit.fit > fit.neutral ? "Good" : fit.fit < fit.neutral ? "Bad" : "Neutral"
            let judged = fit.fit > fit.neutral ? "which suits these answers" : fit.fit < fit.neutral ? "which works against these answers" : "which these answers neither favour nor penalise"
            points.append(.init(stance: stance, text: MarkdownText.escape("\(lead) \(lowerFirst(trait.statement.text)), \(judged) "
                + "(\(engine.axisName(axis).lowercased()) fit \(Format.score(fit.fit)) against a neutral \(Format.score(fit.neutral))).")
                + citations.cite(trait.statement.sources)))
        }
        axisPoint("identity", .identity, "it locks agent identity into")
        axisPoint("model", .modelCoupling, "its model coupling is")
        if let isolation = trait(.isolation) {
            let text = "its isolation is " + lowerFirst(isolation.statement.text)
            if !winner.unverifiedFloors.isEmpty {
                points.append(.init(stance: "Bad", text: MarkdownText.escape(text + ", and the floor these answers set is unverified "
                    + "until the vendor confirms it.") + citations.cite(isolation.statement.sources)))
            } else if winner.standing == .met {
                points.append(.init(stance: "Good", text: MarkdownText.escape(text + ", which meets the isolation floor these answers set.")
                    + citations.cite(isolation.statement.sources)))
            } else {
                points.append(.init(stance: "Neutral", text: MarkdownText.escape(text + "; these answers set no isolation floor.")
                    + citations.cite(isolation.statement.sources)))
            }
        }
        if let cost = costConsequence() { points.append(cost) }
        if let cost = advice.costs.cost(winner.stack) {
            let open = cost.notModelled.map(\.name) + cost.exposures.map(\.name)
            if !open.isEmpty {
                points.append(.init(stance: "Neutral", text: MarkdownText.escape("it leaves open what the knowledge base cannot price: "
                    + open.joined(separator: "; ") + ".")))
            }
        }
        return Array(points.prefix(6))
    }
}

func withoutFinalPeriod(_ text: String) -> String { text.hasSuffix(".") ? String(text.dropLast()) : text }

/// The text with its first letter lower-cased to follow a colon, unless the first word is a name or
/// acronym (AgentCore, OTEL: a capital after the first letter).
func lowerFirst(_ text: String) -> String {
    guard let first = text.first, first.isUppercase else { return text }
    let word = text.prefix { $0 != " " && $0 != ":" }
    if word.dropFirst().contains(where: \.isUppercase) { return text }
    return first.lowercased() + text.dropFirst()
}
