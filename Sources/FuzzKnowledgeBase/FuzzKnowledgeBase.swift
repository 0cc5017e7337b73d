import AdvisorCore
import Foundation
import FuzzSupport

// Fuzz target for the knowledge-base loader (see .ci/fuzz). The first input byte picks which shipped
// file the rest of the input replaces; the loader must accept the result and score with it, or refuse
// it with diagnostics.

@main
struct FuzzKnowledgeBase {
    static func main() {
        let root = FuzzDriver.packageRoot
        let questionnairePath = root + "/Screens/questionnaire.yaml"
        guard let data = FileManager.default.contents(atPath: questionnairePath),
              let questionnaire = try? QuestionnaireLoader.load(bytes: Array(data), file: questionnairePath) else {
            fatalError("cannot load \(questionnairePath)")
        }
        let folder = root + "/Data"
        let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("examples/") }.sorted()
        let files = Dictionary(uniqueKeysWithValues: paths.map {
            ("Data/" + $0, Array(FileManager.default.contents(atPath: folder + "/" + $0) ?? Data()))
        })
        // The unchanged files are parsed once; each input re-parses only the file it replaces.
        let shipped = KnowledgeBaseLoader.parse(files: files).documents
        let names = shipped.keys.sorted()
        FuzzDriver.run { bytes in
            guard let selector = bytes.first, !names.isEmpty else { return }
            let replaced = names[Int(selector) % names.count]
            var documents = shipped
            let (parsed, problems) = KnowledgeBaseLoader.parse(files: [replaced: Array(bytes.dropFirst())])
            documents[replaced] = parsed[replaced]
            do {
                let base = try KnowledgeBaseLoader.load(documents: documents, problems: problems, questionnaire: questionnaire)
                let engine = try Engine(knowledgeBase: base, questionnaire: questionnaire)
                let answers = Answers(defaultsOf: questionnaire)
                _ = engine.rank(answers)
                _ = engine.costs(answers)
            } catch let error as DiagnosticError {
                if error.diagnostics.isEmpty { fatalError("refused without saying why") }
            } catch {
                fatalError("unexpected error: \(error)")
            }
        }
    }
}
