import AdvisorCore
import Testing

/// What the advice says it cannot know: session limits, release status, facts stated two ways.
@Suite struct CaveatTests {
    @Test func aSessionLongerThanAgentCoresLimitIsFlagged() throws {
        // Source 15: about 8 hours (480 minutes) of compute per session.
        let long = shippedEngine.advise(try answers(["workload.session_minutes": "600"]), today: fixedToday)
        let caveat = try #require(long.caveats.first { $0.kind == .lifetime })
        #expect(caveat.text.hasPrefix("AWS Bedrock AgentCore: sessions of 600 minutes exceed"))
        #expect(caveat.sources == [15])
        let short = shippedEngine.advise(try answers(["workload.session_minutes": "480"]), today: fixedToday)
        #expect(!short.caveats.contains { $0.kind == .lifetime })
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
        // AgentCore's idle CPU: the vendor's page against the scout's gloss, whenever idle time is answered.
        #expect(advice.caveats.contains { $0.text.contains("does an idle AgentCore session bill vCPU-hours?") })
    }
}
