/// Answer changes in the questionnaire's words: "identity provider from AWS IAM to Microsoft Entra
/// ID makes Microsoft Agent 365 win", never the ids, which only JSON keeps.
public enum ChangeText {
    public static func describe(_ change: AnswerChange, questionnaire: Questionnaire) -> String {
        guard let question = questionnaire.question(change.question) else {
            return "\(change.question) from \(change.from.display) to \(change.to.display)"
        }
        return "\(question.label) from \(question.describe(change.from)) to \(question.describe(change.to))"
    }

    /// `short` names the new winner by its short name, for one-line forms.
    /// `short` gives only the new value ("fleet size to 9 agents") and the new winner's short name.
    public static func describe(_ flip: WinnerFlip, engine: Engine, short: Bool = false) -> String {
        guard short else {
            return flip.changes.map { describe($0, questionnaire: engine.questionnaire) }.joined(separator: " and ")
                + " makes \(engine.stackName(flip.winner)) win"
        }
        return flip.changes.map { change in
            engine.questionnaire.question(change.question).map { "\($0.label) to \($0.describe(change.to))" }
                ?? "\(change.question) to \(change.to.display)"
        }.joined(separator: " and ") + " makes \(engine.shortName(flip.winner)) win"
    }
}
