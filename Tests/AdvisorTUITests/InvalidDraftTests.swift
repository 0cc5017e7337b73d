import AdvisorCore
import AdvisorTUI
import Testing

/// Issue 17: a field never records a value it shows as invalid, in memory or in the recovery file;
/// the answer stays what it was before the typing started, and `--resume` brings that back.
@Suite struct InvalidDraftTests {
    let agents: QuestionID = "workload.agents"

    func lastRecovery(_ driver: Driver) throws -> (text: String, recovered: RecoveredAnswers) {
        let text = try #require(driver.recoveryWrites.last)
        let recovered = try RecoveryFile.parse(bytes: Array(text.utf8), file: "recovery.yaml", questionnaire: shippedEngine.questionnaire)
        return (text, recovered)
    }

    /// A wizard on `id`'s question, found by walking the steps.
    func on(_ id: QuestionID, answers: Answers? = nil) -> Driver {
        var driver = Driver(answers: answers)
        driver.press(.enter)
        let place = driver.state.location(of: id)!
        for _ in 0..<place.step { driver.press(.pageDown) }
        for _ in 0..<place.question { driver.press(.tab) }
        return driver
    }

    @Test func fiveThousandNinesNeverBecomeTheFleetSize() throws {
        var driver = on(agents)  // required and unanswered; the questionnaire's default is 10
        driver.type(String(repeating: "9", count: 5_000))
        // 99,999 is within 1 to 100,000; the sixth nine makes 999,999, over it. The field holds 24 characters.
        #expect(driver.state.field?.buffer.text == String(repeating: "9", count: 24))
        #expect(driver.text().contains("must be at most 100,000"))
        #expect(driver.state.unansweredRequired.contains { $0.id == agents }, "in memory, still unanswered")

        let (text, recovered) = try lastRecovery(driver)
        #expect(!text.contains("99999"))
        #expect(recovered.answers.defaulted.contains(agents), "the recovery file does not give it")
        let resumed = Wizard.resumedState(engine: shippedEngine, recovered: recovered, today: fixedToday)
        #expect(resumed.unansweredRequired.contains { $0.id == agents }, "--resume brings back no answer for it")
        #expect(resumed.field == nil && resumed.fieldError == nil)
    }

    @Test func anAnsweredNumberKeepsItsValueUnderAnInvalidDraft() throws {
        var driver = on(agents, answers: defaultsChosen)  // answered: 10
        driver.type("40")
        #expect(driver.state.answers.number(agents) == 40, "a valid draft is kept at once")
        driver.type(String(repeating: "9", count: 5_000))  // 40999… is over 100,000 from the sixth character
        #expect(driver.state.answers.number(agents) == 10, "back to the answer before the typing")
        #expect(!driver.state.answers.defaulted.contains(agents))
        let recovered = try lastRecovery(driver).recovered
        #expect(recovered.answers.number(agents) == 10 && !recovered.answers.defaulted.contains(agents))
        driver.press(.escape)
        #expect(driver.state.answers.number(agents) == 10)
    }

    @Test func weightsAndFractionsAreHeldTheSameWay() throws {
        var driver = on("weights.identity", answers: defaultsChosen)  // 1, from 0 to 10
        driver.type("15")  // "1" is valid, "15" over 10
        #expect(driver.state.fieldError?.contains("at most 10") == true)
        #expect(driver.state.answers.number("weights.identity") == 1)
        #expect(driver.state.answers.defaulted.contains("weights.identity"), "an optional default stays a default")
        #expect(try lastRecovery(driver).recovered.answers.defaulted.contains("weights.identity"))

        driver = on("workload.idle_fraction", answers: defaultsChosen)  // 0.5, from 0 to 1
        driver.type("1.5")  // "1" is valid, "1.5" over 1
        #expect(driver.state.fieldError?.contains("at most 1") == true)
        #expect(driver.state.answers.number("workload.idle_fraction") == 0.5)
        #expect(try lastRecovery(driver).recovered.answers.number("workload.idle_fraction") == 0.5)
    }

    @Test func aRangeSurvivesAnInvalidDraftAndEsc() throws {
        var answers = defaultsChosen
        let range = ValueRange(low: 20, high: 60, likely: 30)
        answers.setRange(agents, range)
        var driver = on(agents, answers: answers)
        driver.type("4")
        #expect(driver.state.answers.ranges[agents] == nil, "a typed number replaces the range")
        driver.press(.backspace)  // empty: not a number
        #expect(driver.state.answers.ranges[agents] == range)
        #expect(driver.state.answers.number(agents) == 30)
        #expect(try lastRecovery(driver).recovered.answers.ranges[agents] == range)
        driver.type("7")
        driver.press(.escape)
        #expect(driver.state.answers.ranges[agents] == range, "Esc puts the range back, not only its point estimate")
    }

    @Test func typingARangesPointEstimateReplacesTheRange() {
        var answers = defaultsChosen
        answers.setRange(agents, ValueRange(low: 2, high: 8))  // point estimate: the midpoint, (2 + 8) / 2 = 5
        var driver = on(agents, answers: answers)
        driver.type("5")
        driver.press(.enter)
        #expect(driver.state.answers.ranges[agents] == nil)
        #expect(driver.state.answers.number(agents) == 5)
    }
}
