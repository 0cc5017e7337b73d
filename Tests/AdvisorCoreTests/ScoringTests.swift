import AdvisorCore
import Testing

/// Every shipped rule, fired by an answer set, with the fit it produces worked out by hand from the
/// rule files: neutral 0.5, plus each matching rule's adjustment, held to 0…1.
@Suite struct ShippedRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let overrides: [String: String]
        let stack: String
        let axis: String
        let fit: Double
        var testDescription: String { rule }
    }

    // The base answers are the README's: AWS, production, aws-iam, multi-model, no exposure, tight loops, 40 agents,
    // 120 people, 20 sessions a day of 12 minutes, 70% idle, 1 vCPU, 2 GB.
    static let hours = 40.0 * 20 * 730 / 24 * 12 / 60                       // 4,866.67 session-hours
    static let agentCore = hours * 0.0895 + hours * 2 * 0.00945             // idle CPU billed + session memory: $527.55
    static let anthropic = hours * 0.3 * 0.08                               // idle free: $116.80, cheapest complete
    static let google = hours * 0.0864 + hours * 2 * 0.009                  // $508.08
    static let microsoft = 120.0 * 15                                       // $1,800, a lower bound
    /// What cost takes off a billing fit: weight 0.2 × the extra over Anthropic's complete total, as a share.
    static func costLoss(_ total: Double) -> Double { 0.2 * (total - anthropic) / total }

    static let cases: [Case] = [
        // 0.5 + 0.4 aws-iam − 0.05 lock-in + 0.2 single-cloud = 1.05, held at 1
        .init(rule: "identity-idp-aws-iam", overrides: [:], stack: "aws-agentcore", axis: "identity", fit: 1.0),
        // 0.5 − 0.2 aws-iam − 0.05 lock-in = 0.25
        .init(rule: "identity-lock-in-depth", overrides: [:], stack: "microsoft-agent-365", axis: "identity", fit: 0.25),
        // 0.5 + 0.5 entra − 0.05 lock-in = 0.95
        .init(rule: "identity-idp-entra", overrides: ["identity.provider": "entra"], stack: "microsoft-agent-365",
              axis: "identity", fit: 0.95),
        // 0.5 + 0.4 google = 0.9 (cloud stays aws)
        .init(rule: "identity-idp-google", overrides: ["identity.provider": "google-cloud-iam"],
              stack: "google-agent-platform", axis: "identity", fit: 0.9),
        // 0.5 + 0.4 access + 0.1 lock-in = 1.0
        .init(rule: "identity-idp-cloudflare-access", overrides: ["identity.provider": "cloudflare-access"],
              stack: "cloudflare-neutral", axis: "identity", fit: 1.0),
        // 0.5 − 0.1 Access is an extra integration + 0.1 lock-in = 0.5
        .init(rule: "identity-idp-independent", overrides: ["identity.provider": "okta"],
              stack: "cloudflare-neutral", axis: "identity", fit: 0.5),
        // 0.5 − 0.1 independent − 0.05 lock-in + 0.2 single-cloud = 0.55
        .init(rule: "identity-single-cloud-aws", overrides: ["identity.provider": "okta"], stack: "aws-agentcore",
              axis: "identity", fit: 0.55),
        // 0.5 − 0.05 independent + 0.2 single-cloud = 0.65
        .init(rule: "identity-single-cloud-gcp", overrides: ["identity.provider": "okta", "organization.cloud": "gcp"],
              stack: "google-agent-platform", axis: "identity", fit: 0.65),
        // 0.5 − 0.3 independent − 0.05 lock-in + 0.2 single-cloud = 0.35
        .init(rule: "identity-single-cloud-azure", overrides: ["identity.provider": "okta", "organization.cloud": "azure"],
              stack: "microsoft-agent-365", axis: "identity", fit: 0.35),
        // 0.5 − 0.1 independent + 0.1 lock-in + 0.3 multi-cloud = 0.8
        .init(rule: "identity-multi-cloud-neutral", overrides: ["identity.provider": "okta", "organization.cloud": "multi-cloud"],
              stack: "cloudflare-neutral", axis: "identity", fit: 0.8),
        // 0.5 + 0.2 small fleet = 0.7
        .init(rule: "identity-small-fleet", overrides: ["workload.agents": "9"], stack: "self-managed", axis: "identity", fit: 0.7),
        // 0.5 + 0.5 = 1.0
        .init(rule: "model-claude-loyal", overrides: ["model.strategy": "claude"], stack: "anthropic-managed-agents",
              axis: "model", fit: 1.0),
        // 0.5 − 0.5 = 0
        .init(rule: "model-gemini-loyal", overrides: ["model.strategy": "gemini"], stack: "anthropic-managed-agents",
              axis: "model", fit: 0.0),
        // 0.5 + 0.4 = 0.9
        .init(rule: "model-openai-loyal", overrides: ["model.strategy": "openai"], stack: "aws-agentcore", axis: "model", fit: 0.9),
        // 0.5 + 0.3 = 0.8: AI Gateway's breadth against the latency of routing through Cloudflare, level with AgentCore
        .init(rule: "model-multi-model", overrides: [:], stack: "cloudflare-neutral", axis: "model", fit: 0.8),
        // 0.5 − 0.1 while the isolation floor is unverified = 0.4
        .init(rule: "sandbox-adversarial", overrides: ["sandbox.customer_code": "true"], stack: "anthropic-managed-agents",
              axis: "sandbox", fit: 0.4),
        // 0.5 + 0.1: Agent 365 leaves the sandbox to the runtime underneath = 0.6
        .init(rule: "sandbox-non-adversarial", overrides: [:], stack: "microsoft-agent-365", axis: "sandbox", fit: 0.6),
        // 0.5 + 0.2 non-adversarial + 0.3 residency = 1.0
        .init(rule: "sandbox-data-residency", overrides: ["sandbox.data_residency": "true"], stack: "google-agent-platform",
              axis: "sandbox", fit: 1.0),
        // 0.5 + 0.1 non-adversarial + 0.2 small fleet = 0.8
        .init(rule: "sandbox-small-fleet", overrides: ["organization.stage": "pre-production"], stack: "self-managed",
              axis: "sandbox", fit: 0.8),
        // 0.5 + 0.2; Cloudflare's CPU-only $105.12 is below Anthropic's $116.80, so cost takes nothing = 0.7
        .init(rule: "billing-idle-heavy", overrides: ["billing.pattern": "idle-heavy"], stack: "cloudflare-neutral",
              axis: "billing", fit: 0.7),
        // 0.5 + 0.5 − cost of $1,800 against $116.80
        .init(rule: "billing-per-seat", overrides: ["billing.pattern": "per-seat"], stack: "microsoft-agent-365",
              axis: "billing", fit: 1.0 - costLoss(microsoft)),
        // 0.5 + 0.2 − cost of $527.55 against $116.80
        .init(rule: "billing-single-cloud-aws", overrides: [:], stack: "aws-agentcore", axis: "billing", fit: 0.7 - costLoss(agentCore)),
        .init(rule: "billing-single-cloud-gcp", overrides: ["organization.cloud": "gcp"], stack: "google-agent-platform",
              axis: "billing", fit: 0.7 - costLoss(google)),
        .init(rule: "billing-single-cloud-azure", overrides: ["organization.cloud": "azure"], stack: "microsoft-agent-365",
              axis: "billing", fit: 0.7 - costLoss(microsoft)),
        // 0.5 + 0.2 single-cloud − 0.1 small fleet − cost (every total scales with the agents, so the share is the same)
        .init(rule: "billing-small-fleet", overrides: ["workload.agents": "9"], stack: "aws-agentcore", axis: "billing",
              fit: 0.6 - costLoss(agentCore)),
        // 0.5 − 0.3 at 40 agents in production; nothing priced, so cost does not move it = 0.2
        .init(rule: "billing-self-managed-beyond-small-fleet", overrides: [:], stack: "self-managed", axis: "billing", fit: 0.2),
    ]

    @Test func everyShippedRuleHasACase() {
        let rules = Set(shippedEngine.knowledgeBase.rules.map(\.id))
        #expect(rules == Set(Self.cases.map(\.rule)), "a rule was added or removed: give it a hand-worked case")
    }

    @Test(arguments: cases) func ruleProducesTheHandWorkedFit(_ testCase: Case) throws {
        let ranking = shippedEngine.rank(try answers(testCase.overrides))
        let axis = try #require(ranking.score(testCase.stack)?.axis(testCase.axis))
        #expect(axis.fit.isClose(to: testCase.fit, tolerance: 1e-9), "fit \(axis.fit)")
        #expect(ranking.scores.contains { $0.axes.contains { $0.contributions.contains { $0.rule == testCase.rule } } },
                "rule \(testCase.rule) did not fire")
    }

    @Test func aRuleThatDoesNotMatchLeavesNoTrace() throws {
        let ranking = shippedEngine.rank(try answers())
        let rules = ranking.scores.flatMap { $0.axes.flatMap { $0.contributions.map(\.rule) } }
        #expect(!rules.contains("identity-idp-entra"))
        #expect(!rules.contains("sandbox-adversarial"))
    }
}

