import AdvisorCore
import Testing

/// What the advice says it cannot know: session limits, release status, facts stated two ways.
@Suite struct CaveatTests {
    @Test func aSessionLongerThanAgentCoresLimitMakesItConditional() throws {
        // Source 15: about 8 hours (480 minutes) of compute per session. Longer sessions leave AgentCore's
        // session lifetime unverified: recommending it becomes conditional on raising the limit.
        let long = shippedEngine.advise(try answers(["workload.session_minutes": "600"]), today: fixedToday)
        let agentCore = try #require(long.ranking.score("aws-agentcore"))
        let lifetime = try #require(agentCore.unverifiedFloors.first { $0.floor == "session-lifetime-aws-agentcore" })
        #expect(lifetime.reason.contains("about 480 minutes (8 hours)"))
        #expect(lifetime.because.sources == [15])
        #expect(long.condition.contains { $0.contains("the session limit can be raised") })
        // No other stack states a lifetime, so no other stack is touched.
        #expect(long.ranking.scores.filter { !$0.unverifiedFloors.isEmpty }.map(\.stack) == ["aws-agentcore"])
        let exact = shippedEngine.advise(try answers(["workload.session_minutes": "480"]), today: fixedToday)
        #expect(exact.ranking.score("aws-agentcore")?.floors.isEmpty == true)
        #expect(exact.condition.isEmpty)
    }

    @Test func componentsInPreviewOrGAAfterTheKnowledgeBaseAreNamed() throws {
        let advice = shippedEngine.advise(try answers(["organization.cloud": "azure", "identity.provider": "entra"]),
                                          today: fixedToday)
        #expect(advice.recommendation == "microsoft-agent-365")
        let texts = advice.caveats.filter { $0.kind == .release }.map(\.text)
        // Agent 365 went GA on May 1 (the scout), after the knowledge base's 2026-04-24.
        #expect(texts.contains { $0.contains("Microsoft Agent 365 became generally available on 2026-05-01") })
        #expect(texts.contains { $0.contains("Work IQ MCP servers is in preview") })
        #expect(texts.contains { $0.contains("autonomous agents with their own identities is in preview") })
    }

    @Test func contestedFactsAreShownBothWays() throws {
        // Multi-cloud with customer code: Cloudflare has the best total but fails the floor, so the
        // reader is told the scout also says Cloudflare could gain ground on adversarial workloads.
        let advice = shippedEngine.advise(try answers(["organization.cloud": "multi-cloud", "identity.provider": "okta",
                                                       "sandbox.customer_code": "true"]), today: fixedToday)
        let contested = try #require(advice.caveats.first { $0.text.contains("is Cloudflare's isolation enough") })
        #expect(contested.text.contains("Scored reading:") && contested.text.contains("Other reading:"))
        #expect(contested.text.contains("gain ground"))
        // Both hyperscalers' idle CPU, read one way for both: the scout's, with AWS's pricing page as the other reading.
        #expect(advice.caveats.contains { $0.text.contains("does an idle AgentCore or Agent Engine session bill vCPU-hours?") })
    }
}
