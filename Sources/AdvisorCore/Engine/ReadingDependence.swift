/// What becomes of the winner's lead when a contested fact is read the other way: its meters priced
/// together under their alternatives, everything else held.
public struct ReadingDependence: Hashable, Sendable {
    /// The contested fact's id and title.
    public var contested: String
    public var title: String
    /// The other reading, as the knowledge base states it.
    public var otherReading: Cited
    /// Who wins under the other reading, and by how much over the next stack that fails no floor.
    public var winner: StackID
    public var margin: Double
    /// True when the other reading hands the recommendation to another stack.
    public var flips: Bool
}

extension Engine {
    /// Contested facts under whose other reading the winner's lead changes hands or falls below the
    /// close-call margin. A lead that is already close is said to be close once, not again here.
    func readingDependences(_ vector: AnswerVector, ranking: Ranking) -> [ReadingDependence] {
        let inQuestion = Set(stacksInQuestion(ranking))
        let workload = workload(vector)
        let closeMargin = knowledgeBase.meta.closeMargin
        return zip(knowledgeBase.contested, contestedConditions).compactMap { item, condition in
            guard !item.meters.isEmpty, !inQuestion.isDisjoint(with: item.stacks), condition.holds(vector) else { return nil }
            let totals = stacks.indices.map { comparedMonthly($0, workload: workload, vector: vector, swapping: Set(item.meters)) }
            let evaluation = evaluate(vector, costTotals: totals)
            let winner = evaluation.order[0]
            let eligible = evaluation.order.filter { !evaluation.failing[$0] }
            let margin = eligible.count > 1 ? evaluation.totals[eligible[0]] - evaluation.totals[eligible[1]] : 0
            let flips = stacks[winner].id != ranking.winner.stack
            guard flips || (!ranking.isClose && eligible.count > 1 && margin < closeMargin) else { return nil }
            return ReadingDependence(contested: item.id, title: item.title, otherReading: item.readings[1],
                                     winner: stacks[winner].id, margin: margin, flips: flips)
        }
    }

    /// The sentence a recommendation carries when its lead rests on one reading of a contested fact.
    func readingDependenceText(_ dependence: ReadingDependence, ranking: Ranking) -> String {
        let reading = dependence.otherReading.text.hasSuffix(".") ? String(dependence.otherReading.text.dropLast())
            : dependence.otherReading.text
        // Three decimals: a lead of 0.0256 must not print as the 0.03 margin it falls short of.
        let margin = Format.plain((dependence.margin * 1000).rounded() / 1000)
        let outcome = dependence.flips
            ? "\(stackName(dependence.winner)) would win instead, by \(margin)."
            : "\(stackName(ranking.winner.stack)) would lead by only \(margin), "
                + "less than the close-call margin of \(Format.score(knowledgeBase.meta.closeMargin))."
        return "The lead rests on a contested reading (\(dependence.title)). Under the other reading (\(reading)), "
            + outcome
    }
}
