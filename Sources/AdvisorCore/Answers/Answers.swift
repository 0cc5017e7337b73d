/// A team's answers: one value per question, keyed by question id.
public struct Answers: Hashable, Sendable {
    public static let currentVersion = 1

    public var values: [QuestionID: AnswerValue]
    /// Questions the file left out, filled from the questionnaire's defaults.
    public var defaulted: Set<QuestionID>

    public init(values: [QuestionID: AnswerValue] = [:], defaulted: Set<QuestionID> = []) {
        self.values = values
        self.defaulted = defaulted
    }

    /// Every question at its default: where the wizard starts.
    public init(defaultsOf questionnaire: Questionnaire) {
        var values: [QuestionID: AnswerValue] = [:]
        for question in questionnaire.questions { values[question.id] = question.defaultValue }
        self.init(values: values, defaulted: Set(values.keys))
    }

    public subscript(id: QuestionID) -> AnswerValue? {
        get { values[id] }
        set {
            values[id] = newValue
            defaulted.remove(id)
        }
    }

    public func number(_ id: QuestionID) -> Double { values[id]?.number ?? 0 }
    public func flag(_ id: QuestionID) -> Bool { values[id]?.flag ?? false }
    public func choice(_ id: QuestionID) -> String? { values[id]?.choice }
    public func text(_ id: QuestionID) -> String? { values[id]?.text }
}
