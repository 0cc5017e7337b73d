import AdvisorCore
import Testing

@Suite struct SensitivityTests {
    @Test func weightRangesWorkedByHand() throws {
        // Idle-heavy at 90% idle. AgentCore vs Cloudflare: identity 1.0 − 0.6, model 0.8 − 0.8, sandbox 0.7 − 0.7,
        // billing (0.5 + 0.2 − cost) − (0.5 + 0.2), where cost = 0.2 × (AgentCore $527.55 − Anthropic $38.93) /
        // $527.55 (Anthropic: 4,866.67 h × 10% × $0.08 is the cheapest complete total; Cloudflare's CPU-only
        // $35.04 is a lower bound). With billing weight w and the others 1, AgentCore leads by 0.4 − cost × w.
        let hours = 40.0 * 20 * 730 / 24 * 12 / 60
        let agentCore = hours * 0.0895 + hours * 2 * 0.00945, anthropic = hours * 0.1 * 0.08
        let cost = 0.2 * (agentCore - anthropic) / agentCore
        let ranges = shippedEngine.sensitivity(try answers(["billing.pattern": "idle-heavy", "workload.idle_fraction": "0.9"]))
            .weightRanges
        func range(_ axis: String) throws -> WeightRange { try #require(ranges.first { $0.axis == axis }) }
        #expect(try range("billing").high.map { $0.isClose(to: 0.4 / cost, tolerance: 1e-9) } == true)
        // Model and sandbox: AgentCore fits as well as Cloudflare and better than the rest: no weight unseats it.
        #expect(try range("model").high == nil)
        #expect(try range("sandbox").high == nil)
        // Identity is where AgentCore leads: at weight 0 Cloudflare's billing lead (cost) takes over, so the
        // range has a floor: 0.4 × w = cost, w = cost / 0.4.
        #expect(try range("identity").low.isClose(to: cost / 0.4, tolerance: 1e-9))
    }

    @Test func breakEvenUnderTheContestedReadingWorkedByHand() throws {
        // A quarter vCPU and 2 GB, among complete totals (Cloudflare's covers CPU only, so it takes no part).
        // Per session-hour: Google 0.25 × $0.0864 = $0.0216 CPU + 2 × $0.009 = $0.018 memory; Anthropic $0.08 ×
        // (1 − idle). Primary readings (Google's CPU billed idle or not): equal when 0.08 × (1 − idle) = 0.0396,
        // idle = 1 − 0.0396 / 0.08 = 0.505. Under Google's other reading (idle CPU free, as AWS's page bills
        // AgentCore): 0.0216 × (1 − idle) + 0.018 = 0.08 × (1 − idle), idle = 1 − 0.018 / 0.0584.
        let sensitivity = shippedEngine.sensitivity(try answers(["workload.vcpus": "0.25"]))
        let primary = try #require(sensitivity.breakEvens.first { $0.reading == nil })
        #expect(primary.idleFraction.isClose(to: 1 - 0.0396 / 0.08, tolerance: 1e-9))
        #expect(primary.from == "google-agent-platform" && primary.to == "anthropic-managed-agents")
        let google = try #require(sensitivity.breakEvens.first {
            $0.reading?.hasPrefix("Gemini Enterprise Agent Platform") == true && $0.to == "anthropic-managed-agents"
        })
        #expect(google.idleFraction.isClose(to: 1 - 0.018 / 0.0584, tolerance: 1e-9))
    }

    @Test func smallestFlipIsTheFleetSizeThreshold() throws {
        let flips = shippedEngine.sensitivity(try answers()).flips
        // 40 agents to 9 crosses the small-fleet threshold (below 10): a change of 31 / 99,999 of the range.
        let nearest = try #require(flips.first)
        #expect(nearest.changes.map(\.question) == ["workload.agents"])
        #expect(nearest.changes[0].to == .number(9))
        #expect(nearest.winner == "self-managed")
    }

    @Test func everyReportedFlipReallyChangesTheWinner() throws {
        let base = try answers()
        let engine = shippedEngine
        for flip in engine.sensitivity(base).flips {
            var changed = base
            for change in flip.changes { changed[change.question] = change.to }
            #expect(engine.rank(changed).winner.stack == flip.winner)
            #expect(flip.winner != "aws-agentcore")
        }
    }
}
