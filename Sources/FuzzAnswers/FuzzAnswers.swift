import AdvisorCore
import Foundation
import FuzzSupport

// Fuzz target for the answers parser (see .ci/fuzz): anything it accepts must survive the writer and
// parse back to the same answers.

@main
struct FuzzAnswers {
    static func main() {
        let path = FuzzDriver.packageRoot + "/Screens/questionnaire.yaml"
        guard let data = FileManager.default.contents(atPath: path),
              let questionnaire = try? QuestionnaireLoader.load(bytes: Array(data), file: path) else {
            fatalError("cannot load \(path)")
        }
        FuzzDriver.run { bytes in
            guard let answers = try? AnswersParser.parse(bytes: bytes, file: "fuzz.yaml", questionnaire: questionnaire) else {
                return
            }
            let text = AnswersWriter.yaml(answers, questionnaire: questionnaire)
            guard let reread = try? AnswersParser.parse(bytes: Array(text.utf8), file: "reread.yaml", questionnaire: questionnaire),
                  reread.values == answers.values else {
                fatalError("answers did not round-trip:\n\(text)")
            }
        }
    }
}
