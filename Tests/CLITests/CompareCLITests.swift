import Foundation
import Testing

/// `runtime-advisor compare A B --answers FILE` through the real binary, in text, JSON and Markdown,
/// and its usage errors (64).
@Suite struct CompareCLITests {
    static let today = ["--today", "2026-11-25"]
    static let aws = AdvisorProcess.example("single-cloud-aws")
    static let pair = ["compare", "aws-agentcore", "google-agent-platform", "--answers", aws]

    /// AgentCore 1st at 0.76, Google 3rd at 0.56 (the README's example ranking); identity fits 1.00 and
    /// 0.50 (see SideBySideTests for the arithmetic). Bills under the scout's reading (idle time billed):
    /// 40 agents × 20 sessions × 730 / 24 = 24,333.33 sessions × 12 min / 60 = 4,866.67 session-hours;
    /// AgentCore 4,866.67 × 1 vCPU × $0.0895 = $435.57 + 4,866.67 × 2 GB × $0.00945 = $91.98, $527.55;
    /// Google 4,866.67 × $0.0864 = $420.48 + 9,733.33 GB-h × $0.009 = $87.60, $508.08; $19.47 apart.
    @Test func text() throws {
        let result = try AdvisorProcess.run(Self.pair + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("AWS Bedrock AgentCore against Gemini Enterprise Agent Platform"))
        #expect(lines.contains { $0.hasPrefix("  Identity floor (weight 1)") && $0.hasSuffix("1.00         0.50") })
        #expect(lines.contains { $0.hasPrefix("  Monthly") && $0.hasSuffix("$527.55      $508.08") })
        #expect(lines.contains("    - For AgentCore by 0.40: AgentCore Identity brokers agent credentials"))
        #expect(lines.contains("  Monthly: AgentCore $527.55, Google GEAP $508.08; Google GEAP costs $19.47"))
        #expect(lines.contains("What would put the other ahead"))
        #expect(result.stdout.contains("[13] Amazon Bedrock AgentCore Pricing — AWS"))
    }

    @Test func json() throws {
        let result = try AdvisorProcess.run(Self.pair + ["--format", "json"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let stacks = try #require(document["stacks"] as? [[String: Any]])
        #expect(stacks.map { $0["stack"] as? String } == ["aws-agentcore", "google-agent-platform"])
        #expect(stacks.compactMap { ($0["cost"] as? [String: Any])?["monthly_usd"] as? Double } == [527.55, 508.08])
        let axes = try #require(document["axes"] as? [[String: Any]])
        let identity = try #require(axes.first { $0["axis"] as? String == "identity" })
        #expect(identity["fits"] as? [Double] == [1, 0.5])
        // 1/4 × (1.00 - 0.50): equal weights.
        #expect(identity["lead"] as? Double == 0.125)
        let flip = try #require(document["flip"] as? [String: Any])
        #expect(flip["ahead"] as? String == "google-agent-platform")
        #expect(((document["flip_text"] as? [String: Any])?["text"] as? String)?.hasPrefix("Nearest change that puts") == true)
    }

    @Test func markdown() throws {
        let result = try AdvisorProcess.run(Self.pair + ["--format", "markdown"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# AWS Bedrock AgentCore against Gemini Enterprise Agent Platform\n"))
        #expect(result.stdout.contains("| Identity floor (weight 1) | 1.00 | 0.50 |"))
        #expect(result.stdout.contains("| Monthly | \\$527.55 | \\$508.08 |"))
        #expect(result.stdout.contains("\n## What would put the other ahead\n"))
    }

    @Test(arguments: [
        (["aws-agentcore", "googel-agent-platform"], "did you mean 'google-agent-platform'?"),
        (["aws-agentcore", "microsoft"], "did you mean 'microsoft-agent-365'?"),
        (["aws-agentcore"], "compare takes two stacks; 1 was given"),
        (["aws-agentcore", "aws-agentcore"], "compare takes two different stacks"),
    ])
    func usageErrors(stacks: [String], message: String) throws {
        let result = try AdvisorProcess.run(["compare"] + stacks + ["--answers", Self.aws] + Self.today)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aRuledOutStackIsAUsageError() throws {
        let result = try AdvisorProcess.run(Self.pair + ["--exclude", "google-agent-platform: existing AWS contract"] + Self.today)
        #expect(result.status == 64)
        #expect(result.stderr.contains("'google-agent-platform' is ruled out in these answers (\u{201C}existing AWS contract\u{201D})"))
    }

    @Test func withoutAnswersItIsAUsageError() throws {
        let result = try AdvisorProcess.run(["compare", "aws-agentcore", "google-agent-platform"] + Self.today)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--answers"))
    }
}
