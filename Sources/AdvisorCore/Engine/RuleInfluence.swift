extension Engine {
    /// The ids of the rules that apply to these answers (cost's part of the billing fit excluded).
    public func appliedRules(_ answers: Answers) -> [String] {
        if let scoped = rescoped(for: answers) { return scoped.appliedRules(answers) }
        return evaluate(questionnaire.vector(answers)).matchedRules.map { rules[$0].rule.id }.sorted()
    }

    /// Rules that apply to these answers and without any one of which `stack` would win instead of the
    /// current winner: what a re-check names when the winner moved.
    public func rulesKeepingOut(_ stack: StackID, answers: Answers) -> [String] {
        if let scoped = rescoped(for: answers) { return scoped.rulesKeepingOut(stack, answers: answers) }
        guard let target = stacks.firstIndex(where: { $0.id == stack }) else { return [] }
        let vector = questionnaire.vector(answers)
        let evaluation = evaluate(vector)
        guard evaluation.order.first != target else { return [] }
        return evaluation.matchedRules.filter { evaluate(vector, skippingRule: $0).order.first == target }
            .map { rules[$0].rule.id }.sorted()
    }
}
