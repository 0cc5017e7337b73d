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
            var reason = Sentence(full: "On \(name.lowercased()) it fits \(versus): " + why.because.text,
                                  shorts: ["\(name): \(versus)"], sources: why.because.sources)
            reason.about = questionsBehind(rule: why.rule)
            reasons.append(reason)
        }
        if let failure = rival.floorFailures.first, winner.standing != .failed {
            let floor = failure.name
            var reason = Sentence(full: "\(shortName(rival.stack)) ranks after it because it does not meet the \(floor): "
                                      + lowercasedFirst(failure.reason),
                                  shorts: ["\(shortName(rival.stack)) ranks after it: it does not meet the \(floor)"],
                                  sources: failure.because.sources)
            reason.about = questionsBehind(floor: failure.floor)
            reasons.append(reason)
        }
        if reasons.isEmpty {
            let gap = Format.gap(winner.total - rival.total)
            reasons.append(Sentence(full: "\(stackName(winner.stack)) leads \(stackName(rival.stack)) by \(gap) in total "
                                        + "while leading on no single axis by enough to name; the scoring trace shows each fit.",
                                    shorts: ["Leads \(shortName(rival.stack)) by \(gap) in total; --detail why has the trace"]))
        }
        return reasons
    }

    /// The contribution that separates the winner from the rival most on one axis, as the sentence that
    /// explains it (see `separations`).
    private func separation(_ axis: AxisScore, _ other: AxisScore, winner: StackID, rival: StackID,
                            costs: CostReport) -> Separation? {
        separations(axis, other, first: winner, second: rival, costs: costs).first { $0.favours == winner }
    }

    /// Every rule that moves two stacks' fits on one axis apart, the widest gap first (then by rule id):
    /// each with the stack it favours and the sentence that explains it, the favoured stack's own `why`
    /// when the rule lifted it, the other's when the rule held the other back, or both monthly figures
    /// when the difference is cost. What a reason quotes, and what a side-by-side comparison lists.
    func separations(_ first: AxisScore, _ second: AxisScore, first firstStack: StackID, second secondStack: StackID,
                     costs: CostReport) -> [Separation] {
        func delta(_ score: AxisScore, _ rule: String) -> Double { score.contributions.first { $0.rule == rule }?.delta ?? 0 }
        let ids = Set(first.contributions.map(\.rule) + second.contributions.map(\.rule))
        return ids.compactMap { rule -> Separation? in
            let gap = delta(first, rule) - delta(second, rule)
            guard abs(gap) > 1e-9 else { return nil }
            let (favoured, other, favouredStack, otherStack) = gap > 0 ? (first, second, firstStack, secondStack)
                : (second, first, secondStack, firstStack)
            let because: Cited?
            if rule == Contribution.costRule {
                because = costSeparation(winner: favouredStack, rival: otherStack, costs: costs)
            } else {
                let lifted = delta(favoured, rule) > 0 && delta(favoured, rule) >= -delta(other, rule)
                let source = (lifted ? favoured : other).contributions.first { $0.rule == rule }
                because = source.map { Cited(text: lowercasedFirst(ensurePeriod($0.because.text)), sources: $0.because.sources,
                                             asOf: $0.because.asOf) }
            }
            return because.map { Separation(rule: rule, favours: favouredStack, gap: abs(gap),
                                            deltas: [delta(first, rule), delta(second, rule)], because: $0) }
        }.sorted { ($1.gap, $0.rule) < ($0.gap, $1.rule) }
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

/// One rule's part in the gap between two stacks on one axis.
public struct Separation: Hashable, Sendable {
    /// The rule's id, or `Contribution.costRule` for cost.
    public var rule: String
    /// The stack the rule favours, and by how much fit.
    public var favours: StackID
    public var gap: Double
    /// The rule's delta for each of the two stacks, in the order they were given.
    public var deltas: [Double]
    /// Why, in the words of the stack it moved (or both monthly figures for cost).
    public var because: Cited
}
