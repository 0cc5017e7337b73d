import AdvisorCore
import AdvisorFiles
import AdvisorResources
import Foundation
import Testing

/// A broken knowledge base is refused whole, with file, line and key for every problem.
@Suite struct KnowledgeBaseLoaderTests {
    /// Loads the shipped files with one file's text edited by `edit`.
    func problems(in file: String, _ edit: (String) -> String) throws -> [Diagnostic] {
        var files = try shippedFiles()
        let original = String(decoding: try #require(files[file]), as: UTF8.self)
        let edited = edit(original)
        try #require(edited != original, "the edit changed nothing")
        files[file] = Array(edited.utf8)
        do {
            _ = try KnowledgeBaseLoader.load(files: files, questionnaire: shippedEngine.questionnaire)
            return []
        } catch {
            return error.diagnostics
        }
    }

    func lineNumber(of needle: String, in file: String) throws -> Int {
        let text = String(decoding: try #require(try shippedFiles()[file]), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    @Test func shippedKnowledgeBaseLoadsAndMatchesTheBuiltInCopy() throws {
        let kb = shippedEngine.knowledgeBase
        #expect(kb.stacks.map(\.id) == ["anthropic-managed-agents", "aws-agentcore", "cloudflare-neutral",
                                        "google-agent-platform", "microsoft-agent-365", "self-managed"])
        #expect(kb.sources.map(\.id) == Array(0...26))
        #expect(kb.axes.map(\.id) == ["identity", "model", "sandbox", "billing"])
        // The binary's embedded copy is the same data as Data/ on disk.
        let builtIn = try KnowledgeSource.engine(dataDirectory: nil, screensDirectory: nil)
        #expect(builtIn.knowledgeBase == kb, "rebuild: the embedded knowledge base differs from Data/")
        #expect(builtIn.questionnaire == shippedEngine.questionnaire)
        // The digest the build worked out is the one hashing the loaded copy gives, and a price book or
        // an exclusion (the same knowledge base) keeps it; a --data folder has none and hashes.
        #expect(builtIn.builtInDigest == builtIn.knowledgeBase.sha256)
        #expect(builtIn.pricing(nil).builtInDigest == builtIn.builtInDigest)
        #expect(shippedEngine.builtInDigest == nil && shippedEngine.knowledgeBaseSHA256 == builtIn.knowledgeBaseSHA256)
    }

    @Test func unknownKeyNamesFileLineAndSuggestion() throws {
        let file = "Data/stacks/aws-agentcore.yaml"
        let found = try problems(in: file) { $0.replacingOccurrences(of: "    driver: vcpu-hours", with: "    drivr: vcpu-hours") }
        let unknown = try #require(found.first { $0.key == "meters.drivr" })
        #expect(unknown.location.file == file)
        #expect(unknown.location.line == (try lineNumber(of: "driver: vcpu-hours", in: file)))
        #expect(unknown.suggestion == "driver")
        #expect(found.contains { $0.key == "meters.driver" && $0.message == "is missing" })
    }

    /// A rule that moves several stacks says why it moves each (issue 18): a reason read to a team must
    /// explain the stack it is about.
    @Test func aRuleMovingSeveralStacksNeedsAWhyForEach() throws {
        let file = "Data/rules/identity.yaml"
        let needle = "      microsoft-agent-365: \"Agent 365 manages agents as Entra identities, a second identity plane beside IAM.\"\n"
        let missing = try problems(in: file) { $0.replacingOccurrences(of: needle, with: "") }
        #expect(missing.contains { $0.key == "rules.why.microsoft-agent-365" && $0.message == "is missing" }, "\(missing)")
        let stray = try problems(in: file) { $0.replacingOccurrences(of: needle, with: needle + "      self-managed: \"Not moved.\"\n") }
        #expect(stray.contains { $0.key == "rules.why.self-managed" && $0.message == "is not a known key" }, "\(stray)")
    }

    /// Prices are bounded so every monthly total stays finite and prints as a figure (issue 17: a rate
    /// of 1e308 printed `$inf` and `$-nan`, 1e300 printed `$1.4600000000000002e+303`).
    @Test(arguments: ["1e308", "1e300", "1000001"])
    func anAbsurdRateIsRefused(_ rate: String) throws {
        let file = "Data/stacks/anthropic-managed-agents.yaml"
        let found = try problems(in: file) { $0.replacingOccurrences(of: "    rate: 0.08\n", with: "    rate: \(rate)\n") }
        let problem = try #require(found.first)
        #expect(problem.key == "meters.rate")
        #expect(problem.message.contains("above the largest price a unit may have"))
        #expect(problem.expected == "at most $1,000,000.00 per unit")
        #expect(problem.location.line == (try lineNumber(of: "    rate: 0.08", in: file)))
    }

    @Test func aUnitSizeOutsideItsBoundsIsRefused() throws {
        let file = "Data/stacks/aws-agentcore.yaml"
        let found = try problems(in: file) { $0.replacingOccurrences(of: "unit_size: 1000\n", with: "unit_size: 1e-300\n") }
        #expect(found.contains { $0.key == "meters.unit_size" && $0.expected == "0.001 to 1,000,000,000" })
    }

