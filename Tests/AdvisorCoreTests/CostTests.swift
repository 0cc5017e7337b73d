import AdvisorCore
import Testing

/// Every shipped meter, priced by hand for one workload. The workload: 40 agents × 20 sessions a day
/// × 730 / 24 = 24,333.33 sessions; × 12 minutes / 60 = 4,866.67 session-hours; 70% idle; 1 vCPU;
/// 2 GB; 5 memory events, 10 gateway calls and 3 identity requests per session; 120 people.
@Suite struct CostTests {
    static let sessions = 40.0 * 20 * 730 / 24          // 24,333.33
    static let sessionHours = sessions * 12 / 60        // 4,866.67

    /// meter id → (quantity, cost), worked out from the prices in the scout.
    static let expected: [String: (quantity: Double, cost: Double)] = [
        // $0.0895 per vCPU-hour, idle billed as the scout reads it (an idling agent burns AWS's vCPU-hour):
        // 4,866.67 h × 1 vCPU = 4,866.67 → $435.57
        "aws-runtime-vcpu": (4_866.6667, 435.5667),
        // $0.00945 per GB-hour, billed for the whole session: 4,866.67 × 2 GB = 9,733.33 → $91.98
        "aws-runtime-memory": (9_733.3333, 91.98),
        // $0.25 per 1,000 events: 24,333.33 × 5 = 121,666.67 events = 121.67 thousands → $30.42
        "aws-memory-events": (121.6667, 30.4167),
        // $0.005 per 1,000 invocations: 24,333.33 × 10 = 243.33 thousands → $1.22
        "aws-gateway-invocations": (243.3333, 1.2167),
        // $0.010 per 1,000 requests: 24,333.33 × 3 = 73.00 thousands → $0.73
        "aws-identity-requests": (73.0, 0.73),
        // $0.0864 per vCPU-hour: 4,866.67 → $420.48
        "gcp-runtime-vcpu": (4_866.6667, 420.48),
        // $0.0090 per GB-hour: 9,733.33 → $87.60
        "gcp-runtime-memory": (9_733.3333, 87.60),
        // $0.25 per 1,000 events: 121.67 thousands → $30.42
        "gcp-events": (121.6667, 30.4167),
        // $15 per user-month × 120 people → $1,800
        "ms-agent365-per-user": (120, 1_800),
        // $0.08 per session-hour, idle free: 4,866.67 × 30% active = 1,460 h → $116.80
        "anth-session-hours": (1_460, 116.80),
        // $0.00002 per active vCPU-second: 4,866.67 h × 3,600 s × 30% = 5,256,000 s → $105.12
        "cf-active-vcpu-seconds": (5_256_000, 105.12),
        // $200 per 25,000 credits, with Copilot Studio underneath and 8 credits a session:
        // 24,333.33 × 8 = 194,666.67 credits = 7.7867 packs → $1,557.33
        "ms-copilot-studio-credits": (7.786667, 1_557.3333),
    ]

    func report() throws -> CostReport {
        shippedEngine.costs(try answers([
            "workload.memory_events_per_session": "5", "workload.gateway_calls_per_session": "10",
            "workload.identity_requests_per_session": "3",
        ]))
    }

    @Test func everyShippedMeterHasAHandWorkedFigure() {
        let meters = shippedEngine.knowledgeBase.stacks.flatMap(\.meters).map(\.id)
        #expect(Set(meters) == Set(Self.expected.keys), "a meter was added or removed: add its hand-worked figure here")
    }

    /// The same workload with Copilot Studio running underneath Agent 365, 8 credits a session.
    func copilotReport() throws -> CostReport {
        shippedEngine.costs(try answers([
            "workload.memory_events_per_session": "5", "workload.gateway_calls_per_session": "10",
            "workload.identity_requests_per_session": "3", "identity.microsoft_runtime": "copilot-studio",
            "workload.copilot_credits_per_session": "8",
        ]))
    }

    @Test func lineItemsMatchHandWorkedFigures() throws {
        for cost in try report().stacks + copilotReport().stacks {
            for item in cost.lineItems {
                let expected = try #require(Self.expected[item.meter])
                #expect(item.quantity.isClose(to: expected.quantity, tolerance: 0.001), "\(item.meter) quantity \(item.quantity)")
                #expect(item.cost.isClose(to: expected.cost), "\(item.meter) cost \(item.cost)")
            }
        }
    }

    @Test func lineItemsSumToTheStackTotal() throws {
        let report = try report()
        // AWS: 435.5667 + 91.98 + 30.4167 + 1.2167 + 0.73 = 559.91
        #expect(try #require(report.cost("aws-agentcore")).monthly.isClose(to: 559.91))
        // Google: 420.48 + 87.60 + 30.4167 = 538.50
        #expect(try #require(report.cost("google-agent-platform")).monthly.isClose(to: 538.4967))
        for cost in report.stacks {
            #expect(cost.monthly.isClose(to: cost.lineItems.reduce(0) { $0 + $1.cost }, tolerance: 1e-9))
        }
    }

    @Test func sessionConventions() throws {
        let workload = try report().workload
        #expect(workload.sessions.isClose(to: 24_333.3333, tolerance: 0.001))
        #expect(workload.sessionHours.isClose(to: 4_866.6667, tolerance: 0.001))
    }

    @Test func contestedAnthropicIdleShowsBothReadings() throws {
        let cost = try #require(try report().cost("anthropic-managed-agents"))
        #expect(cost.monthly.isClose(to: 116.80))
        // Idle billed: all 4,866.67 session-hours × $0.08 = $389.33
        let alternate = try #require(cost.alternates.first)
        #expect(alternate.monthly.isClose(to: 389.3333))
    }

