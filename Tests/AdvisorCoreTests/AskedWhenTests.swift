import AdvisorCore
import Foundation
import Testing

/// `asked_when` in Screens/questionnaire.yaml: which answers bring a question, checked when the file loads.
@Suite struct AskedWhenTests {
    func load(_ edit: (String) -> String) throws -> Questionnaire {
        let text = try String(contentsOfFile: packageRoot + "/Screens/questionnaire.yaml", encoding: .utf8)
        return try QuestionnaireLoader.load(bytes: Array(edit(text).utf8), file: "Screens/questionnaire.yaml")
    }

    @Test func theRuntimeUnderAgent365IsAskedOfEntraOrAzureTeams() throws {
        let question = try #require(shippedEngine.questionnaire.question("identity.microsoft_runtime"))
        var answers = Answers(defaultsOf: shippedEngine.questionnaire)
        answers["organization.cloud"] = .choice("aws")
        answers["identity.provider"] = .choice("aws-iam")
        #expect(!question.isAsked(given: answers))
        answers["identity.provider"] = .choice("entra")
        #expect(question.isAsked(given: answers))
        answers["identity.provider"] = .choice("okta")
        answers["organization.cloud"] = .choice("azure")
        #expect(question.isAsked(given: answers))
    }

    @Test func anUnknownQuestionOrOptionIsRefused() throws {
        let needle = "asked_when: {identity.provider: [entra], organization.cloud: [azure]}"
        #expect(throws: DiagnosticError.self) { try self.load { $0.replacingOccurrences(of: needle, with: "asked_when: {identity.provider: [entra-id]}") } }
        #expect(throws: DiagnosticError.self) { try self.load { $0.replacingOccurrences(of: needle, with: "asked_when: {model.strategy: [claude]}") } }
        do {
            _ = try load { $0.replacingOccurrences(of: needle, with: "asked_when: {identity.provider: [entra-id]}") }
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.contains { $0.key == "identity.microsoft_runtime.asked_when.identity.provider"
                && $0.message == "has no option 'entra-id'" })
        }
        // As shipped it loads.
        _ = try load { $0 }
    }
}
