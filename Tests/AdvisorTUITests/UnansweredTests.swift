import AdvisorCore
import AdvisorTUI
import Testing

/// Required questions start unanswered: shown so, never scored, saved or exported as answers.
@Suite struct UnansweredTests {
    func fresh() -> Driver {
        var driver = Driver()
        driver.press(.enter)
        return driver
    }

    @Test func aFreshRunShowsRequiredQuestionsUnansweredAndNoRanking() {
        let driver = fresh()
        let text = driver.text()
        #expect(!text.contains("(•)"), "no option is pre-selected")
        #expect(text.contains("Required: not answered yet"))
        #expect(text.contains("unanswered"), "the closed question shows it too")
        #expect(text.contains("Answer the required") && text.contains("to see a ranking."))
        #expect(!text.contains("cheapest"))
        #expect(driver.state.unansweredRequired.count == shippedEngine.questionnaire.questions.filter(\.required).count)
    }

    @Test func choosingAnswersTheQuestion() {
        var driver = fresh()
        driver.press(.character("3"))
        #expect(driver.state.answers.choice("organization.cloud") == "azure")
        #expect(driver.state.unansweredRequired.first?.id == "organization.stage")
        #expect(driver.text().contains("(•) Azure"))
    }

    @Test func exportAndResultsRefuseAndOfferTheFirstMissingQuestion() {
        var driver = fresh()
        driver.press(.character("1"), .pageDown)
        _ = driver.takeEffects()
        driver.press(.character("e"))
        #expect(driver.state.overlay == .unanswered(.export))
        #expect(!driver.takeEffects().contains { if case .suggestRecordPath = $0 { true } else { false } }, "no export")
        let text = driver.text()
        #expect(text.contains("required questions unanswered"))
        #expect(text.contains("Step 1: Are the agents in production yet?"))
        #expect(!text.contains("Step 1: Where does your organisation run"), "AWS was chosen")
        driver.press(.enter)
        #expect(driver.state.overlay == nil)
        #expect(driver.state.focusedQuestion?.id == "organization.stage")
        driver.press(.character("r"))
        #expect(driver.state.overlay == .unanswered(.results))
        #expect(driver.state.screen == .step)
        driver.press(.escape)
        #expect(driver.state.overlay == nil)
    }

    @Test func aSavedFileNeverWritesADefaultAsAnAnswer() throws {
        var driver = fresh()
        driver.press(.character("2"), .character("s"), .enter)
        let request = try #require(driver.writes.first)
        #expect(request.text.contains("cloud: gcp"))
        #expect(!request.text.contains("stage:"), "unanswered: left out")
        #expect(!request.text.contains("agents:"))
        #expect(request.text.hasPrefix("# Not answered yet (required): organization.stage, workload.agents"))
        driver.apply(.written(request))
        #expect(driver.text().contains("Saved the answers to answers.yaml (9 required unanswered, left out)"))
    }

    @Test func reviewModeStartsAnswered() throws {
        let driver = Driver(answers: try exampleAnswers("single-cloud-aws"))
        #expect(driver.state.unansweredRequired.isEmpty)
    }

    @Test func optionalDefaultsAreMarkedAsDefaults() {
        var driver = Driver(answers: defaultsChosen)
        driver.press(.enter, .pageDown)
        #expect(driver.text().contains("(default)"), "an optional question left at its default says so")
    }
}

/// Esc goes back one question, never past an invalid step.
@Suite struct EscapeTests {
    @Test func escFromTheSecondQuestionLandsOnTheFirst() {
        var driver = Driver()
        driver.press(.enter, .character("1"), .tab)
        #expect(driver.state.focusedQuestion?.id == "organization.stage")
        driver.press(.escape)
        #expect(driver.state.focusedQuestion?.id == "organization.cloud")
    }

    @Test func escFromAStepsFirstQuestionLandsOnThePreviousStepsLast() {
        var driver = Driver()
        driver.press(.enter, .pageDown)
        #expect(driver.state.focusedQuestion?.id == "workload.agents")
        driver.press(.escape)
        #expect(driver.state.focusedQuestion?.id == "organization.stage")
    }

    @Test func escCannotLeaveAllZeroWeightsBehind() {
        var driver = Driver()
        driver.press(.enter)
        for _ in 0..<6 { driver.press(.pageDown) }
        #expect(driver.state.currentStep.id == "weights")
        for _ in 0..<3 { driver.type("0"); driver.press(.enter) }
        driver.type("0")
        driver.press(.home)
        for _ in 0..<3 { driver.press(.escape) }
        #expect(driver.state.currentStep.id == "weights", "Esc from the first weight would leave zeros behind")
        #expect(driver.state.fieldError?.contains("at least one weight") == true)
        driver.press(.pageUp)
        #expect(driver.state.currentStep.id == "weights")
    }
}