@Suite struct RankingTests {
    @Test func readmeExampleTotalsWorkedByHand() throws {
        let ranking = shippedEngine.rank(try answers())
        // AgentCore: identity 1.0, model 0.8, sandbox 0.7, billing 0.7 − cost → (3.2 − cost) / 4
        // Cloudflare: 0.6, 0.8, 0.7, 0.5 → 2.6 / 4 = 0.65
        let agentCore = (3.2 - ShippedRuleTests.costLoss(ShippedRuleTests.agentCore)) / 4
        #expect(ranking.winner.stack == "aws-agentcore")
        #expect(ranking.winner.total.isClose(to: agentCore, tolerance: 1e-9))
        #expect(try #require(ranking.score("cloudflare-neutral")).total.isClose(to: 0.65, tolerance: 1e-9))
        #expect(ranking.margin.isClose(to: agentCore - 0.65, tolerance: 1e-9))
        #expect(!ranking.isClose)
        // Cost moved AgentCore's total by its billing loss over the four equal weights.
        #expect(ranking.winner.costEffect.isClose(to: -ShippedRuleTests.costLoss(ShippedRuleTests.agentCore) / 4, tolerance: 1e-9))
    }

    @Test func weightsScaleTheAxes() throws {
        let ranking = shippedEngine.rank(try answers(["weights.identity": "2", "weights.billing": "0"]))
        // AgentCore: (2 × 1.0 + 0.8 + 0.7 + 0 × 0.7) / 4 = 0.875
        #expect(try #require(ranking.score("aws-agentcore")).total.isClose(to: 0.875, tolerance: 1e-9))
    }

