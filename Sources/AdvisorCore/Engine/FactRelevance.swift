extension Engine {
    /// A stack's facts that bear on these answers: those without `relevant_when`, and those whose
    /// condition holds. The rest stays out of a decision record (a fleet of 40 is not told what only
    /// matters below 10 agents).
    public func relevantFacts(of stack: StackID, answers: Answers) -> [Fact] {
        guard let facts = knowledgeBase.stack(stack)?.facts else { return [] }
        let profiles = Dictionary(knowledgeBase.profiles.map { ($0.id, $0.condition) }, uniquingKeysWith: { a, _ in a })
        let vector = questionnaire.vector(answers)
        return facts.filter { fact in
            fact.relevantWhen.map { questionnaire.compile($0, profiles: profiles).holds(vector) } ?? true
        }
    }
}
