import AdvisorCore
import AdvisorTestSupport
import Testing

/// The team decision on Data/examples/team (Amara, Bruno, Chen), with the consensus worked out by hand
/// from the three files and the stated rule.
@Suite struct TeamTests {
    static func participants() throws -> [Participant] {
        try ["amara", "bruno", "chen"].map { name in
            let path = "\(packageRoot)/Data/examples/team/\(name).yaml"
            let answers = try readAnswers(path)
            return Participant(name: answers.participant ?? name, file: path, answers: answers)
        }
    }

    /// The consensus by hand:
    /// - cloud none, production, Okta: everyone agrees. Model claude, claude, multi-model: majority claude.
    ///   Untrusted content false, false, true: false. Billing idle-heavy, tight-loop, tight-loop: tight-loop.
    /// - Agents: Amara 20 to 60 (likely 30), Bruno 40, Chen 25: lows 20, 40, 25 → 25; highs 60, 40, 25 → 40;
    ///   points 30, 40, 25 → 30. Idle: Amara 0.6 to 0.9, others 0.5: lows and highs both have median 0.5, so 0.5.
    /// - Sessions a day 12, 12, 20 → 12.
    /// - Weights normalised: Amara (1,2,1,1)/5, Bruno 1/4 each, Chen (1,1,2,1)/5. Geometric means: identity and
    ///   billing ∛(0.2 × 0.25 × 0.2) = ∛0.01, model and sandbox ∛(0.4 × 0.25 × 0.2) = ∛0.02; rescaled to sum to 4.
    static let handWorked: String = {
        let small = cubeRoot(0.01), large = cubeRoot(0.02)
        let scale = 4 / (2 * small + 2 * large)
        func four(_ value: Double) -> String { String((value * scale * 10_000).rounded() / 10_000) }
        return """
        version: 1
        organization: {cloud: none, stage: production}
        identity: {provider: okta}
        model: {strategy: claude}
        sandbox: {untrusted_content: false, customer_code: false, cross_tenant_data: false, data_residency: false}
        billing: {pattern: tight-loop}
        workload:
          agents: {low: 25, high: 40, likely: 30}
          humans: 40
          sessions_per_agent_per_day: 12
          session_minutes: 30
          idle_fraction: 0.5
          tokens_per_session: 150000
          token_usd_per_million: 6
        weights: {identity: \(four(small)), model: \(four(large)), sandbox: \(four(large)), billing: \(four(small))}
        decision:
          title: "Managed runtime for the research agents"
          deciders: ["Applied AI team", "Security architecture"]
        """
    }()

    static func cubeRoot(_ x: Double) -> Double {
        var guess = x
        for _ in 0..<200 { guess = (2 * guess + x / (guess * guess)) / 3 }
        return guess
    }

    @Test func consensusFollowsTheStatedRule() throws {
        let team = shippedEngine.team(try Self.participants(), today: fixedToday)
        let expected = try parseAnswers(Self.handWorked)
        #expect(team.consensus.values == expected.values)
        #expect(team.consensus.ranges == expected.ranges)
        // The consensus is scored by the same engine as a single run of those answers.
        #expect(team.advice == shippedEngine.advise(expected, today: fixedToday))
        #expect(team.advice.recommendation == "anthropic-managed-agents")
    }

    @Test func decisiveAndNonDecisiveDisagreements() throws {
        let team = shippedEngine.team(try Self.participants(), today: fixedToday)
        // Chen's multi-model strategy takes Anthropic's model fit from 0.5 + 0.5 = 1.0 to 0.5 − 0.5 = 0: with the
        // model weight at 1.115 of 4 that is 0.28 of the total, more than Anthropic's lead, so the winner changes.
        let model = try #require(team.disagreements.first { $0.question == "model.strategy" })
        #expect(model.decisive)
        #expect(model.winnerIf.map(\.value) == ["multi-model"])
        #expect(model.winnerIf[0].stack != "anthropic-managed-agents")
        #expect(team.disagreements.first?.question == "model.strategy", "decisive disagreements come first")
        // Sessions a day (12, 12, 20) moves only the cost, which Anthropic leads on either way: not decisive.
        let sessions = try #require(team.disagreements.first { $0.question == "workload.sessions_per_agent_per_day" })
        #expect(!sessions.decisive)
        #expect(sessions.values.map(\.value) == ["12", "12", "20"])
        #expect(sessions.consensusValue == "12")
        // Everyone answered the cloud alike: no entry.
        #expect(!team.disagreements.contains { $0.question == "organization.cloud" })
        // Chen's own answers pick another stack, so the decision is not robust.
        #expect(team.participants.map(\.name) == ["Amara (applied AI)", "Bruno (platform)", "Chen (security)"])
        #expect(team.participants[2].winner != "anthropic-managed-agents")
        #expect(!team.robust)
    }

