import AdvisorCore
import Testing

@Suite struct SensitivityTests {
    @Test func weightRangesWorkedByHand() throws {
        let ranges = shippedEngine.sensitivity(try answers()).weightRanges
        func range(_ axis: String) throws -> WeightRange { try #require(ranges.first { $0.axis == axis }) }
        // Model weight w, others 1. AgentCore vs Cloudflare: lead elsewhere (1.0−0.6) + (0.7−0.8) + (0.7−0.5) = 0.5,
        // model fits 0.8 vs 1.0 lose 0.2 per unit of weight, so AgentCore holds up to 0.5 / 0.2 = 2.5.
        #expect(try range("model").high.map { $0.isClose(to: 2.5, tolerance: 1e-9) } == true)
        // Sandbox: lead elsewhere 0.4 − 0.2 + 0.2 = 0.4, loses 0.1 per unit: up to 4.
        #expect(try range("sandbox").high.map { $0.isClose(to: 4, tolerance: 1e-9) } == true)
        // Identity: lead elsewhere −0.2 − 0.1 + 0.2 = −0.1, gains 0.4 per unit: needs at least 0.25.
        #expect(try range("identity").low.isClose(to: 0.25, tolerance: 1e-9))
        #expect(try range("identity").high == nil)
    }

    @Test func breakEvenUnderTheContestedReadingWorkedByHand() throws {
        // 2 vCPU. Anthropic, idle billed: $0.08 × session-hours; Cloudflare: 2 × 3,600 × $0.00002 = $0.144
        // per session-hour × (1 − idle). Equal when 1 − idle = 0.08 / 0.144, so idle = 0.4444.
        let sensitivity = shippedEngine.sensitivity(try answers(["workload.vcpus": "2"]))
        let point = try #require(sensitivity.breakEvens.first { $0.reading != nil })
        #expect(point.idleFraction.isClose(to: 1 - 0.08 / 0.144, tolerance: 1e-9))
        #expect(point.from == "anthropic-managed-agents")
        #expect(point.to == "cloudflare-neutral")
        // Under the primary reading both bill only active time, so Anthropic ($0.08) stays cheaper than
        // Cloudflare ($0.144) at every idle fraction: no primary break-even.
        #expect(!sensitivity.breakEvens.contains { $0.reading == nil })
    }

    @Test func smallestFlipIsTheFleetSizeThreshold() throws {
        let flips = shippedEngine.sensitivity(try answers()).flips
        // 40 agents to 9 crosses the small-fleet threshold (below 10): a change of 31 / 99,999 of the range.
        let nearest = try #require(flips.first)
        #expect(nearest.changes.map(\.question) == ["workload.agents"])
        #expect(nearest.changes[0].to == .number(9))
        #expect(nearest.winner == "self-managed")
        #expect(flips.contains { $0.changes.first?.question == "billing.pattern" && $0.winner == "cloudflare-neutral" })
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
