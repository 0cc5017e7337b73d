import AdvisorCore
import AdvisorTUI
import Foundation
import Testing

/// The team comparison view: rows are the contested questions (decisive first), Enter settles the
/// focused question on the highlighted person's answer, and the ranking follows.
@Suite struct ComparisonTests {
    static func participants() throws -> [Participant] {
        try ["amara", "bruno", "chen"].map { name in
            let answers = try readAnswers("\(packageRoot)/Data/examples/team/\(name).yaml")
            return Participant(name: answers.participant ?? name, file: "\(name).yaml", answers: answers)
        }
    }

    static func driver(width: Int = 80, height: Int = 24) throws -> Driver {
        let people = try participants()
        let team = shippedEngine.team(people, today: fixedToday)
        return Driver(state: Wizard.teamState(engine: shippedEngine, participants: people, team: team, today: fixedToday,
                                              context: WizardContext(recordTemplate: recordTemplate),
                                              width: width, height: height))
    }

    @Test func settlingTheDecisiveQuestionChangesTheWinner() throws {
        var driver = try Self.driver()
        #expect(driver.state.screen == .comparison)
        #expect(driver.state.team?.focusedQuestion == "model.strategy", "the decisive question comes first")
        #expect(driver.state.ranking.winner.stack == "anthropic-managed-agents")
        // Chen (the third column) answered "several models"; settling on it takes Anthropic's model fit
        // from 1.0 to 0 and another stack wins, as `team` said it would.
        driver.press(.right, .right, .enter)
        #expect(driver.state.answers.choice("model.strategy") == "multi-model")
        #expect(driver.state.ranking.winner.stack != "anthropic-managed-agents")
        #expect(driver.state.team?.settled == ["model.strategy"])
        #expect(driver.state.hasUnsavedAnswers)
        // Now Chen's untrusted-content flag would decide too (Cloudflare fails the floor with it).
        #expect(driver.state.team?.disagreement("sandbox.untrusted_content")?.decisive == true)
    }

    @Test func theExportedRecordIsTheTeamRecordForTheSettledAnswers() throws {
        var driver = try Self.driver()
        driver.press(.right, .right, .enter, .character("e"))
        guard case .success(let text)? = driver.state.results?.record else {
            Issue.record("no record")
            return
        }
        #expect(text.contains("\n## Where the team disagreed\n"))
        let settled = Wizard.fileAnswers(driver.state.answers, questionnaire: shippedEngine.questionnaire)
        let team = shippedEngine.team(try Self.participants(), settled: settled, today: fixedToday)
        #expect(driver.state.results?.advice == team.advice)
    }

    @Test(arguments: [0, 1]) func goldenScreens(size: Int) throws {
        let (width, height) = GoldenScreenTests.sizes[size]
        var driver = try Self.driver(width: width, height: height)
        try GoldenScreenTests.check(driver.screen(), "comparison")
        driver.press(.right, .right, .enter)
        try GoldenScreenTests.check(driver.screen(), "comparison-settled")
    }
}

/// The live scoreboard says when the leader's recommendation is conditional (its floor unverified).
@Suite struct ConditionalScoreboardTests {
    @Test func aConditionalLeaderIsSaidToBeOne() throws {
        var answers = try exampleAnswers("identity-as-product")
        answers["sandbox.customer_code"] = .flag(true)  // Agent 365 leaves the isolation floor unverified
        var driver = Driver(answers: answers, width: 120, height: 40)
        driver.press(.enter)
        #expect(driver.state.ranking.winner.stack == "microsoft-agent-365")
        #expect(driver.state.ranking.fallback == "aws-agentcore")
        let text = driver.text()  // wrapped in the scoreboard's column
        // The engine's short forms of the condition and the fallback, wrapped in the scoreboard's column.
        let flat = text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }.joined(separator: " ")
        #expect(flat.contains("Before accepting: confirm the sandbox threat model floor for Agent 365"), "\(text)")
        #expect(flat.contains("Otherwise: AgentCore, which meets every floor"))
    }
}

/// Ranged answers show their cost bands on the Costs tab, as the text report and the record do.
@Suite struct RangeBandsInTheWizardTests {
    @Test func theCostsTabShowsEachBand() throws {
        // Amara's file: 20 to 60 agents, 60% to 90% idle, 12 sessions a day of 30 minutes. Anthropic bills
        // $0.08 per active session-hour: cheapest corner 20 × 12 × 730 / 24 × 0.5 h × 10% active = 365 h →
        // $29.20; dearest 60 agents at 40% active: 10,950 × 0.4 = 4,380 h → $350.40. A band is the whole
        // bill: tokens add 7,300 or 21,900 sessions × 150,000 × $6 per million = $6,570.00 or $19,710.00,
        // so $6,599.20 to $20,060.40.
        let answers = try readAnswers("\(packageRoot)/Data/examples/team/amara.yaml")
        var driver = Driver(answers: answers, width: 120, height: 40)
        driver.press(.enter, .character("r"), .character("3"))
        let text = driver.text()
        #expect(text.contains("Across the ranges (fleet size, idle fraction; 4 corners)"))
        #expect(text.contains("$6,599.20") && text.contains("$20,060.40"))
    }
}

/// The Ranking tab leads with the condition when the recommendation is conditional.
@Suite struct ConditionalRankingTabTests {
    @Test func theRankingTabSaysWhatToConfirmAndTheFallback() throws {
        var answers = try exampleAnswers("identity-as-product")
        answers["sandbox.customer_code"] = .flag(true)
        var driver = Driver(answers: answers)
        driver.press(.enter, .character("r"), .character("1"))
        let text = driver.text()
        #expect(text.contains("Conditional recommendation: Microsoft Agent 365"))
        #expect(text.contains("Before accepting: Confirm that the Copilot Studio or Foundry runtime"))
        #expect(text.contains("Otherwise: AWS Bedrock AgentCore, the best stack that meets every floor") && text.contains("outright."))
        // The standing is said in words, never "meets every floor" while one is unverified.
        #expect(text.contains("Floors: Agent 365 leaves the sandbox threat model floor unverified"))
    }
}