    @Test func anEvenSplitIsMarkedForTheTeamToSettle() throws {
        let people = try Self.participants()
        var second = people[1]
        second.answers["billing.pattern"] = .choice("idle-heavy")
        var first = people[0]
        first.answers["billing.pattern"] = .choice("tight-loop")
        let team = shippedEngine.team([first, second], today: fixedToday)
        // One idle-heavy, one tight-loop: a tie. The first in the questionnaire's order (idle-heavy) stands in.
        let split = try #require(team.split.first { $0.question == "billing.pattern" })
        #expect(split.values == [.choice("idle-heavy"), .choice("tight-loop")])
        #expect(team.consensus.choice("billing.pattern") == "idle-heavy")
        let entry = try #require(team.disagreements.first { $0.question == "billing.pattern" })
        #expect(entry.split)
        #expect(entry.winnerIf.map(\.value) == ["tight-loop"], "the other tied value is evaluated")
    }

    /// Cost bands at the corners, by hand. Agents 25 to 40, 12 sessions a day of 30 minutes, half idle:
    /// session-hours = agents × 12 × 730 / 24 × 30 / 60. Anthropic at $0.08 per active session-hour:
    /// 25 agents → 4,562.5 h × 0.5 × 0.08 = $182.50; 40 agents → 7,300 h × 0.5 × 0.08 = $292.00.
    /// AgentCore: CPU billed idle or not $0.0895 + memory 2 GB × $0.00945 per session-hour = $0.1084:
    /// 4,562.5 h → $494.58 and 7,300 h → $791.32. A band is the whole bill, so tokens are added: sessions × 150,000 tokens ×
    /// $6 per million = 9,125 × 0.9 = $8,212.50 at 25 agents, 14,600 × 0.9 = $13,140.00 at 40.
    @Test func rangeBandsAreTheCornerRuns() throws {
        let answers = try parseAnswers(Self.handWorked)
        let bands = try #require(shippedEngine.rangeBands(answers))
        #expect(bands.corners == 2)
        func sessionHours(_ agents: Double) -> Double { agents * 12 * 730 / 24 * 30 / 60 }
        func tokens(_ agents: Double) -> Double { agents * 12 * 730 / 24 * 150_000 / 1_000_000 * 6 }
        let anthropicRate: Double = 0.5 * 0.08, agentCoreRate: Double = 0.0895 + 2 * 0.00945
        let anthropic = try #require(bands.band("anthropic-managed-agents"))
        #expect(anthropic.low.isClose(to: sessionHours(25) * anthropicRate + tokens(25)))     // $182.50 + $8,212.50
        #expect(anthropic.high.isClose(to: sessionHours(40) * anthropicRate + tokens(40)))    // $292.00 + $13,140.00
        let agentCore = try #require(bands.band("aws-agentcore"))
        #expect(agentCore.low.isClose(to: sessionHours(25) * agentCoreRate + tokens(25)))     // $494.58 + tokens
        #expect(agentCore.high.isClose(to: sessionHours(40) * agentCoreRate + tokens(40)))    // $791.32 + tokens
        // Each corner run as its own answers gives the same figure.
        for agents in [25.0, 40.0] {
            var corner = answers
            corner["workload.agents"] = .number(agents)
            let monthly = try #require(shippedEngine.costs(corner).cost("anthropic-managed-agents")).total
            #expect(monthly == (agents == 25 ? anthropic.low : anthropic.high))
        }
        #expect(bands.holds)
    }

    @Test func aWinnerThatChangesInsideTheRangesIsNamedWithItsCorner() throws {
        // Agents 6 to 40 in production: below 10 agents the scout's small-fleet answer (self-managed) takes over.
        var answers = try parseAnswers(Self.handWorked)
        answers.setRange("workload.agents", ValueRange(low: 6, high: 40))
        let bands = try #require(shippedEngine.rangeBands(answers))
        let change = try #require(bands.winnerChange)
        #expect(change.stack == "self-managed")
        #expect(change.corner.values.first?.value == 6)
        #expect(!bands.holds)
    }
}