    @Test func agentCoreIdleBilledAgainstThePricingPagesActiveCPU() throws {
        let cost = try #require(try report().cost("aws-agentcore"))
        // The scout's reading (primary, as for Google): idle CPU billed, 4,866.67 h × $0.0895 = $435.57;
        // memory for the whole session 9,733.33 GB-h × $0.00945 = $91.98; with Memory, Gateway and
        // Identity ($30.42 + $1.22 + $0.73) the total is $559.91.
        #expect(cost.monthly.isClose(to: 435.5667 + 91.98 + 30.4167 + 1.2167 + 0.73))
        // The pricing page (other reading): CPU only while active, 4,866.67 × 30% × $0.0895 = $130.67
        // instead of $435.57, so the total becomes $559.91 − $435.57 + $130.67 = $255.01.
        let alternate = try #require(cost.alternates.first { $0.meter == "aws-runtime-vcpu" })
        #expect(alternate.monthly.isClose(to: 130.67 + 91.98 + 30.4167 + 1.2167 + 0.73))
        #expect(alternate.sources == [13])
        // Google, read the same way: idle free on its CPU gives 1,460 × $0.0864 = $126.14 instead of $420.48.
        let google = try #require(try report().cost("google-agent-platform")?.alternates.first)
        #expect(google.monthly.isClose(to: 126.144 + 87.60 + 30.4167))
    }

    @Test func cloudflareIsALowerBoundAndGoogleBecomesOneWhenItsSandboxIsNeeded() throws {
        let plain = try report()
        #expect(try #require(plain.cost("cloudflare-neutral")).isLowerBound, "memory, disk and requests are not priced")
        #expect(!(try #require(plain.cost("google-agent-platform")).isLowerBound))
        let exposed = shippedEngine.costs(try answers(["sandbox.customer_code": "true"]))
        #expect(try #require(exposed.cost("google-agent-platform")).isLowerBound, "Agent Sandbox on GKE is not priced")
        // With adversarial exposure only AgentCore and Google meet the floor outright, and only AgentCore's
        // total is complete, so it is the cheapest that counts.
        #expect(exposed.cheapest == "aws-agentcore")
    }

    @Test func microsoftBundleReadingAndAutonomousExposureStayOutOfTheTotal() throws {
        let cost = try #require(try report().cost("microsoft-agent-365"))
        #expect(cost.monthly.isClose(to: 1_800))
        // Through M365 E7 at $99 per user-month: 120 × 99 = $11,880
        #expect(try #require(cost.alternates.first).monthly.isClose(to: 11_880))
        // No autonomous agents answered: the exposure is $0, not every agent
        #expect(try #require(cost.exposures.first).monthly == 0)
        // 12 of the 40 agents autonomous: 12 × $15 = $180 a month, not in the total
        let autonomous = shippedEngine.costs(try answers(["workload.autonomous_agents": "12"]))
        let exposure = try #require(autonomous.cost("microsoft-agent-365")?.exposures.first)
        #expect(exposure.monthly.isClose(to: 180))
        #expect(try #require(autonomous.cost("microsoft-agent-365")).monthly.isClose(to: 1_800))
        #expect(cost.isLowerBound, "Copilot Studio / Foundry execution is not priced")
        // With Copilot Studio's credits given, execution is priced: $1,800 + $1,557.33 = $3,357.33, complete.
        let copilot = try #require(try copilotReport().cost("microsoft-agent-365"))
        #expect(copilot.monthly.isClose(to: 3_357.3333))
        #expect(!copilot.isLowerBound)
    }

    @Test func unpricedStacksAreNotModelledNotZero() throws {
        let report = try report()
        let selfManaged = try #require(report.cost("self-managed"))
        #expect(selfManaged.lineItems.isEmpty)
        #expect(selfManaged.isLowerBound)
        #expect(!selfManaged.notModelled.isEmpty)
        // The cheapest complete total is Anthropic at $116.80: not self-managed at "$0", and not Cloudflare,
        // whose $105.12 covers CPU only.
        #expect(report.cheapest == "anthropic-managed-agents")
    }

    @Test func tokensAreOneSharedLineWithTheRuntimeShare() throws {
        let costs = shippedEngine.costs(try answers(["workload.tokens_per_session": "100000",
                                                      "workload.token_usd_per_million": "5"]))
        // 24,333.33 sessions × 100,000 tokens = 2,433.33 million tokens × $5 = $12,166.67
        let tokens = try #require(costs.tokens)
        #expect(tokens.monthly.isClose(to: 12_166.6667))
        // Cloudflare's runtime share: 105.12 / (105.12 + 12,166.67) = 0.8566%
        let share = try #require(costs.cost("cloudflare-neutral")?.runtimeShare)
        #expect(share.isClose(to: 105.12 / (105.12 + 12_166.6667), tolerance: 1e-6))
    }

    @Test func activeCPUMeterShrinksAsIdleGrowsAndWallClockMetersDoNot() throws {
        let engine = shippedEngine
        let busy = engine.costs(try answers(["workload.idle_fraction": "0.1"]))
        let idle = engine.costs(try answers(["workload.idle_fraction": "0.9"]))
        // Cloudflare: 4,866.67 h × 3,600 × 0.9 active × $0.00002 = $315.36; at 0.1 active = $35.04
        #expect(try #require(busy.cost("cloudflare-neutral")).monthly.isClose(to: 315.36))
        #expect(try #require(idle.cost("cloudflare-neutral")).monthly.isClose(to: 35.04))
        // Google's vCPU-hour bills wall-clock time, idle or not.
        #expect(try #require(busy.cost("google-agent-platform")).monthly.isClose(to: try #require(idle.cost("google-agent-platform")).monthly))
    }
}
