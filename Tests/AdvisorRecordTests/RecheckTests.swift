import AdvisorCore
import AdvisorRecord
import Foundation
import Testing

/// Re-checking a record against the knowledge base it was made with, and against changed copies.
@Suite struct RecheckTests {
    func recorded(_ answers: Answers, engine: Engine = shippedEngine,
                  templateName: String = DecisionRecord.templateName) throws -> RecordedDecision {
        try RecordReader.read(try record(answers, engine: engine, templateName: templateName), file: "0001-record.md")
    }

    @Test(arguments: exampleFiles())
    func holdsAgainstTheSameKnowledgeBase(path: String) throws {
        let decision = try recorded(try readAnswers(path))
        let result = try Recheck.run(decision, engine: shippedEngine, today: fixedToday)
        #expect(result.holds)
        #expect(result.costs.count == shippedEngine.knowledgeBase.stacks.count)
        #expect(result.costs.allSatisfy { !$0.changed })
        #expect(result.changedFacts.isEmpty)
        #expect(result.newer.isEmpty)
        #expect(decision.answersMatchDigest == true)
        let report = RecheckReport.render(result, engine: shippedEngine)
        #expect(report.contains("\nThe decision holds: "))
        #expect(report.contains("Answers: the block matches the record's answers-sha256."))
    }

    @Test func minimalRecordsRecheckToo() throws {
        let decision = try recorded(try exampleAnswers("multi-cloud"), templateName: DecisionRecord.minimalTemplateName)
        #expect(try Recheck.run(decision, engine: shippedEngine, today: fixedToday).holds)
        #expect(decision.monthlyUSD["cloudflare-neutral"] != nil)
    }

    /// AgentCore's vCPU rate from $0.0895 to $0.1000: 1,460 active vCPU-hours × $0.10 = $146.00, plus
    /// $91.98 of memory = $237.98, up $15.33 (6.9%) from $222.65. Its billing fit loses a little more
    /// (0.2 × 121.18 / 237.98), but it still wins.
    @Test func priceChangeInACopyOfDataIsReported() throws {
        let decision = try recorded(try exampleAnswers("single-cloud-aws"))
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try edit(data + "/stacks/aws-agentcore.yaml", replacing: "rate: 0.0895", with: "rate: 0.1000")
        let engine = try loadEngine(data: data)
        let result = try Recheck.run(decision, engine: engine, today: fixedToday)
        #expect(result.holds)
        let changed = result.costs.filter(\.changed)
        #expect(changed.map(\.stack) == ["aws-agentcore"])
        // Idle billed: 4,866.67 vCPU-hours × $0.0895 = $435.57 + $91.98 memory = $527.55 before; × $0.1000 =
        // $486.67 + $91.98 = $578.65 after: +$51.10, 9.7% more.
        #expect(changed.first?.before == .some(.some(527.55)))
        #expect(changed.first?.after.map { ($0 * 100).rounded() / 100 } == 578.65)
        let report = RecheckReport.render(result, engine: engine)
        #expect(report.contains("  AgentCore     $527.55 -> $578.65  +$51.10 (+9.7%)\n"))
        #expect(report.contains("  Cloudflare    $105.12, unchanged\n"))
        #expect(report.contains("  Self-managed  not modelled, unchanged\n"))
        // A price is a fact too: the changed cost is listed under the changed facts, not "None".
        #expect(result.changedPrices.map(\.stack) == ["aws-agentcore"])
        #expect(report.contains("  AWS Bedrock AgentCore: its prices changed; the same answers now cost $527.55 -> $578.65  +$51.10 (+9.7%) a month."))
        #expect(!report.contains("  None: every stack"))
    }

