import AdvisorCore

/// The recovery file: a complete answers file (so `--answers` can read it too) headed by comments
/// that say which answers were actually given, where the wizard was and the answers pinned as what-if
/// A (an answers file of their own, each line behind `# pinned: `). Written after every change.
public enum RecoveryFile {
    static let positionPrefix = "# wizard-position: "
    static let givenPrefix = "# given: "
    static let pinnedGivenPrefix = "# pinned-given: "
    static let pinnedPrefix = "# pinned: "

    public static func text(answers: Answers, questionnaire: Questionnaire, step: Int, question: Int, pinned: Answers? = nil) -> String {
        var pinnedLines = ""
        if let pinned {
            pinnedLines = pinnedGivenPrefix + given(pinned, questionnaire).joined(separator: ",") + "\n"
                + AnswersWriter.yaml(pinned, questionnaire: questionnaire).split(separator: "\n", omittingEmptySubsequences: false)
                    .dropLast().map { pinnedPrefix + $0 + "\n" }.joined()
        }
        return """
            # runtime-advisor recovery file: the wizard's answers, rewritten after every change.
            # Resume with `runtime-advisor --resume`; it is removed after the answers are saved or exported.
            \(positionPrefix)\(step) \(question)
            \(givenPrefix)\(given(answers, questionnaire).joined(separator: ","))

            """ + pinnedLines + AnswersWriter.yaml(answers, questionnaire: questionnaire)
    }

    private static func given(_ answers: Answers, _ questionnaire: Questionnaire) -> [QuestionID] {
        questionnaire.questions.map(\.id).filter { !answers.defaulted.contains($0) }
    }

    /// Reads a recovery file back: every answer as written, and the answers not given marked as
    /// defaults again, so the record's "defaults were used" caveat stays true. Pinned answers that do
    /// not read back are left out rather than stop the answers coming back.
    public static func parse(bytes: [UInt8], file: String, questionnaire: Questionnaire) throws(DiagnosticError) -> RecoveredAnswers {
        var answers = try AnswersParser.parse(bytes: bytes, file: file, questionnaire: questionnaire)
        var step = 0, question = 0
        var pinnedYAML: [Substring] = [], pinnedGiven: Set<String>?
        for line in String(decoding: bytes.prefix(256 * 1024), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(positionPrefix) {
                let numbers = line.dropFirst(positionPrefix.count).split(separator: " ").compactMap { Int($0) }
                if numbers.count == 2 {
                    step = max(0, min(numbers[0], questionnaire.steps.count - 1))
                    question = max(0, numbers[1])
                }
            } else if line.hasPrefix(givenPrefix) {
                let given = Set(line.dropFirst(givenPrefix.count).split(separator: ",").map(String.init))
                answers.defaulted = Set(questionnaire.questions.map(\.id).filter { !given.contains($0) })
            } else if line.hasPrefix(pinnedGivenPrefix) {
                pinnedGiven = Set(line.dropFirst(pinnedGivenPrefix.count).split(separator: ",").map(String.init))
            } else if line.hasPrefix(pinnedPrefix) || line == pinnedPrefix.dropLast() {
                pinnedYAML.append(line.dropFirst(min(line.count, pinnedPrefix.count)))
            } else if !line.hasPrefix("#") && !line.isEmpty {
                break  // the answers themselves: the header is over
            }
        }
        var pinned: Answers?
        if !pinnedYAML.isEmpty, let given = pinnedGiven {
            let text = pinnedYAML.joined(separator: "\n") + "\n"
            pinned = try? AnswersParser.parse(bytes: Array(text.utf8), file: file, questionnaire: questionnaire)
            pinned?.defaulted = Set(questionnaire.questions.map(\.id).filter { !given.contains($0) })
        }
        return RecoveredAnswers(answers: answers, step: step, question: question, pinned: pinned)
    }
}