    /// A fact's `relevant_when` uses the rules' condition syntax; a wrong question is named with its line.
    @Test func relevantWhenIsCheckedLikeARuleCondition() throws {
        let file = "Data/stacks/self-managed.yaml"
        let needle = "relevant_when: {not: {profile: small-fleet}}"
        let found = try problems(in: file) {
            $0.replacingOccurrences(of: needle, with: "relevant_when: {not: {workload.agentz: {below: 10}}}")
        }
        let problem = try #require(found.first)
        #expect(problem.location.file == file)
        #expect(problem.location.line == (try lineNumber(of: needle, in: file)))
        #expect(problem.key?.hasPrefix("facts.relevant_when") == true, "\(problem)")
        #expect(problem.suggestion == "workload.agents")
        let facts = shippedEngine.knowledgeBase.stack("self-managed")?.facts ?? []
        #expect(facts.first { $0.id == "self-small-fleet-scope" }?.relevantWhen != nil)
    }

    /// A source's `url` must be a plain https address; the loader keeps it for the record's links.
    @Test func sourceURLsArePlainHTTPS() throws {
        let file = "Data/sources.yaml"
        let found = try problems(in: file) {
            $0.replacingOccurrences(of: "url: \"https://aws.amazon.com/bedrock/agentcore/pricing/\"",
                                    with: "url: \"javascript:alert(1)\"")
        }
        let problem = try #require(found.first)
        #expect(problem.key == "sources.url")
        #expect(problem.location.line == (try lineNumber(of: "Amazon Bedrock AgentCore Pricing", in: file)))
        #expect(problem.message.contains("is not a plain https address"))
        #expect(shippedEngine.knowledgeBase.source(13)?.url == "https://aws.amazon.com/bedrock/agentcore/pricing/")
        #expect(shippedEngine.knowledgeBase.source(0)?.url == nil)
    }

    @Test func unknownSourceID() throws {
        let file = "Data/rules/billing.yaml"
        let found = try problems(in: file) { $0.replacingOccurrences(of: "    sources: [0, 18]", with: "    sources: [0, 99]") }
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.message == "cites unknown source 99")
        #expect(problem.location.file == file)
        #expect(problem.location.line == (try lineNumber(of: "sources: [0, 18]", in: file)))
        #expect(problem.expected == "0 to 26")
    }

    @Test func danglingStackReference() throws {
        let file = "Data/rules/billing.yaml"
        let found = try problems(in: file) {
            $0.replacingOccurrences(of: "adjust: {microsoft-agent-365: 0.5}", with: "adjust: {microsoft-agent365: 0.5}")
        }
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.message == "refers to unknown stack 'microsoft-agent365'")
        #expect(problem.suggestion == "microsoft-agent-365")
        #expect(problem.location.line == (try lineNumber(of: "adjust: {microsoft-agent-365: 0.5}", in: file)))
    }

    @Test func negativePrice() throws {
        let file = "Data/stacks/cloudflare-neutral.yaml"
        let found = try problems(in: file) { $0.replacingOccurrences(of: "rate: 0.00002", with: "rate: -0.00002") }
        let problem = try #require(found.first)
        #expect(problem.message.contains("negative price"))
        #expect(problem.location.line == (try lineNumber(of: "rate: 0.00002", in: file)))
    }

    @Test func unknownQuestionOrValueInARule() throws {
        let file = "Data/rules/model.yaml"
        let found = try problems(in: file) {
            $0.replacingOccurrences(of: "when: {model.strategy: gemini}", with: "when: {model.strategi: gemini}")
              .replacingOccurrences(of: "when: {model.strategy: openai}", with: "when: {model.strategy: open-ai}")
        }
        #expect(found.contains { $0.suggestion == "model.strategy" })
        #expect(found.contains { $0.suggestion == "openai" && $0.key == "rules.when.model.strategy" })
    }

    @Test func problemsInSeveralFilesAreAllReported() throws {
        var files = try shippedFiles()
        files["Data/risks.yaml"] = Array("as_of: 2026-04-24\nrisks: not-a-list\n".utf8)
        files["Data/sources.yaml"] = Array("sources:\n  - {id: 0, title: x}\n".utf8)
        files["Data/extra.yaml"] = Array("a: 1\n".utf8)
        do {
            _ = try KnowledgeBaseLoader.load(files: files, questionnaire: shippedEngine.questionnaire)
            Issue.record("a broken knowledge base loaded")
        } catch {
            let files = Set(error.diagnostics.map(\.location.file))
            #expect(files.isSuperset(of: ["Data/risks.yaml", "Data/sources.yaml", "Data/extra.yaml"]))
        }
    }

    @Test func notYAMLAndDuplicateIDs() throws {
        let notYAML = try problems(in: "Data/axes.yaml") { $0 + "\n  - {id: [unclosed\n" }
        #expect(notYAML.first?.message.hasPrefix("is not valid YAML") == true)
        let duplicate = try problems(in: "Data/rules/billing.yaml") {
            $0.replacingOccurrences(of: "id: billing-per-seat", with: "id: billing-idle-heavy")
        }
        #expect(duplicate.contains { $0.message.contains("already defined") })
    }

    @Test func aDataOverrideFolderIsReadAndCheckedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: packageRoot + "/Data", toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = try KnowledgeSource.engine(dataDirectory: folder, screensDirectory: packageRoot + "/Screens")
        #expect(good.knowledgeBase == shippedEngine.knowledgeBase)
        let path = folder + "/stacks/aws-agentcore.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "rate: 0.0895", with: "rate: lots").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticError.self) {
            _ = try KnowledgeSource.engine(dataDirectory: folder, screensDirectory: packageRoot + "/Screens")
        }
    }
}
