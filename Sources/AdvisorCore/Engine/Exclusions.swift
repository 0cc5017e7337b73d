/// Stacks the team ruled out take effect here, once, for every computation on a set of answers: the
/// engine for those answers leaves them out of its stacks, so the ranking, the costs and "cheapest",
/// the fallback, the cost reference, the break-evens and the answer changes that flip the winner all
/// see the same candidates, whichever surface asks.
extension Engine {
    /// This engine with exactly the stacks `answers` rule out left out (itself when that is already so).
    /// Answers that would rule out every stack are refused where they are read (file, flag, wizard);
    /// here they leave the candidates as they are rather than leave nothing to rank.
    public func scoped(to answers: Answers) -> Engine { rescoped(for: answers) ?? self }

    /// The engine `answers` call for, or nil when it is this one.
    func rescoped(for answers: Answers) -> Engine? {
        let known = Set(knowledgeBase.stacks.map(\.id))
        var wanted = answers.excludedStacks.intersection(known)
        if wanted.count == known.count { wanted = [] }
        guard wanted != excluded else { return nil }
        return (try? Engine(knowledgeBase: knowledgeBase, questionnaire: questionnaire, prices: priceBook, excluding: wanted))?
            .keepingDigest(of: self)
    }

    /// "Ruled out by the team, so not ranked or priced: Microsoft Agent 365, “we will never buy Microsoft”."
    func exclusionSentence(_ exclusions: [Exclusion]) -> Sentence? {
        let known = exclusions.filter { excluded.contains($0.stack) }
        guard !known.isEmpty else { return nil }
        func why(_ exclusion: Exclusion) -> String {
            exclusion.reason.map { ", \u{201C}\($0)\u{201D}" } ?? ", no reason given"
        }
        let full = "Ruled out by the team, so not ranked or priced: "
            + known.map { stackName($0.stack) + why($0) }.joined(separator: "; ") + "."
        return Sentence(full: full, shorts: [
            "Ruled out: " + known.map { shortName($0.stack) + why($0) }.joined(separator: "; "),
            "Ruled out by the team: " + known.map { shortName($0.stack) }.joined(separator: ", "),
            "Ruled out by the team: \(known.count) stack\(known.count == 1 ? "" : "s"): --detail full",
        ])
    }
}
