import AdvisorCore
import Testing

/// The scout's decision framework, case by case: each answer set is one the scout's text decides, and
/// the expected winner (and whether the recommendation is conditional) is read from the quoted sentence,
/// not from the program. Base answers (see `answersText`): AWS, production, AWS IAM, several models, no
/// adversarial exposure, tight loops, 40 agents; each case overrides what it needs.
@Suite struct FrameworkCaseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let overrides: [String: String]
        /// Any of these winning follows the scout.
        let winners: Set<String>
        /// True when the winner leaves a floor unverified, so the advice must be conditional with a fallback.
        var conditional = false
        /// The scout's sentence that decides the case.
        let scout: String
        var testDescription: String { name }
    }

    static let singleCloud = "Single-cloud-committed enterprise (AWS, Azure, GCP): Default to your hyperscaler’s runtime."
    static let floor = "If your agents have any adversarial-input exposure (...), Firecracker microVM (AWS) or gVisor (Google) is the right floor"
    static let entra = "Identity-as-product enterprise (Microsoft-shop): Agent 365 becomes the floor whether you want it to or not, because Entra is already the floor."
    static let entraSandbox = "For Microsoft-shop teams, this means the sandbox question gets answered by whichever Foundry-on-Azure or Copilot Studio runtime they pick, not by Agent 365 itself."
    static let anthropicIsolation = "Anthropic’s isolation specifics should be requested explicitly."
    static let claude = "Model-loyal team: If the model choice is locked in, pick the runtime that matches. Claude → Anthropic Managed Agents."
    static let gemini = "Gemini → Gemini Enterprise Agent Platform."
    static let openAI = "OpenAI/GPT-5.5 → there’s no first-party managed runtime in this scope yet; default to Cloudflare or AWS."
    static let multiCloud = "Multi-cloud enterprise running agents in more than one place: Cloudflare Sandboxes plus the enterprise MCP reference architecture is now the credible neutral-middle-tier answer."
    static let nonAdversarial = "Cloudflare’s container-plus-isolate model is appropriate for non-adversarial workloads."
    static let small = "Pre-production / small scale / fewer than 10 agents: Skip the managed runtime entirely."
    static let tokens = "$0.08/session-hour is cheap enough that it’s hard to imagine it being the deciding factor"
    static let residency = "the GCP-first stack. Best regulated-industry data-residency story (CMEK + VPC-SC + Model Armor)."
    static let access = "This is a real identity layer if Cloudflare Access is already the customer’s reverse proxy"

    static let underneath = "The question is what runs underneath Agent 365 — Copilot Studio for low-code lifecycle, Foundry for code-authored agents."
    static let lifetime = "Eight-hour default max compute lifetime per session."

    static let noCloud = ["organization.cloud": "none", "identity.provider": "okta"]
    static let residencyNoCloud = noCloud.merging(["sandbox.data_residency": "true"]) { $1 }

    static let cases: [Case] = [
        .init(name: "AWS and IAM", overrides: [:], winners: ["aws-agentcore"], scout: singleCloud),
        .init(name: "AWS, idle-heavy", overrides: ["billing.pattern": "idle-heavy", "workload.idle_fraction": "0.9"],
              winners: ["aws-agentcore"], scout: singleCloud + " For all three, the gravitational pull is real"),
        .init(name: "AWS, customer code", overrides: ["sandbox.customer_code": "true"], winners: ["aws-agentcore"], scout: floor),
        .init(name: "AWS with Okta", overrides: ["identity.provider": "okta"], winners: ["aws-agentcore"], scout: singleCloud),
        .init(name: "AWS, OpenAI-first", overrides: ["model.strategy": "openai"], winners: ["aws-agentcore"], scout: openAI),
        .init(name: "GCP and Cloud IAM", overrides: ["organization.cloud": "gcp", "identity.provider": "google-cloud-iam"],
              winners: ["google-agent-platform"], scout: singleCloud),
        .init(name: "GCP, residency and untrusted content",
              overrides: ["organization.cloud": "gcp", "identity.provider": "google-cloud-iam", "sandbox.data_residency": "true",
                          "sandbox.untrusted_content": "true"],
              winners: ["google-agent-platform"], scout: residency),
        .init(name: "GCP, residency, idle-heavy",
              overrides: ["organization.cloud": "gcp", "identity.provider": "google-cloud-iam", "sandbox.data_residency": "true",
                          "billing.pattern": "idle-heavy", "workload.idle_fraction": "0.9"],
              winners: ["google-agent-platform"], scout: residency),
        .init(name: "GCP, Gemini-first", overrides: ["organization.cloud": "gcp", "identity.provider": "google-cloud-iam",
                                                     "model.strategy": "gemini"],
              winners: ["google-agent-platform"], scout: gemini),
        .init(name: "Azure and Entra", overrides: ["organization.cloud": "azure", "identity.provider": "entra"],
              winners: ["microsoft-agent-365"], scout: entra),
        .init(name: "Azure and Entra, customer code", overrides: ["organization.cloud": "azure", "identity.provider": "entra",
                                                                  "sandbox.customer_code": "true"],
              winners: ["microsoft-agent-365"], conditional: true, scout: entra + " " + entraSandbox),
        .init(name: "Azure and Entra, per-seat", overrides: ["organization.cloud": "azure", "identity.provider": "entra",
                                                             "billing.pattern": "per-seat"],
              winners: ["microsoft-agent-365"], scout: entra),
        .init(name: "Azure and Entra, idle-heavy", overrides: ["organization.cloud": "azure", "identity.provider": "entra",
                                                               "billing.pattern": "idle-heavy", "workload.idle_fraction": "0.9"],
              winners: ["microsoft-agent-365"], scout: entra),
        .init(name: "Entra without a cloud, cross-tenant data",
              overrides: ["organization.cloud": "none", "identity.provider": "entra", "sandbox.cross_tenant_data": "true"],
              winners: ["microsoft-agent-365"], conditional: true, scout: entra + " " + entraSandbox),
        .init(name: "Claude-first", overrides: noCloud.merging(["model.strategy": "claude"]) { $1 },
              winners: ["anthropic-managed-agents"], scout: claude),
        .init(name: "Claude-first, idle-heavy",
              overrides: noCloud.merging(["model.strategy": "claude", "billing.pattern": "idle-heavy",
                                          "workload.idle_fraction": "0.9"]) { $1 },
              winners: ["anthropic-managed-agents"], scout: claude + " " + tokens),
        .init(name: "Claude-first, untrusted content",
              overrides: noCloud.merging(["model.strategy": "claude", "sandbox.untrusted_content": "true"]) { $1 },
              winners: ["anthropic-managed-agents"], conditional: true, scout: claude + " " + anthropicIsolation),
        .init(name: "Gemini-first without a cloud", overrides: noCloud.merging(["model.strategy": "gemini"]) { $1 },
              winners: ["google-agent-platform"], scout: gemini),
        .init(name: "Gemini-first without a cloud, idle-heavy",
              overrides: noCloud.merging(["model.strategy": "gemini", "billing.pattern": "idle-heavy",
                                          "workload.idle_fraction": "0.9"]) { $1 },
              winners: ["google-agent-platform"], scout: gemini),
        .init(name: "OpenAI-first without a cloud", overrides: noCloud.merging(["model.strategy": "openai"]) { $1 },
              winners: ["cloudflare-neutral", "aws-agentcore"], scout: openAI),
        .init(name: "OpenAI-first without a cloud, customer code",
              overrides: noCloud.merging(["model.strategy": "openai", "sandbox.customer_code": "true"]) { $1 },
              winners: ["aws-agentcore"], scout: openAI + " " + nonAdversarial),
        .init(name: "Multi-cloud", overrides: ["organization.cloud": "multi-cloud", "identity.provider": "okta"],
              winners: ["cloudflare-neutral"], scout: multiCloud),
        .init(name: "Multi-cloud, idle-heavy", overrides: ["organization.cloud": "multi-cloud", "identity.provider": "okta",
                                                           "billing.pattern": "idle-heavy", "workload.idle_fraction": "0.9"],
              winners: ["cloudflare-neutral"], scout: multiCloud + " Idle-heavy → Cloudflare."),
        .init(name: "Multi-cloud, customer code", overrides: ["organization.cloud": "multi-cloud", "identity.provider": "okta",
                                                              "sandbox.customer_code": "true"],
              winners: ["aws-agentcore", "google-agent-platform"], scout: nonAdversarial + " " + floor),
        .init(name: "Cloudflare Access already in front", overrides: ["organization.cloud": "none",
                                                                      "identity.provider": "cloudflare-access"],
              winners: ["cloudflare-neutral"], scout: access),
        .init(name: "Pre-production pilot", overrides: ["organization.cloud": "none", "identity.provider": "other",
                                                        "organization.stage": "pre-production", "workload.agents": "6"],
              winners: ["self-managed"], scout: small),
        .init(name: "Six agents in production", overrides: noCloud.merging(["workload.agents": "6"]) { $1 },
              winners: ["self-managed"], scout: small),
        // Residency where no stronger profile decides: the GCP-first stack's "best regulated-industry
        // data-residency story". No cloud, Okta, several models: residency is the only need that tells stacks apart.
        .init(name: "Residency without a cloud", overrides: residencyNoCloud, winners: ["google-agent-platform"], scout: residency),
        .init(name: "Residency without a cloud, untrusted content",
              overrides: residencyNoCloud.merging(["sandbox.untrusted_content": "true"]) { $1 },
              winners: ["google-agent-platform"], scout: residency + " " + floor),
        .init(name: "Residency without a cloud, Gemini-first",
              overrides: residencyNoCloud.merging(["model.strategy": "gemini"]) { $1 },
              winners: ["google-agent-platform"], scout: residency + " " + gemini),
        .init(name: "Residency on Google Cloud", overrides: ["organization.cloud": "gcp", "identity.provider": "google-cloud-iam",
                                                             "sandbox.data_residency": "true"],
              winners: ["google-agent-platform"], scout: residency + " " + singleCloud),
        // Copilot Studio or Foundry underneath: either way the Entra shop gets Agent 365, and with customer
        // code the condition names the runtime the team chose.
        .init(name: "Azure and Entra, Foundry underneath",
              overrides: ["organization.cloud": "azure", "identity.provider": "entra", "identity.microsoft_runtime": "foundry"],
              winners: ["microsoft-agent-365"], scout: entra + " " + underneath),
        .init(name: "Azure and Entra, Copilot Studio with credits",
              overrides: ["organization.cloud": "azure", "identity.provider": "entra", "identity.microsoft_runtime": "copilot-studio",
                          "workload.copilot_credits_per_session": "10"],
              winners: ["microsoft-agent-365"], scout: entra + " " + underneath),
        .init(name: "Azure and Entra, Foundry underneath, customer code",
              overrides: ["organization.cloud": "azure", "identity.provider": "entra", "identity.microsoft_runtime": "foundry",
                          "sandbox.customer_code": "true"],
              winners: ["microsoft-agent-365"], conditional: true, scout: entra + " " + entraSandbox),
        // A session longer than AgentCore's lifetime: still the AWS shop's runtime, on condition the limit is raised.
        .init(name: "AWS, ten-hour sessions", overrides: ["workload.session_minutes": "600", "workload.sessions_per_agent_per_day": "2"],
              winners: ["aws-agentcore"], conditional: true, scout: singleCloud + " " + lifetime),
        .init(name: "AWS, eight-hour sessions", overrides: ["workload.session_minutes": "480", "workload.sessions_per_agent_per_day": "2"],
              winners: ["aws-agentcore"], scout: singleCloud + " " + lifetime),
        .init(name: "Pre-production with customer code",
              overrides: ["organization.cloud": "none", "identity.provider": "other", "organization.stage": "pre-production",
                          "sandbox.customer_code": "true"],
              winners: ["self-managed"], conditional: true, scout: small + " " + floor),
    ]

    @Test(arguments: cases) func theScoutsAnswerWins(_ testCase: Case) throws {
        let advice = shippedEngine.advise(try answers(testCase.overrides), today: fixedToday)
        #expect(testCase.winners.contains(advice.recommendation),
                "\(advice.recommendation) won; the scout says: \(testCase.scout)")
        #expect(!advice.condition.isEmpty == testCase.conditional, "condition: \(advice.condition)")
        if testCase.conditional {
            // The fallback meets every floor outright: Firecracker or gVisor, or (past AgentCore's lifetime) a stack with none stated.
            let fallback = try #require(advice.fallback)
            #expect(fallback != advice.recommendation)
            #expect(advice.ranking.score(fallback)?.standing == .met)
            #expect(advice.verdict.conditions.contains { $0.full.hasPrefix("Before accepting") })
            #expect(advice.verdict.headline.full.hasPrefix("Conditional recommendation"))
        } else {
            #expect(advice.fallback == nil)
        }
    }

    @Test func equalTotalsAreReportedAsATie() throws {
        // Only the model axis counts and the team is OpenAI-first: AgentCore and Cloudflare both fit
        // 0.5 + 0.4 = 0.9. "default to Cloudflare or AWS": the scout names both, so the tool must not pick one silently.
        let advice = shippedEngine.advise(try answers(["model.strategy": "openai", "weights.identity": "0",
                                                       "weights.sandbox": "0", "weights.billing": "0"]), today: fixedToday)
        #expect(advice.recommendation == "aws-agentcore")
        #expect(advice.tiedWith == ["cloudflare-neutral"])
        #expect(advice.verdict.tie?.full.hasPrefix("Tie:") == true)
        #expect(advice.verdict.headline.full.contains("tied with Cloudflare"))
        #expect(advice.caveats.contains { $0.kind == .tie })
        let json = JSONReport.render(advice, engine: shippedEngine, toolVersion: "test")
        #expect(json.contains("\"tied_with\": [\n      \"cloudflare-neutral\"\n    ]"))
    }

    @Test func everyHomeGroundIsWonAtLeastFourTimesInFive() {
        let report = shippedEngine.lint(base: Answers(defaultsOf: shippedEngine.questionnaire))
        #expect(report.homeGrounds.count == 9)
        for share in report.homeGrounds {
            #expect(share.size > 0, "\(share.ground.id) covers no answer set")
            #expect(share.share >= LintText.minimumShare, "\(share.ground.id): \(share.share)")
        }
        #expect(report.neverWinning.isEmpty)
    }
}
