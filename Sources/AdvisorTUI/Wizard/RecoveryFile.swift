import AdvisorCore

/// The recovery file: a complete answers file (so `--answers` can read it too) headed by comments
/// that say which answers were actually given and where the wizard was. Written after every change.
public enum RecoveryFile {
    static let positionPrefix = "# wizard-position: "
    static let givenPrefix = "# given: "

    public static func text(answers: Answers, questionnaire: Questionnaire, step: Int, question: Int) -> String {
        let given = questionnaire.questions.map(\.id).filter { !answers.defaulted.contains($0) }
        return """
            # runtime-advisor recovery file: the wizard's answers, rewritten after every change.
            # Resume with `runtime-advisor --resume`; it is removed after the answers are saved or exported.
            \(positionPrefix)\(step) \(question)
            \(givenPrefix)\(given.joined(separator: ","))

            """ + AnswersWriter.yaml(answers, questionnaire: questionnaire)
    }

    /// Reads a recovery file back: every answer as written, and the answers not given marked as
    /// defaults again, so the record's "defaults were used" caveat stays true.
    public static func parse(bytes: [UInt8], file: String, questionnaire: Questionnaire) throws(DiagnosticError) -> RecoveredAnswers {
        var answers = try AnswersParser.parse(bytes: bytes, file: file, questionnaire: questionnaire)
        var step = 0, question = 0
        for line in String(decoding: bytes.prefix(64 * 1024), as: UTF8.self).split(separator: "\n").prefix(8) {
            if line.hasPrefix(positionPrefix) {
                let numbers = line.dropFirst(positionPrefix.count).split(separator: " ").compactMap { Int($0) }
                if numbers.count == 2 {
                    step = max(0, min(numbers[0], questionnaire.steps.count - 1))
                    question = max(0, numbers[1])
                }
            } else if line.hasPrefix(givenPrefix) {
                let given = Set(line.dropFirst(givenPrefix.count).split(separator: ",").map(String.init))
                answers.defaulted = Set(questionnaire.questions.map(\.id).filter { !given.contains($0) })
            }
        }
        return RecoveredAnswers(answers: answers, step: step, question: question)
    }
}
