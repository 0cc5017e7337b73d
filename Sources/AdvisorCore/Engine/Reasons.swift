extension Engine {
    /// Why the winner leads the runner-up: on each of the (at most two) axes where it gains most, the one
    /// rule that separates the two most, quoted for the stack it moved (the winner's gain or the rival's
    /// loss), or the two monthly figures when cost separates them; then a floor the runner-up fails.
    /// Every reason carries its explanation: an axis with nothing that separates the two gives none.
    func reasons(_ ranking: Ranking, costs: CostReport) -> [Sentence] {
        let winner = ranking.winner
        guard ranking.scores.count > 1 else {
            return [Sentence("\(stackName(winner.stack)) is the only candidate.")]
        }
        let rival = ranking.scores[1]
        let weightSum = winner.axes.reduce(0) { $0 + $1.weight }
        var reasons: [Sentence] = []
        let leads = winner.axes.compactMap { axis -> (axis: AxisScore, lead: Double)? in
            guard let other = rival.axis(axis.axis), weightSum > 0 else { return nil }
            return (axis, axis.weight * (axis.fit - other.fit) / weightSum)
        }.filter { $0.lead > 1e-9 }.sorted { ($0.lead, $1.axis.axis) > ($1.lead, $0.axis.axis) }
        for (axis, _) in leads.prefix(2) {
            guard let other = rival.axis(axis.axis),
                  let why = separation(axis, other, winner: winner.stack, rival: rival.stack, costs: costs) else { continue }
            let name = axisName(axis.axis)
            let versus = "\(Format.score(axis.fit)) against \(Format.score(other.fit)) for \(shortName(rival.stack))"
            reasons.append(Sentence(full: "On \(name.lowercased()) it fits \(versus): " + why.text,
                                    shorts: ["\(name): \(versus)"], sources: why.sources))
        }
        if let failure = rival.floorFailures.first, winner.standing != .failed {
            let floor = failure.name
            reasons.append(Sentence(full: "\(shortName(rival.stack)) ranks after it because it does not meet the \(floor): "
                                        + lowercasedFirst(failure.reason),
                                    shorts: ["\(shortName(rival.stack)) ranks after it: it does not meet the \(floor)"],
                                    sources: failure.because.sources))
        }
        if reasons.isEmpty {
            let gap = Format.score(winner.total - rival.total)
            reasons.append(Sentence(full: "\(stackName(winner.stack)) leads \(stackName(rival.stack)) by \(gap) in total "
                                        + "while leading on no single axis by enough to name; the scoring trace shows each fit.",
                                    shorts: ["Leads \(shortName(rival.stack)) by \(gap) in total; --detail why has the trace"]))
        }
        return reasons
    }

    /// The contribution that separates the winner from the rival most on one axis, as the sentence that
    /// explains it: the winner's own `why` when the rule lifted it, the rival's when the rule held the
    /// rival back, or the monthly figures when the difference is cost.
    private func separation(_ axis: AxisScore, _ other: AxisScore, winner: StackID, rival: StackID,
                            costs: CostReport) -> Cited? {
        let ids = Set(axis.contributions.map(\.rule) + other.contributions.map(\.rule))
        func delta(_ score: AxisScore, _ rule: String) -> Double { score.contributions.first { $0.rule == rule }?.delta ?? 0 }
        guard let rule = ids.filter({ delta(axis, $0) - delta(other, $0) > 1e-9 })
            .max(by: { (delta(axis, $0) - delta(other, $0), $1) < (delta(axis, $1) - delta(other, $1), $0) }) else { return nil }
        if rule == Contribution.costRule { return costSeparation(winner: winner, rival: rival, costs: costs) }
        let lifted = delta(axis, rule) > 0 && delta(axis, rule) >= -delta(other, rule)
        let source = lifted ? axis.contributions.first { $0.rule == rule } : other.contributions.first { $0.rule == rule }
        return source.map { Cited(text: lowercasedFirst(ensurePeriod($0.because.text)), sources: $0.because.sources,
                                  asOf: $0.because.asOf) }
    }

    private func costSeparation(winner: StackID, rival: StackID, costs: CostReport) -> Cited? {
        guard let mine = costs.cost(winner), let theirs = costs.cost(rival) else { return nil }
        func money(_ cost: StackCost) -> String {
            cost.lineItems.isEmpty ? "nothing priced" : (cost.isLowerBound ? "at least " : "") + Format.money(cost.monthly)
        }
        let sources = Array(Set(mine.lineItems.flatMap(\.sources) + theirs.lineItems.flatMap(\.sources))).sorted()
        return Cited(text: "cost separates them: the runtime costs \(money(mine)) a month on \(shortName(winner)) against "
                     + "\(money(theirs)) on \(shortName(rival)), and a stack dearer than the \(costs.cheapestMeaning) "
                     + "loses billing fit in proportion to the extra.", sources: sources, asOf: knowledgeBase.meta.asOf)
    }
}
