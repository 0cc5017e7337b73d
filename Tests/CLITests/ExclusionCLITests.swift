import Foundation
import Testing

/// `--exclude` through the real binary: advise, team, the record and recheck.
@Suite struct ExclusionCLITests {
    static let today = ["--today", "2026-11-25"]
    static let aws = AdvisorProcess.example("single-cloud-aws")
    static let team = ["amara", "bruno", "chen"].map { "\(AdvisorProcess.packageRoot)/Data/examples/team/\($0).yaml" }

    /// Without AgentCore (0.76) the single-cloud example's runner-up, Cloudflare (0.65 in the README's
    /// example ranking), leads at the same score: ruling out a stack that is not the cheapest moves no
    /// cost reference, and no other fit depends on the stacks ranked beside it.
    @Test func adviseRanksWithoutTheStackAndSaysWhy() throws {
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--exclude", "aws-agentcore: an existing Google contract",
                                             "--exclude", "microsoft-agent-365"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Recommendation: Cloudflare Sandboxes + MCP reference architecture, score 0.65"))
        #expect(!result.stdout.contains("  AgentCore "))
        let said = result.stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(said.contains("Ruled out by the team, so not ranked or priced: AWS Bedrock AgentCore, \u{201C}an existing "
                              + "Google contract\u{201D}; Microsoft Agent 365 (with Copilot Studio or Foundry), no reason given."))
        let json = try AdvisorProcess.run(["--answers", Self.aws, "--exclude", "aws-agentcore", "--format", "json"] + Self.today)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let excluded = try #require(document["excluded"] as? [[String: Any]])
        #expect(excluded.map { $0["stack"] as? String } == ["aws-agentcore"])
        #expect(excluded.first?["reason"] is NSNull)
        #expect((document["ranking"] as? [[String: Any]])?.count == 5)
    }

    @Test func anUnknownStackIsAUsageErrorWithTheNearestId() throws {
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--exclude", "microsft", "--exclude", "google"] + Self.today)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--exclude: 'microsft' is not a stack in the knowledge base"))
        #expect(result.stderr.contains("did you mean 'microsoft-agent-365'?"))
        #expect(result.stderr.contains("did you mean 'google-agent-platform'?"))
    }

    @Test func rulingOutEveryStackIsAUsageError() throws {
        let every = ["anthropic-managed-agents", "aws-agentcore", "cloudflare-neutral", "google-agent-platform",
                     "microsoft-agent-365", "self-managed"].flatMap { ["--exclude", $0] }
        let result = try AdvisorProcess.run(["--answers", Self.aws] + every + Self.today)
        #expect(result.status == 64)
        #expect(result.stderr.contains("rules out every stack, which leaves nothing to rank"))
    }

    /// The team example's consensus is Anthropic; ruled out for the whole team, every participant's own
    /// winner is found without it too.
    @Test func teamRulesOutForEveryone() throws {
        let plain = try AdvisorProcess.run(["team"] + Self.team + Self.today)
        #expect(plain.stdout.hasPrefix("Team decision: 3 participants; consensus Anthropic Managed Agents"))
        let result = try AdvisorProcess.run(["team"] + Self.team + ["--exclude", "anthropic-managed-agents: no Claude-only runtime"]
                                            + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.hasPrefix("Team decision: 3 participants; consensus Anthropic"))
        #expect(result.stdout.contains("Ruled out: Anthropic Managed Agents (for the whole team)."))
        #expect(!result.stdout.contains("anthropic-managed-agents   "))
    }

    /// The record states each exclusion as a decision driver, its answers block keeps it, and recheck
    /// re-runs with it: the same winner, exit 0.
    @Test func theRecordKeepsItAndRecheckHolds() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try AdvisorProcess.run(["--answers", Self.aws, "--exclude", "aws-agentcore: an existing Google contract",
                                              "--adr-dir", folder] + Self.today)
        #expect(written.status == 0, "\(written.stderr)")
        let path = written.stdout.trimmingCharacters(in: .newlines)
        let record = try String(contentsOfFile: path, encoding: .utf8)
        #expect(record.contains("* **Ruled out: AWS Bedrock AgentCore**, a team decision outside the four axes: "
                                + "\u{201C}an existing Google contract\u{201D}"))
        #expect(record.contains("* AWS Bedrock AgentCore (ruled out by the team)"))
        #expect(record.contains("    - {stack: aws-agentcore, reason: \"an existing Google contract\"}"))
        #expect(record.contains("chosen-stack: \"cloudflare-neutral\""))
        #expect(!record.contains("  \"aws-agentcore\": {monthly-usd"))
        let recheck = try AdvisorProcess.run(["recheck", path] + Self.today)
        #expect(recheck.status == 0, "\(recheck.stdout)\(recheck.stderr)")
    }
}
