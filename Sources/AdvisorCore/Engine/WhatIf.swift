/// A pinned set of answers (A) against the answers as they stand now (B): which answers changed, the
/// winner in each, every stack's score and monthly bill in each with the change, and the conditions that
/// came or went. Made by the engine from the two analyses; the wizard shows it beside the ranking and the
/// record lists A as an alternative considered.
public struct WhatIf: Hashable, Sendable {
    /// One stack in A and now.
    public struct Row: Hashable, Sendable {
        public var stack: StackID
        /// nil when the stack is not ranked on that side (ruled out there).
        public var before: StackScore?
        public var after: StackScore?
        public var costBefore: StackCost?
        public var costAfter: StackCost?
        /// Now less A, when both sides rank it.
        public var scoreChange: Double?
        /// Now less A, when both bills are complete.
        public var monthlyChange: Double?
        /// `+$12.34`, `-$5.00`, `same`, or `—` when the change cannot be told.
        public var monthlyChangeText: String
    }

    /// The answers that differ, A's value first, in questionnaire order.
    public var changes: [AnswerChange]
    /// The changed answers in words, and the stacks ruled out or back in: "Changed from A: fleet size from
    /// 40 agents to 45 agents." (or that nothing changed).
    public var changed: Sentence
    public var winnerBefore: StackID
    public var winnerAfter: StackID
    /// "Winner: AgentCore in A (0.78) and now (0.79)", or who won in each.
    public var winner: Sentence
    /// In the current ranking's order, then stacks ranked only in A.
    public var rows: [Row]
    /// What to confirm now that A did not ask, and what A asked that is no longer needed.
    public var conditions: [Sentence]
}

extension Engine {
    /// A (`pinned`) against now (`current`): both analyses are made already; this only compares them.
    public func whatIf(pinned: Advice, current: Advice) -> WhatIf {
        let changes = questionnaire.questions.compactMap { question -> AnswerChange? in
            let before = pinned.answers.values[question.id], after = current.answers.values[question.id]
            guard let before, let after, before != after || pinned.answers.ranges[question.id] != current.answers.ranges[question.id]
            else { return nil }
            return AnswerChange(question: question.id, from: before, to: after)
        }
        var parts = changes.map { ChangeText.describe($0, questionnaire: questionnaire) }
        let newlyOut = current.answers.exclusions.filter { !pinned.answers.excludedStacks.contains($0.stack) }.map(\.stack)
        let backIn = pinned.answers.exclusions.filter { !current.answers.excludedStacks.contains($0.stack) }.map(\.stack)
        if !newlyOut.isEmpty { parts.append("ruled out " + newlyOut.map(stackName).joined(separator: " and ")) }
        if !backIn.isEmpty { parts.append("took " + backIn.map(stackName).joined(separator: " and ") + " back in") }
        var changed = parts.isEmpty ? Sentence("The answers are those of A.")
            : Sentence(full: "Changed from A: " + parts.joined(separator: "; ") + ".",
                       shorts: ["Changed from A: " + parts.joined(separator: "; "),
                                "Changed from A: \(parts.count) answer\(parts.count == 1 ? "" : "s")"])
        changed.about = changes.map(\.question)
        let a = pinned.ranking.winner, b = current.ranking.winner
        let winner = a.stack == b.stack
            ? Sentence(full: "Winner: \(stackName(a.stack)) in A (\(Format.score(a.total))) and now (\(Format.score(b.total))).",
                       shorts: ["Winner: \(shortName(a.stack)) in A and now"])
            : Sentence(full: "Winner: \(stackName(a.stack)) in A (\(Format.score(a.total))), \(stackName(b.stack)) now "
                           + "(\(Format.score(b.total))).",
                       shorts: ["Winner: \(shortName(a.stack)) in A, \(shortName(b.stack)) now"])
        let order = current.ranking.scores.map(\.stack)
            + pinned.ranking.scores.map(\.stack).filter { id in !current.ranking.scores.contains { $0.stack == id } }
        let rows = order.map { stack in
            whatIfRow(stack, before: pinned, after: current)
        }
        let before = Set(pinned.verdict.conditions.map(\.full)), after = Set(current.verdict.conditions.map(\.full))
        let conditions = current.verdict.conditions.filter { !before.contains($0.full) }.map { Sentence("New now: " + $0.full) }
            + pinned.verdict.conditions.filter { !after.contains($0.full) }.map { Sentence("No longer needed (A asked it): " + $0.full) }
        return WhatIf(changes: changes, changed: changed, winnerBefore: a.stack, winnerAfter: b.stack, winner: winner,
                      rows: rows, conditions: conditions)
    }

    private func whatIfRow(_ stack: StackID, before: Advice, after: Advice) -> WhatIf.Row {
        let scoreBefore = before.ranking.score(stack), scoreAfter = after.ranking.score(stack)
        let costBefore = before.costs.cost(stack), costAfter = after.costs.cost(stack)
        func complete(_ cost: StackCost?) -> Double? {
            guard let cost, !cost.isUnpriced, !cost.totalIsLowerBound else { return nil }
            return cost.total
        }
        let monthly = complete(costAfter).flatMap { now in complete(costBefore).map { now - $0 } }
        let text: String
        switch monthly {
        case nil: text = "—"
        case let change? where Format.cents(change) == 0: text = "same"
        case let change?: text = (change > 0 ? "+" : "-") + Format.money(abs(change))
        }
        return WhatIf.Row(stack: stack, before: scoreBefore, after: scoreAfter, costBefore: costBefore, costAfter: costAfter,
                          scoreChange: scoreAfter.flatMap { now in scoreBefore.map { now.total - $0.total } },
                          monthlyChange: monthly, monthlyChangeText: text)
    }
}
