/// Answer changes in the questionnaire's words: "identity provider from AWS IAM to Microsoft Entra
/// ID makes Microsoft Agent 365 win", never the ids, which only JSON keeps.
public enum ChangeText {
    public static func describe(_ change: AnswerChange, questionnaire: Questionnaire) -> String {
        guard let question = questionnaire.question(change.question) else {
            return "\(change.question) from \(change.from.display) to \(change.to.display)"
        }
        return "\(question.label) from \(question.describe(change.from)) to \(question.describe(change.to))"
    }

    public static func describe(_ flip: WinnerFlip, engine: Engine) -> String {
        flip.changes.map { describe($0, questionnaire: engine.questionnaire) }.joined(separator: " and ")
            + " makes \(engine.stackName(flip.winner)) win"
    }
}
