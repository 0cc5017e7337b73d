/// Which answers a result rests on: the questions a rule's or a floor's condition reads, so a surface can
/// open the question behind a reason or a condition.
extension Engine {
    /// The questions `rule` (an id in the knowledge base, or `Contribution.costRule`) reads, in
    /// questionnaire order. Cost rests on the workload, so it points at the workload's first question.
    public func questionsBehind(rule: String) -> [QuestionID] {
        if rule == Contribution.costRule { return Workload.requiredQuestions.prefix(1).map { $0 } }
        guard let found = knowledgeBase.rules.first(where: { $0.id == rule }) else { return [] }
        return questionsBehind(found.condition)
    }

    /// The questions the floor with this id reads, in questionnaire order.
    public func questionsBehind(floor: String) -> [QuestionID] {
        knowledgeBase.floors.first { $0.id == floor }.map { questionsBehind($0.condition) } ?? []
    }

    func questionsBehind(_ condition: Condition) -> [QuestionID] {
        var found = Set<QuestionID>()
        func collect(_ condition: Condition, depth: Int) {
            switch condition {
            case .always: break
            case .equals(let id, _), .oneOf(let id, _), .below(let id, _), .atLeast(let id, _): found.insert(id)
            case .profile(let id):
                // Profiles are conditions over answers too; a profile naming itself cannot loop forever.
                if depth < 8, let profile = knowledgeBase.profiles.first(where: { $0.id == id }) { collect(profile.condition, depth: depth + 1) }
            case .any(let parts), .all(let parts): parts.forEach { collect($0, depth: depth) }
            case .not(let inner): collect(inner, depth: depth)
            }
        }
        collect(condition, depth: 0)
        return questionnaire.questions.map(\.id).filter(found.contains)
    }
}
