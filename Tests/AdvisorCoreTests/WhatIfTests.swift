import AdvisorCore
import Testing

/// A pinned what-if (A) against the answers now, and the questions behind a result.
@Suite struct WhatIfTests {
    /// 45 agents instead of 40: 45 × 20 × 730 / 24 = 27,375 sessions, × 12 / 60 = 5,475 session-hours.
    /// AgentCore, under the scout's reading (idle time billed), bills every vCPU-hour (5,475 × $0.0895 =
    /// $490.01) and all memory (10,950 GB-hours × $0.00945 = $103.48): $593.49 against A's $527.55
    /// (4,866.67 × $0.0895 = $435.57 + 9,733.33 × $0.00945 = $91.98), so +$65.94. Every bill grows by the
    /// same 45/40, so the cost term and the scores are unchanged and AgentCore wins in both, at 0.76 (the
    /// README's example ranking).
    @Test func fortyFiveAgentsWorkedByHand() throws {
        let pinned = try exampleAnswers("single-cloud-aws")
        var now = pinned
        now["workload.agents"] = .number(45)
        let whatIf = shippedEngine.whatIf(pinned: shippedEngine.advise(pinned, today: fixedToday),
                                          current: shippedEngine.advise(now, today: fixedToday))
        #expect(whatIf.changed.full == "Changed from A: fleet size from 40 agents to 45 agents.")
        #expect(whatIf.changed.about == ["workload.agents"])
        #expect(whatIf.winner.full == "Winner: AWS Bedrock AgentCore in A (0.76) and now (0.76).")
        let agentCore = try #require(whatIf.rows.first { $0.stack == "aws-agentcore" })
        #expect(agentCore.costAfter?.totalText == "$593.49")
        #expect(agentCore.monthlyChangeText == "+$65.94")
        #expect(abs(agentCore.scoreChange ?? 1) < 1e-9)
        // Cloudflare's bill is a lower bound on both sides: its change cannot be told.
        #expect(whatIf.rows.first { $0.stack == "cloudflare-neutral" }?.monthlyChangeText == "—")
    }

    /// Ruling a stack out is a change from A too, and its row is there with nothing now.
    @Test func aStackRuledOutSinceA() throws {
        let pinned = try exampleAnswers("single-cloud-aws")
        var now = pinned
        now.exclude(Exclusion(stack: "aws-agentcore", reason: "contract"))
        let whatIf = shippedEngine.whatIf(pinned: shippedEngine.advise(pinned, today: fixedToday),
                                          current: shippedEngine.advise(now, today: fixedToday))
        #expect(whatIf.changed.full == "Changed from A: ruled out AWS Bedrock AgentCore.")
        #expect(whatIf.winnerBefore == "aws-agentcore" && whatIf.winnerAfter == "cloudflare-neutral")
        let row = try #require(whatIf.rows.last)
        #expect(row.stack == "aws-agentcore" && row.after == nil && row.before != nil)
    }

    /// The shipped example's reasons rest on the rules that separate AgentCore from Cloudflare; the first,
    /// identity-idp-aws-iam, reads the identity provider (Data/rules/identity.yaml). The example leaves four
    /// optional questions unanswered (Data/examples/single-cloud-aws.yaml has none of these keys), one
    /// sentence each.
    @Test func reasonsPointAtTheAnswersBehindThem() throws {
        let advice = shippedEngine.advise(try exampleAnswers("single-cloud-aws"), today: fixedToday)
        #expect(advice.reasons.first?.about == ["identity.provider"])
        #expect(advice.verdict.nearestChange.about == ["workload.agents"])
        #expect(advice.verdict.defaults.allSatisfy { $0.about.count == 1 })
        #expect(Set(advice.verdict.defaults.flatMap(\.about)) == ["workload.autonomous_agents", "workload.identity_requests_per_session",
                                                                  "workload.copilot_credits_per_session", "identity.microsoft_runtime"])
        #expect(advice.verdict.defaults.first?.full == "autonomous agents: 0 agents, the default (not answered)")
    }
}
