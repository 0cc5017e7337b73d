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

    // The base answers are the README's: AWS, production, aws-iam, multi-model, no exposure, tight loops, 40 agents.
    static let cases: [Case] = [
        // 0.5 + 0.4 aws-iam − 0.05 lock-in + 0.2 single-cloud = 1.05, held at 1
        .init(rule: "identity-idp-aws-iam", overrides: [:], stack: "aws-agentcore", axis: "identity", fit: 1.0),
        // 0.5 − 0.2 aws-iam − 0.05 lock-in = 0.25
        .init(rule: "identity-lock-in-depth", overrides: [:], stack: "microsoft-agent-365", axis: "identity", fit: 0.25),
        // 0.5 + 0.4 entra − 0.05 lock-in = 0.85
        .init(rule: "identity-idp-entra", overrides: ["identity.provider": "entra"], stack: "microsoft-agent-365",
              axis: "identity", fit: 0.85),
        // 0.5 + 0.4 google = 0.9 (cloud stays aws)
        .init(rule: "identity-idp-google", overrides: ["identity.provider": "google-cloud-iam"],
              stack: "google-agent-platform", axis: "identity", fit: 0.9),
        // 0.5 + 0.4 access + 0.1 lock-in = 1.0
        .init(rule: "identity-idp-cloudflare-access", overrides: ["identity.provider": "cloudflare-access"],
              stack: "cloudflare-neutral", axis: "identity", fit: 1.0),
        // 0.5 + 0.2 independent + 0.05 lock-in = 0.75
        .init(rule: "identity-idp-independent", overrides: ["identity.provider": "okta"],
              stack: "anthropic-managed-agents", axis: "identity", fit: 0.75),
        // 0.5 − 0.1 independent − 0.05 lock-in + 0.2 single-cloud = 0.55
        .init(rule: "identity-single-cloud-aws", overrides: ["identity.provider": "okta"], stack: "aws-agentcore",
              axis: "identity", fit: 0.55),
        // 0.5 − 0.05 independent + 0.2 single-cloud = 0.65
        .init(rule: "identity-single-cloud-gcp", overrides: ["identity.provider": "okta", "organization.cloud": "gcp"],
              stack: "google-agent-platform", axis: "identity", fit: 0.65),
        // 0.5 − 0.3 independent − 0.05 lock-in + 0.2 single-cloud = 0.35
        .init(rule: "identity-single-cloud-azure", overrides: ["identity.provider": "okta", "organization.cloud": "azure"],
              stack: "microsoft-agent-365", axis: "identity", fit: 0.35),
        // 0.5 + 0.1 independent + 0.1 lock-in + 0.3 multi-cloud = 1.0
        .init(rule: "identity-multi-cloud-neutral", overrides: ["identity.provider": "okta", "organization.cloud": "multi-cloud"],
              stack: "cloudflare-neutral", axis: "identity", fit: 1.0),
        // 0.5 − 0.05 independent − 0.1 no cloud = 0.35
        .init(rule: "identity-no-cloud", overrides: ["identity.provider": "okta", "organization.cloud": "none"],
              stack: "google-agent-platform", axis: "identity", fit: 0.35),
        // 0.5 + 0.2 small fleet = 0.7
        .init(rule: "identity-small-fleet", overrides: ["workload.agents": "9"], stack: "self-managed", axis: "identity", fit: 0.7),
        // 0.5 + 0.5 = 1.0; AWS 0.5 + 0.2 = 0.7 is checked below
        .init(rule: "model-claude-loyal", overrides: ["model.strategy": "claude"], stack: "anthropic-managed-agents",
              axis: "model", fit: 1.0),
        // 0.5 − 0.5 = 0
        .init(rule: "model-gemini-loyal", overrides: ["model.strategy": "gemini"], stack: "anthropic-managed-agents",
              axis: "model", fit: 0.0),
        // 0.5 + 0.4 = 0.9
        .init(rule: "model-openai-loyal", overrides: ["model.strategy": "openai"], stack: "aws-agentcore", axis: "model", fit: 0.9),
        // 0.5 + 0.3 = 0.8
        .init(rule: "model-multi-model", overrides: [:], stack: "aws-agentcore", axis: "model", fit: 0.8),
        // 0.5 − 0.1 = 0.4
        .init(rule: "sandbox-adversarial", overrides: ["sandbox.customer_code": "true"], stack: "cloudflare-neutral",
              axis: "sandbox", fit: 0.4),
        // 0.5 + 0.3 = 0.8
        .init(rule: "sandbox-non-adversarial", overrides: [:], stack: "cloudflare-neutral", axis: "sandbox", fit: 0.8),
        // 0.5 + 0.2 non-adversarial + 0.3 residency = 1.0
        .init(rule: "sandbox-data-residency", overrides: ["sandbox.data_residency": "true"], stack: "google-agent-platform",
              axis: "sandbox", fit: 1.0),
        // 0.5 + 0.1 non-adversarial + 0.2 small fleet = 0.8
        .init(rule: "sandbox-small-fleet", overrides: ["organization.stage": "pre-production"], stack: "self-managed",
              axis: "sandbox", fit: 0.8),
        // 0.5 + 0.2 = 0.7
        .init(rule: "billing-idle-heavy", overrides: ["billing.pattern": "idle-heavy"], stack: "anthropic-managed-agents",
              axis: "billing", fit: 0.7),
        // 0.5 + 0.5 = 1.0
        .init(rule: "billing-per-seat", overrides: ["billing.pattern": "per-seat"], stack: "microsoft-agent-365",
              axis: "billing", fit: 1.0),
        // 0.5 + 0.2 = 0.7
        .init(rule: "billing-single-cloud-aws", overrides: [:], stack: "aws-agentcore", axis: "billing", fit: 0.7),
        .init(rule: "billing-single-cloud-gcp", overrides: ["organization.cloud": "gcp"], stack: "google-agent-platform",
              axis: "billing", fit: 0.7),
        .init(rule: "billing-single-cloud-azure", overrides: ["organization.cloud": "azure"], stack: "microsoft-agent-365",
              axis: "billing", fit: 0.7),
        // 0.5 + 0.2 single-cloud − 0.1 small fleet = 0.6
        .init(rule: "billing-small-fleet", overrides: ["workload.agents": "9"], stack: "aws-agentcore", axis: "billing", fit: 0.6),
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
        // AgentCore: identity 1.0, model 0.8, sandbox 0.7, billing 0.7 → 3.2 / 4 = 0.80
        // Cloudflare: 0.6, 1.0, 0.8, 0.5 → 2.9 / 4 = 0.725
        #expect(ranking.winner.stack == "aws-agentcore")
        #expect(ranking.winner.total.isClose(to: 0.8, tolerance: 1e-9))
        #expect(try #require(ranking.score("cloudflare-neutral")).total.isClose(to: 0.725, tolerance: 1e-9))
        #expect(ranking.margin.isClose(to: 0.075, tolerance: 1e-9))
        #expect(!ranking.isClose)
    }

    @Test func weightsScaleTheAxes() throws {
        let ranking = shippedEngine.rank(try answers(["weights.identity": "2", "weights.billing": "0"]))
        // AgentCore: (2 × 1.0 + 0.8 + 0.7 + 0 × 0.7) / 4 = 0.875
        #expect(try #require(ranking.score("aws-agentcore")).total.isClose(to: 0.875, tolerance: 1e-9))
    }

    @Test func stacksFailingAFloorRankAfterThoseMeetingIt() throws {
        let ranking = shippedEngine.rank(try answers(["sandbox.customer_code": "true", "model.strategy": "claude"]))
        let meeting = ranking.scores.prefix { $0.meetsFloors }.map(\.stack)
        #expect(Set(meeting) == ["aws-agentcore", "google-agent-platform"])
        #expect(ranking.scores.dropFirst(2).allSatisfy { !$0.meetsFloors })
        let anthropic = try #require(ranking.score("anthropic-managed-agents"))
        #expect(anthropic.floorFailures.map(\.floor) == ["adversarial-isolation-floor"])
        #expect(anthropic.floorFailures[0].reason.contains("not disclosed"))
    }

    @Test func closeCallIsFlaggedWhenTheLeadIsUnderTheMargin() throws {
        // Claude-first, no cloud, Okta, idle-heavy: Cloudflare 0.775 against Anthropic 0.7625; lead 0.0125 < 0.03
        let ranking = shippedEngine.rank(try answers([
            "organization.cloud": "none", "identity.provider": "okta", "model.strategy": "claude",
            "billing.pattern": "idle-heavy", "workload.agents": "25",
        ]))
        #expect(ranking.winner.stack == "cloudflare-neutral")
        #expect(ranking.margin.isClose(to: 0.0125, tolerance: 1e-9))
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
        // AgentCore leads Cloudflare most on identity (1.0 vs 0.6), then billing (0.7 vs 0.5).
        #expect(advice.reasons.count == 2)
        #expect(advice.reasons[0].text.hasPrefix("On identity floor it fits 1.00 against 0.60"))
        #expect(advice.reasons[0].sources == [0, 13])
        #expect(advice.reasons[1].text.hasPrefix("On billing-unit fit it fits 0.70 against 0.50"))
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
