import AdvisorCore
import Testing

@Suite struct SensitivityTests {
    @Test func weightRangesWorkedByHand() throws {
        let ranges = shippedEngine.sensitivity(try answers()).weightRanges
        func range(_ axis: String) throws -> WeightRange { try #require(ranges.first { $0.axis == axis }) }
        // Model weight w, others 1. AgentCore vs Cloudflare: identity 1.0 − 0.6, sandbox 0.7 − 0.7, billing
        // (0.7 − cost) − 0.5, where cost = 0.2 × (AgentCore $222.65 − Anthropic $116.80) / $222.65; model fits
        // 0.8 vs 0.9 lose 0.1 per unit of weight, so AgentCore holds up to that lead / 0.1.
        let hours = 40.0 * 20 * 730 / 24 * 12 / 60
        let agentCore = hours * 0.3 * 0.0895 + hours * 2 * 0.00945, anthropic = hours * 0.3 * 0.08
        let cost = 0.2 * (agentCore - anthropic) / agentCore
        #expect(try range("model").high.map { $0.isClose(to: (0.4 + 0.2 - cost) / 0.1, tolerance: 1e-9) } == true)
        // Sandbox: AgentCore fits 0.7 like Cloudflare, Google and Anthropic and beats the rest: no weight unseats it.
        #expect(try range("sandbox").high == nil)
        // Identity: even at weight 0 AgentCore leads Cloudflare by 0.2 − cost − 0.1 > 0.
        #expect(try range("identity").low == 0)
        #expect(try range("identity").high == nil)
    }

    @Test func breakEvenUnderTheContestedReadingWorkedByHand() throws {
        // 2 vCPU, among complete totals (Cloudflare's covers CPU only, so it takes no part). Anthropic with idle
        // billed: $0.08 per session-hour. AgentCore: 2 × $0.0895 = $0.179 per session-hour × (1 − idle) for
        // active CPU, plus 2 GB × $0.00945 = $0.0189 for memory. Equal when 0.179 × (1 − idle) = 0.08 − 0.0189,
        // so idle = 1 − 0.0611 / 0.179.
        let sensitivity = shippedEngine.sensitivity(try answers(["workload.vcpus": "2"]))
        let point = try #require(sensitivity.breakEvens.first { $0.reading != nil })
        #expect(point.idleFraction.isClose(to: 1 - (0.08 - 0.0189) / 0.179, tolerance: 1e-9))
        // Below it Anthropic's flat $0.08 is cheaper; above it AgentCore's shrinking CPU line is.
        #expect(point.from == "anthropic-managed-agents")
        #expect(point.to == "aws-agentcore")
        // Under the primary readings Anthropic ($0.08 × active) stays cheaper than AgentCore
        // ($0.179 × active + $0.0189) at every idle fraction: no primary break-even.
        #expect(!sensitivity.breakEvens.contains { $0.reading == nil })
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
