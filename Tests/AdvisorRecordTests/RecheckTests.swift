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
        #expect(report.contains("  Cloudflare    at least $105.12, unchanged\n"), "a lower bound stays one")
        #expect(report.contains("  Self-managed  not modelled, unchanged\n"))
        // A price is a fact too: the changed rate is named with its old and new value, then the cost it makes.
        #expect(result.changedPrices.map(\.stack) == ["aws-agentcore"])
        #expect(result.meterChanges.map(\.meter) == ["aws-runtime-vcpu"])
        #expect(report.contains("  AWS Bedrock AgentCore: Runtime compute (vCPU) (aws-runtime-vcpu) $0.0895 -> $0.10 per vCPU-hour.\n"))
        #expect(report.contains("  AWS Bedrock AgentCore: the same answers now cost $527.55 -> $578.65  +$51.10 (+9.7%) a month."))
        #expect(report.contains("WARNING: the knowledge base differs from the one the record used (knowledge-base-sha256), "
                                + "although both are as of 2026-04-24."))
        // Its cost term moves its billing fit: 0.2 × (527.55 − 116.80) / 527.55 = 0.1557 before, 0.2 × (578.65 − 116.80)
        // / 578.65 = 0.1596 after; billing fit 0.70 − 0.1557 = 0.5443 to 0.70 − 0.1596 = 0.5404.
        let agentCore = try #require(result.scoreChanges.first { $0.stack == "aws-agentcore" })
        #expect(agentCore.axes.map(\.axis) == ["billing", "cost"])
        #expect(abs(agentCore.axes[1].before - (-0.2 * (527.55 - 116.80) / 527.55)) < 0.0002)
        #expect(abs(agentCore.axes[1].after - (-0.2 * (578.65 - 116.80) / 578.65)) < 0.0002)
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
        // Without the changed rule (now −0.4) AgentCore's identity is 0.5 − 0.05 + 0.2 = 0.65 and its total
        // (0.65 + 0.8 + 0.7 + 0.605) / 4 = 0.689, above Cloudflare's 0.675: the changed rule decides.
        #expect(result.ruleChanges.map(\.rule) == ["identity-idp-aws-iam"])
        #expect(result.ruleChanges.first?.kind == .changed && result.ruleChanges.first?.deciding == true)
        #expect(report.contains("  Rules that changed: identity-idp-aws-iam (changed since the record; without it the recorded "
                                + "choice would still win).\n"))
        // AgentCore's identity fit 1.00 → 0.25 is the whole change in its total, 0.7762 → 0.5887.
        let agentCore = try #require(result.scoreChanges.first { $0.stack == "aws-agentcore" })
        #expect(agentCore.axes.map(\.axis) == ["identity"])
        #expect(abs(agentCore.axes[0].after - 0.25) < 0.0001)
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

    /// 40 agents edited to 41: every stack's cost moves with the fleet, but no price changed. The edit
    /// leads the report, and nothing is called a price change.
    @Test func editedAnswersLeadTheReportAndAreNotPriceChanges() throws {
        let text = try record(try exampleAnswers("single-cloud-aws")).replacingOccurrences(of: "\n  agents: 40\n", with: "\n  agents: 41\n")
        let decision = try RecordReader.read(text, file: "edited.md")
        #expect(decision.answersMatchDigest == false)
        let result = try Recheck.run(decision, engine: shippedEngine, today: fixedToday)
        #expect(result.costs.contains { $0.changed })
        #expect(result.meterChanges.isEmpty)
        #expect(result.changedPrices.isEmpty)
        let report = RecheckReport.render(result, engine: shippedEngine)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[5].hasPrefix("ERROR: the answers block does not match the record's answers-sha256"), "\(lines[5])")
        #expect(!report.contains("prices changed"))
        #expect(report.contains("Knowledge base: the same one the record used (knowledge-base-sha256 matches)."))
    }

    /// A knowledge base edited without changing its `as_of`: one risk's check reworded. No fact fingerprint,
    /// price or date shows it; the knowledge base's digest does.
    @Test func anEditedKnowledgeBaseWithTheSameAsOfIsNoticed() throws {
        let decision = try recorded(try exampleAnswers("model-loyal-claude"))
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try edit(data + "/risks.yaml", replacing: "If the April 2026 containment paper sets the baseline",
                 with: "If the May 2026 containment paper sets the baseline")
        let engine = try loadEngine(data: data)
        #expect(engine.knowledgeBase.meta.asOf == shippedEngine.knowledgeBase.meta.asOf)
        let result = try Recheck.run(decision, engine: engine, today: fixedToday)
        #expect(result.holds && result.changedFacts.isEmpty && result.newer.isEmpty && result.meterChanges.isEmpty)
        #expect(result.sameKnowledgeBase == false)
        #expect(RecheckReport.render(result, engine: engine).contains(
            "WARNING: the knowledge base differs from the one the record used (knowledge-base-sha256), although both are as of 2026-04-24."))
        // The same knowledge base read from a copy of Data/ has the built-in one's digest.
        let copy = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        #expect(try loadEngine(data: copy).knowledgeBase.sha256 == shippedEngine.knowledgeBase.sha256)
    }

    /// The team's consensus with an OpenAI model: Cloudflare leads AgentCore 0.6673 to 0.6335 (0.034), at a
    /// lower bound of $197.10 against AgentCore's $348.48. Cloudflare's active vCPU-second from $0.00002 to
    /// $0.02 multiplies its cost by 1,000 (costs are linear in a rate): at least $197,100.00. Its cost term
    /// becomes about 0.2 × (197,100 − 219) / (197,100 + 9,855 of tokens) = 0.19 of its billing fit, times
    /// the billing weight's share 0.885 / 4: about 0.042 off its total, more than its lead. AgentCore wins,
    /// and no rule changed, so none is named.
    @Test func aPriceThatFlipsTheWinnerNamesTheRateNotARule() throws {
        var answers = shippedEngine.team(try teamParticipants(), today: fixedToday).consensus
        answers["model.strategy"] = .choice("openai")
        let decision = try recorded(answers)
        #expect(decision.chosenStack == "cloudflare-neutral")
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try edit(data + "/stacks/cloudflare-neutral.yaml", replacing: "rate: 0.00002", with: "rate: 0.02")
        let engine = try loadEngine(data: data)
        let result = try Recheck.run(decision, engine: engine, today: fixedToday)
        #expect(result.currentWinner == "aws-agentcore")
        #expect(result.ruleChanges.isEmpty)
        let report = RecheckReport.render(result, engine: engine)
        #expect(report.contains("  No rule changed: the prices and facts below moved the totals"))
        #expect(!report.contains("Rules that changed"))
        #expect(report.contains("Sandboxes active compute (cf-active-vcpu-seconds) $0.00002 -> $0.02 per active vCPU-second."))
        #expect(report.contains("  Cloudflare    at least $197.10 -> at least $197,100.00"))
        let cloudflare = try #require(result.scoreChanges.first { $0.stack == "cloudflare-neutral" })
        #expect(cloudflare.axes.map(\.axis) == ["billing", "cost"])
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
