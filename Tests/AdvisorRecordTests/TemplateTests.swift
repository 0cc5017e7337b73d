import AdvisorCore
import AdvisorFiles
import AdvisorRecord
import Foundation
import Testing

/// The minimal built-in template and templates of one's own.
@Suite struct TemplateTests {
    @Test(needsCmark, arguments: exampleFiles())
    func minimalKeepsTitleContextOptionsOutcomeAndConsequences(path: String) throws {
        let answers = try readAnswers(path)
        let text = try record(answers, templateName: DecisionRecord.minimalTemplateName)
        let parts = try #require(splitFrontMatter(text))
        let document = try parseMarkdown(parts.body)
        #expect(headings(document).map(\.level) == [1, 2, 2, 2, 3, 3, 2, 3])
        #expect(headings(document).map(\.text) == [answers.text("decision.title") ?? "", "Context and Problem Statement",
                                                   "Considered Options", "Decision Outcome", "Consequences", "Confirmation",
                                                   "More Information", "Sources cited"])
        // It refers to nothing it does not contain: the sections the summary and outcome point to are here.
        for pointer in ["under More Information", "under Sensitivity", "in Decision Drivers"] {
            #expect(!text.contains(pointer), "\(pointer)")
        }
        #expect(tables(document).isEmpty)
        let yaml = try #require(document.all("code_block").first { $0.attributes["info"] == "yaml" }).literal
        let reread = try AnswersParser.parse(bytes: Array(yaml.utf8), file: "block", questionnaire: shippedEngine.questionnaire)
        #expect(reread.values == answers.values)
    }

    @Test func ownTemplatesGetTheSameDataWithoutHTMLEscaping() throws {
        var answers = try exampleAnswers("single-cloud-aws")
        answers["decision.title"] = .text("R&D <platform> \"agents\"")
        let advice = shippedEngine.advise(answers, today: fixedToday)
        let template = "{{title}}|{{{title}}}|{{front.chosenStack}}|{{#options}}{{short}};{{/options}}|{{costs.month}}\n"
        let text = try DecisionRecord.render(advice, engine: shippedEngine, options: RecordOptions(date: fixedToday),
                                             template: template, file: "mine.mustache")
        // Shorts from Data/stacks/*.yaml in rank order (0.776, 0.675, 0.5615, 0.525, 0.466, 0.4375).
        #expect(text == "R\\&D \\<platform\\> \"agents\"|R\\&D \\<platform\\> \"agents\"|\"aws-agentcore\"|"
                + "AgentCore;Cloudflare;Google GEAP;Self-managed;Agent 365;Anthropic MA;|730-hour month\n")
    }

    @Test func brokenTemplatesSayWhere() throws {
        let advice = shippedEngine.advise(try exampleAnswers("single-cloud-aws"), today: fixedToday)
        do {
            _ = try DecisionRecord.render(advice, engine: shippedEngine, options: RecordOptions(date: fixedToday),
                                          template: "# {{title}}\n\n{{#options}}\n* {{name}}\n", file: "mine.mustache")
            Issue.record("a section that is never closed rendered")
        } catch {
            #expect(error.diagnostics.first?.location.file == "mine.mustache")
            #expect(error.diagnostics.first?.message.hasPrefix("is not a valid Mustache template") == true)
        }
    }

    /// The built-in template in the binary is the file in Screens/record.
    @Test func builtInTemplatesAreTheScreensFiles() throws {
        for name in [DecisionRecord.templateName, DecisionRecord.minimalTemplateName] {
            #expect(KnowledgeSource.builtInScreen(name) == (try template(name)))
        }
    }
}