    /// Flipping identity-idp-aws-iam from +0.4 to −0.4 for AgentCore: identity 0.5 − 0.4 − 0.05 + 0.2 =
    /// 0.25, total (0.25 + 0.8 + 0.7 + 0.544) / 4 = 0.574 (billing 0.7 − 0.2 × (527.55 − 116.80) / 527.55);
    /// Cloudflare keeps (0.6 + 0.8 + 0.7 + 0.5) / 4 = 0.65 and wins, Google keeps 0.56, so AgentCore is now second.
    @Test func winnerChangeIsReported() throws {
        let decision = try recorded(try exampleAnswers("single-cloud-aws"))
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try edit(data + "/rules/identity.yaml", replacing: "adjust: {aws-agentcore: 0.4, microsoft-agent-365: -0.2}",
                 with: "adjust: {aws-agentcore: -0.4, microsoft-agent-365: -0.2}")
        let engine = try loadEngine(data: data)
        let result = try Recheck.run(decision, engine: engine, today: fixedToday)
        #expect(!result.holds)
        #expect(result.recordedWinner == "aws-agentcore")
        #expect(result.currentWinner == "cloudflare-neutral")
        #expect(result.costs.allSatisfy { !$0.changed })
        let report = RecheckReport.render(result, engine: engine)
        #expect(report.contains("The decision has changed: Cloudflare Sandboxes + MCP reference architecture (cloudflare-neutral) "
                                + "now wins with 0.65; the record chose AWS Bedrock AgentCore (aws-agentcore), now ranked 2 with 0.57."))
        // Only the knowledge base changed, so the report says so and names the rule, not new answers.
        #expect(result.decidingRules.contains("identity-idp-aws-iam"))
        #expect(report.contains("The answers did not change: the knowledge base changed."))
        #expect(report.contains("Rules that moved the winner (without any one of them the recorded choice would still win): "))
        #expect(report.contains("identity-idp-aws-iam"))
        #expect(report.contains("runtime-advisor supersede 0001-record.md --adr-dir DIR"))
        #expect(!report.contains("--answers NEW.yaml"))
    }

    @Test func changedAndNewerFactsAreListed() throws {
        let decision = try recorded(try exampleAnswers("single-cloud-aws"))
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let file = data + "/stacks/aws-agentcore.yaml"
        try edit(file, replacing: "capped at roughly eight hours by default.", with: "capped at roughly twelve hours by default.")
        try edit(file, replacing: "  - id: aws-eight-hour-lifetime\n", with: "  - id: aws-eight-hour-lifetime\n    as_of: 2026-06-01\n")
        let engine = try loadEngine(data: data)
        let result = try Recheck.run(decision, engine: engine, today: fixedToday)
        #expect(result.holds)
        #expect(result.changedFacts == ["aws-agentcore"])
        #expect(result.newer == [.init(stack: "aws-agentcore", kind: "fact", id: "aws-eight-hour-lifetime", asOf: Day("2026-06-01")!)])
        let report = RecheckReport.render(result, engine: engine)
        #expect(report.contains("  AWS Bedrock AgentCore: its facts differ from the record's (facts-sha256)."))
        #expect(report.contains("  AWS Bedrock AgentCore, fact aws-eight-hour-lifetime: as of 2026-06-01."))
    }

    @Test func editedAnswersAreFlagged() throws {
        let text = try record(try exampleAnswers("single-cloud-aws")).replacingOccurrences(of: "\n  agents: 40\n", with: "\n  agents: 41\n")
        let decision = try RecordReader.read(text, file: "edited.md")
        #expect(decision.answersMatchDigest == false)
        let report = RecheckReport.render(try Recheck.run(decision, engine: shippedEngine, today: fixedToday), engine: shippedEngine)
        #expect(report.contains("WARNING: the answers block does not match the record's answers-sha256"))
    }

    @Test func windowsLineEndingsRead() throws {
        let text = try record(try exampleAnswers("single-cloud-aws")).replacingOccurrences(of: "\n", with: "\r\n")
        let decision = try RecordReader.read(text, file: "crlf.md")
        #expect(decision.answersMatchDigest == true)
        #expect(try Recheck.run(decision, engine: shippedEngine, today: fixedToday).holds)
    }

    static func problems(_ text: String) -> [Diagnostic] {
        do {
            let decision = try RecordReader.read(text, file: "bad.md")
            _ = try Recheck.run(decision, engine: shippedEngine, today: fixedToday)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func unreadableRecordsSayWhy() throws {
        let good = try record(try exampleAnswers("single-cloud-aws"))
        #expect(Self.problems("# A decision\n\nNo front matter.\n").first?.message == "has no front matter")
        #expect(Self.problems("---\nstatus: \"proposed\"\n---\n# x\n").contains { $0.key == "chosen-stack" })
        let unterminated = String(good.prefix(through: try #require(good.range(of: "\n---\n")).lowerBound))
        #expect(Self.problems(unterminated).first?.message == "has no front matter")
        let fence = try #require(good.range(of: "```yaml\n"))
        #expect(Self.problems(String(good[..<fence.lowerBound])).first?.message == "has no answers block")
        let cut = try #require(good.range(of: "identity:\n  provider"))
        let unclosed = String(good[..<cut.lowerBound])
        #expect(Self.problems(unclosed).first?.message == "has an answers block that is never closed")
    }

    /// An answer that no longer reads points at its own line in the record.
    @Test func invalidAnswersPointAtTheRecordsLine() throws {
        let text = try record(try exampleAnswers("single-cloud-aws")).replacingOccurrences(of: "\n  agents: 40\n", with: "\n  agents: lots\n")
        let line = text.components(separatedBy: "\n").firstIndex(of: "  agents: lots").map { $0 + 1 }
        let problems = Self.problems(text)
        #expect(!problems.isEmpty)
        #expect(problems.first?.key == "workload.agents")
        #expect(problems.first?.location.line == line)
        #expect(problems.first?.location.file == "bad.md")
    }

    /// Records written before the compact front matter (three mappings keyed by stack, no rules) still
    /// read and re-check.
    @Test func recordsWithTheEarlierFrontMatterStillRecheck() throws {
        let text = try record(try exampleAnswers("single-cloud-aws"))
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "stacks:"))
        let end = try #require(lines.indices.dropFirst(start + 1).first { !lines[$0].hasPrefix("  ") })
        var costs = ["monthly-usd:"], scores = ["scores:"], digests = ["facts-sha256:"]
        for line in lines[(start + 1)..<end] {
            let key = String(line.prefix { $0 != ":" })
            let fields = line.drop { $0 != "{" }.dropFirst().dropLast().components(separatedBy: ", ")
            func value(_ name: String) -> String { fields.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) } ?? "" }
            costs.append(key + ": " + value("monthly-usd"))
            scores.append(key + ": " + value("score"))
            digests.append(key + ": " + value("facts-sha256"))
        }
        let old = (lines[..<start].filter { !$0.hasPrefix("rules: ") } + costs + scores + digests + lines[end...]).joined(separator: "\n")
        let decision = try RecordReader.read(old, file: "0001-old.md")
        #expect(decision.appliedRules == nil)
        #expect(decision.monthlyUSD["aws-agentcore"] == .some(.some(527.55)))
        // (1.0 + 0.8 + 0.7 + 0.7 − 0.2 × (527.55 − 116.80) / 527.55) / 4 = 0.7611
        #expect(decision.scores["aws-agentcore"] == 0.7611)
        let result = try Recheck.run(decision, engine: shippedEngine, today: fixedToday)
        #expect(result.holds)
        #expect(result.changedFacts.isEmpty)
        #expect(result.changedPrices.isEmpty)
    }
}