    @Test func onlyAFailedFloorDemotesAndUnverifiedIsItsOwnState() throws {
        let ranking = shippedEngine.rank(try answers(["sandbox.customer_code": "true", "model.strategy": "claude"]))
        // Only Cloudflare fails ("appropriate for non-adversarial workloads"); it ranks last.
        #expect(ranking.scores.last?.stack == "cloudflare-neutral")
        #expect(ranking.scores.filter { $0.standing == .failed }.map(\.stack) == ["cloudflare-neutral"])
        let anthropic = try #require(ranking.score("anthropic-managed-agents"))
        #expect(anthropic.standing == .unverified)
        #expect(anthropic.unverifiedFloors[0].reason.contains("not disclosed"))
        #expect(try #require(ranking.score("aws-agentcore")).standing == .met)
        #expect(try #require(ranking.score("microsoft-agent-365")).standing == .unverified)
        #expect(try #require(ranking.score("self-managed")).standing == .unverified)
    }

    @Test func closeCallIsFlaggedWhenTheLeadIsUnderTheMargin() throws {
        // Claude-first, no cloud, Okta, idle-heavy, model weight 0.5. Anthropic: identity 0.5 (no bonus for
        // punting identity to the customer), model 1.0, sandbox 0.7, billing 0.5 (the cheapest complete total)
        // → 2.2 / 3.5. Cloudflare: 0.5, 0.5 (no gain for Claude), 0.7, 0.7 → 2.15 / 3.5. Lead 0.05 / 3.5 = 0.0143 < 0.03.
        let ranking = shippedEngine.rank(try answers([
            "organization.cloud": "none", "identity.provider": "okta", "model.strategy": "claude",
            "billing.pattern": "idle-heavy", "workload.agents": "25", "weights.model": "0.5",
        ]))
        #expect(ranking.winner.stack == "anthropic-managed-agents")
        #expect(ranking.margin.isClose(to: 0.05 / 3.5, tolerance: 1e-9))
        #expect(ranking.isClose)
    }

    @Test func profilesFollowTheAnswers() throws {
        let profiles = shippedEngine.rank(try answers(["workload.agents": "9"])).profiles.map(\.id)
        #expect(profiles.contains("single-cloud-committed"))
        #expect(profiles.contains("small-fleet"))
        #expect(!profiles.contains("model-loyal"))
    }

    @Test func everyFitAndTotalIsWithinZeroAndOne() throws {
        for cloud in ["aws", "gcp", "azure", "multi-cloud", "none"] {
            for provider in ["entra", "aws-iam", "okta"] {
                let ranking = shippedEngine.rank(try answers(["organization.cloud": cloud, "identity.provider": provider,
                                                              "sandbox.untrusted_content": "true"]))
                for score in ranking.scores {
                    #expect((0...1).contains(score.total))
                    #expect(score.axes.allSatisfy { (0...1).contains($0.fit) })
                }
            }
        }
    }

    @Test func reasonsComeFromTheTrace() throws {
        let advice = shippedEngine.advise(try answers(), today: fixedToday)
        // AgentCore leads Cloudflare most on identity (1.0 vs 0.6), then billing (0.7 − 0.156 = 0.54 vs 0.5).
        #expect(advice.reasons.count == 2)
        #expect(advice.reasons[0].full.hasPrefix("On identity floor it fits 1.00 against 0.60"))
        #expect(advice.reasons[0].sources == [0, 13])
        #expect(advice.reasons[1].full.hasPrefix("On billing-unit fit it fits 0.54 against 0.50"))
    }
}

/// Each shipped example stands for one of the scout's organisational profiles; its winner is the
/// stack the scout's framework names for that profile.
@Suite struct ExampleTests {
    static let expected: [String: String] = [
        "single-cloud-aws": "aws-agentcore",
        "model-loyal-claude": "anthropic-managed-agents",
        "multi-cloud": "cloudflare-neutral",
        "identity-as-product": "microsoft-agent-365",
        "pre-production": "self-managed",
        "regulated-gcp": "google-agent-platform",
    ]

    @Test(arguments: expected.keys.sorted()) func exampleWinsAsTheScoutSays(_ name: String) throws {
        let bytes = Array(try String(contentsOfFile: "\(packageRoot)/Data/examples/\(name).yaml", encoding: .utf8).utf8)
        let answers = try AnswersParser.parse(bytes: bytes, file: name, questionnaire: shippedEngine.questionnaire)
        #expect(shippedEngine.rank(answers).winner.stack == Self.expected[name])
    }
}
