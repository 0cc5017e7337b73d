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
        driver.press(.right, .right, .enter)
        // The billing pattern settled on Bruno's tight-loop, the value the majority gave: no override, but
        // the room's decision all the same.
        let billing = try #require(driver.state.team?.rows.firstIndex(of: "billing.pattern"))
        for _ in 0..<billing { driver.press(.down) }
        driver.press(.left, .enter, .character("e"))
        guard case .success(let text)? = driver.state.results?.record else {
            Issue.record("no record")
            return
        }
        #expect(text.contains("\n## Where the team disagreed\n"))
        // What the room decided is shown, not folded: the bullet comes before the section's fold.
        let section = try #require(text.range(of: "\n## Where the team disagreed\n"))
        let fold = try #require(text.range(of: "\n<details>\n", range: section.upperBound..<text.endIndex))
        #expect(text[section.upperBound..<fold.lowerBound].contains("Settled as multi-model: settled by the team on Chen (security)'s "
                                                                   + "answer, overriding a majority 2 of 3 (claude)"))
        #expect(text[section.upperBound..<fold.lowerBound].contains("Settled as tight-loop: settled by the team on Bruno (platform)'s answer"))
        let settled = Wizard.fileAnswers(driver.state.answers, questionnaire: shippedEngine.questionnaire)
        let team = shippedEngine.team(try Self.participants(), settled: settled, today: fixedToday)
        #expect(driver.state.results?.advice == team.advice)
        #expect(driver.state.team?.settled == ["model.strategy", "billing.pattern"])
    }

    /// Five people: the example's three and two more (Dana, a second security voice, and Eve from finance,
    /// who left the token figures out). At 80 columns the table has 76 − 18 (labels) − 12 (now) = 46
    /// columns for people: 46 / 5 = 9 each, so all five show, none scrolled off.
    static func fivePeople() throws -> [Participant] {
        var people = try participants()
        var dana = people[2]
        dana.name = "Dana (security)"
        dana.file = "dana.yaml"
        dana.answers["organization.cloud"] = .choice("aws")
        var eve = people[1]
        eve.name = "Eve (finance)"
        eve.file = "eve.yaml"
        eve.answers.defaulted.formUnion(["workload.tokens_per_session", "workload.token_usd_per_million"])
        people += [dana, eve]
        return people
    }

    static func fiveDriver(width: Int = 80, height: Int = 24) throws -> Driver {
        let people = try fivePeople()
        let team = shippedEngine.team(people, today: fixedToday)
        return Driver(state: Wizard.teamState(engine: shippedEngine, participants: people, team: team, today: fixedToday,
                                              context: WizardContext(recordTemplate: recordTemplate), width: width, height: height))
    }

    @Test func everyoneShowsAt80Columns() throws {
        let driver = try Self.fiveDriver()
        let header = try #require(driver.text().split(separator: "\n").first { $0.contains("Question") })
        // Each name cut to its 9-column cell less a space: 8 columns, the last one an ellipsis.
        for name in ["Amara (", "Bruno (", "Chen (s", "Dana (s", "Eve (fi"] { #expect(header.contains(name), "\(name) in \(header)") }
        #expect(!driver.text().contains("more people"))
        // The focused row spells out every full name and answer (wrapped over its three lines).
        let lines = driver.text().split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
        let start = try #require(lines.firstIndex { $0.hasPrefix("Now claude") })
        #expect(lines[start..<start + 3].joined(separator: " ") == "Now claude: majority 3 of 5. Amara (applied AI) claude · "
                + "Bruno (platform) claude · Chen (security) multi-model · Dana (security) multi-model · Eve (finance) claude")
    }

    /// Two people who split on the billing pattern: the row is marked `~` and the header counts it.
    @Test func openSplitsAreMarked() throws {
        let people = try Array(Self.participants().prefix(2))
        let team = shippedEngine.team(people, today: fixedToday)
        #expect(team.split.map(\.question) == ["billing.pattern"])  // Amara idle-heavy, Bruno tight-loop: 1 each
        let driver = Driver(state: Wizard.teamState(engine: shippedEngine, participants: people, team: team, today: fixedToday,
                                                    context: WizardContext(recordTemplate: recordTemplate)))
        let text = driver.text()
        #expect(text.contains("7 contested, 1 open split"))
        #expect(text.contains("│ ~ Billing pattern"))
    }

    /// `t` settles the focused question on a value nobody proposed: 33 agents, typed in the meeting.
    @Test func aValueTypedInTheMeetingSettlesTheQuestion() throws {
        var driver = try Self.driver()
        driver.press(.down)  // fleet size, the first non-decisive row
        #expect(driver.state.team?.focusedQuestion == "workload.agents")
        driver.press(.character("t"), .ctrl("u"))
        driver.type("0")
        driver.press(.enter)
        #expect(driver.state.promptError?.contains("at least 1") == true, "0 agents is refused as the field would refuse it")
        driver.press(.ctrl("u"))
        driver.type("33")
        driver.press(.enter)
        #expect(driver.state.overlay == nil)
        #expect(driver.state.answers.values["workload.agents"] == .number(33))
        let item = try #require(driver.state.team?.disagreement("workload.agents"))
        #expect(item.settledBy == "typed in the meeting, overriding the median of 3 answers (25 to 40 (likely 30))")
        #expect(driver.state.team?.settled == ["workload.agents"])
    }

    @Test func helpShowsThisViewsKeys() throws {
        var driver = try Self.driver(width: 120, height: 40)
        driver.press(.character("?"))
        let text = driver.text()
        #expect(text.contains("settle it on a value typed in the meeting"))
        #expect(text.contains("Chen (security)"))
        #expect(!text.contains("choose, then go to the next question"), "not the wizard's keys")
    }

    /// Settling the billing pattern on Bruno's tight-loop, the value that already stood, changes no answer,
    /// but it is a decision the team made: quitting asks before it is lost.
    @Test func quittingWithUnsavedSettlementsAsks() throws {
        var driver = try Self.driver()
        let billing = try #require(driver.state.team?.rows.firstIndex(of: "billing.pattern"))
        for _ in 0..<billing { driver.press(.down) }
        driver.press(.right, .enter)
        #expect(!driver.state.hasUnsavedAnswers)
        driver.press(.character("q"))
        #expect(driver.state.overlay == .confirmQuit)
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
