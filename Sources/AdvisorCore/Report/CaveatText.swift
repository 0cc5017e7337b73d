/// A caveat as the text report words it. The engine's sentence names questions by id, which JSON
/// keeps; the text report names them as the questionnaire does ("identity requests per session = 0").
enum CaveatText {
    static func text(_ caveat: Caveat, advice: Advice, engine: Engine) -> String {
        guard caveat.kind == .defaults else { return caveat.text }
        let questionnaire = engine.questionnaire
        let defaulted = advice.answers.defaulted.filter { !["decision", "weights"].contains(questionnaire.question($0)?.section) }
        let named = defaulted.sorted().compactMap { id -> String? in
            guard let question = questionnaire.question(id), let value = advice.answers.values[id] else { return nil }
            return "\(question.label) = \(question.describe(value))"
        }
        guard named.count == defaulted.count, !named.isEmpty else { return caveat.text }
        return "Not in the answers, so defaults were used: " + named.joined(separator: ", ") + "."
    }
}
