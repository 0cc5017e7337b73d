import AdvisorCore
import AdvisorTUI
import Testing

/// `update` fed synthetic keys: where the focus goes, what the answers become, which effects come out.
@Suite struct WizardNavigationTests {
    /// A wizard on step 1 (Organisation), first question focused.
    func onFirstStep() -> Driver {
        var driver = Driver()
        driver.press(.enter)
        return driver
    }

    @Test func enterOnWelcomeOpensTheFirstStep() {
        let driver = onFirstStep()
        #expect(driver.state.screen == .step)
        #expect(driver.state.step == 0)
        #expect(driver.state.focusedQuestion?.id == "organization.cloud")
        #expect(driver.text().contains("Step 1 of 8"))
    }

    @Test func arrowsWalkOptionsThenQuestions() {
        var driver = onFirstStep()
        #expect(driver.state.optionCursor == 0)  // nothing is selected: the cursor starts on the first option
        driver.press(.down, .down)
        #expect(driver.state.optionCursor == 2)
        #expect(driver.state.unansweredRequired.first?.id == "organization.cloud", "moving the cursor does not answer")
        driver.press(.down, .down, .down)  // past the fifth option: the next question, its first option
        #expect(driver.state.focusedQuestion?.id == "organization.stage")
        #expect(driver.state.optionCursor == 0)
        driver.press(.up)  // back onto the last option of the question above
        #expect(driver.state.focusedQuestion?.id == "organization.cloud")
        #expect(driver.state.optionCursor == 4)
        driver.press(.character("k"), .character("j"))
        #expect(driver.state.optionCursor == 4)
    }

    @Test func spaceChoosesAndEnterChoosesAndMovesOn() {
        var driver = onFirstStep()
        driver.press(.down, .character(" "))
        #expect(driver.state.answers.choice("organization.cloud") == "gcp")
        #expect(driver.state.focusedQuestion?.id == "organization.cloud")
        driver.press(.down, .enter)
        #expect(driver.state.answers.choice("organization.cloud") == "azure")
        #expect(driver.state.focusedQuestion?.id == "organization.stage")
    }

    @Test func digitsPickOptionsAndLeftRightStepThem() {
        var driver = onFirstStep()
        driver.press(.character("4"))
        #expect(driver.state.answers.choice("organization.cloud") == "multi-cloud")
        #expect(driver.state.optionCursor == 3)
        driver.press(.character("9"))  // no ninth option: nothing changes
        #expect(driver.state.answers.choice("organization.cloud") == "multi-cloud")
        driver.press(.right)
        #expect(driver.state.answers.choice("organization.cloud") == "none")
        driver.press(.right)  // held at the last option
        #expect(driver.state.answers.choice("organization.cloud") == "none")
        driver.press(.left, .left)
        #expect(driver.state.answers.choice("organization.cloud") == "azure")
    }

    @Test func yesNoQuestionsTakeYAndN() {
        var driver = onFirstStep()
        driver.press(.pageDown, .pageDown, .pageDown, .pageDown)
        #expect(driver.state.currentStep.id == "sandbox")
        #expect(driver.state.answers.flag("sandbox.untrusted_content") == false)
        driver.press(.character("y"))
        #expect(driver.state.answers.flag("sandbox.untrusted_content") == true)
        driver.press(.character("2"))
        #expect(driver.state.answers.flag("sandbox.untrusted_content") == false)
        #expect(driver.text().contains("(•) No"))
    }

    @Test func tabAndShiftTabMoveByQuestionAcrossSteps() {
        var driver = onFirstStep()
        driver.press(.tab)
        #expect(driver.state.focusedQuestion?.id == "organization.stage")
        driver.press(.tab)  // past the last question: the next step
        #expect(driver.state.currentStep.id == "workload")
        #expect(driver.state.focusedQuestion?.id == "workload.agents")
        driver.press(.backTab)  // back to the last question of the step before
        #expect(driver.state.focusedQuestion?.id == "organization.stage")
        driver.press(.backTab)
        #expect(driver.state.focusedQuestion?.id == "organization.cloud")
    }

    @Test func pageKeysMoveBetweenStepsAndHomeEndWithinOne() {
        var driver = onFirstStep()
        driver.press(.pageDown)
        #expect(driver.state.step == 1)
        driver.press(.end)
        #expect(driver.state.focusedQuestion?.id == "workload.copilot_credits_per_session")
        driver.press(.home)
        #expect(driver.state.focusedQuestion?.id == "workload.agents")
        driver.press(.pageUp)
        #expect(driver.state.step == 0)
        driver.press(.escape)  // Esc on the first step: back to the welcome screen
        #expect(driver.state.screen == .welcome)
    }

    @Test func pageDownPastTheLastStepOpensTheResults() {
        var driver = Driver(answers: defaultsChosen)
        driver.press(.enter)
        for _ in 0..<shippedEngine.questionnaire.steps.count { driver.press(.pageDown) }
        #expect(driver.state.screen == .results)
        driver.press(.escape)  // back to the last question of the last step
        #expect(driver.state.screen == .step)
        #expect(driver.state.currentStep.id == "decision")
    }

    @Test func navigationAloneWritesNothing() {
        var driver = onFirstStep()
        driver.press(.down, .down, .up, .tab, .backTab, .pageDown, .pageUp, .home, .end, .character("?"), .escape)
        #expect(driver.takeEffects().isEmpty)
        #expect(!driver.state.hasUnsavedAnswers)
    }
}

@Suite struct WizardNumberFieldTests {
    /// Focused on workload.agents (default 10).
    func onAgents() -> Driver {
        var driver = Driver()
        driver.press(.enter, .pageDown)
        return driver
    }

    @Test func typingKeepsEveryValidKeyButScoresOnlyTheCommittedNumber() {
        var driver = Driver(answers: defaultsChosen)
        driver.press(.enter, .pageDown)
        let before = driver.state.costs
        driver.type("4")
        #expect(driver.state.answers.number("workload.agents") == 4, "the first digit replaces the shown 10")
        driver.type("0")
        #expect(driver.state.answers.number("workload.agents") == 40)
        #expect(driver.recoveryWrites.count == 2, "one recovery write per changed answer")
        driver.press(.backspace)
        #expect(driver.state.answers.number("workload.agents") == 4)
        #expect(driver.state.costs == before, "a half-typed number is not scored")
        #expect(driver.state.rankingIsStale)
        driver.press(.enter)
        #expect(!driver.state.rankingIsStale)
        // The scoreboard follows: Cloudflare's monthly total for 4 agents at 20 sessions of 10 minutes,
        // 50% idle: 4 × 20 × 730 / 24 = 2,433.33 sessions; × 10 / 60 = 405.56 session-hours;
        // active vCPU-seconds 405.56 × 3,600 × 0.5 = 730,000 at $0.00002 = $14.60.
        #expect(driver.text().contains("$14.60"))
        #expect(Format.money(driver.state.costs.cost("cloudflare-neutral")!.monthly) == "$14.60")
    }

    @Test func anInvalidNumberBlocksMovingOnWithTheErrorAtTheField() {
        var driver = onAgents()
        driver.type("0")
        #expect(driver.state.fieldError?.contains("at least 1") == true)
        #expect(driver.state.answers.number("workload.agents") == 10, "an invalid value is never an answer")
        driver.press(.enter)
        #expect(driver.state.focusedQuestion?.id == "workload.agents")
        driver.press(.tab, .down, .pageDown, .character("r"))
        #expect(driver.state.focusedQuestion?.id == "workload.agents")
        #expect(driver.state.screen == .step)
        let screen = driver.text()
        let lines = screen.split(separator: "\n")
        let field = try! #require(lines.firstIndex { $0.contains("[0 ") })
        #expect(lines[(field + 1)...].prefix(4).contains { $0.contains("✗ must be at least 1") }, "the error is drawn under the field")
        driver.press(.escape)  // Esc puts the old answer back and clears the error
        #expect(driver.state.fieldError == nil)
        #expect(driver.state.field == nil)
        driver.press(.enter)
        #expect(driver.state.focusedQuestion?.id == "workload.autonomous_agents")
    }

    @Test func wholeNumbersAndRangesAreChecked() {
        var driver = onAgents()
        driver.type("2.5")
        #expect(driver.state.fieldError?.contains("whole number") == true)
        driver.press(.escape)
        driver.type("100001")
        #expect(driver.state.fieldError?.contains("at most 100,000") == true)
        driver.press(.escape)
        driver.type("100,000")
        #expect(driver.state.fieldError == nil)
        #expect(driver.state.answers.number("workload.agents") == 100_000)
    }

    @Test func leftAndRightStepByTheQuestionsStep() {
        var driver = onAgents()
        driver.press(.right, .right)
        #expect(driver.state.answers.number("workload.agents") == 12)
        driver.press(.home)
        driver.press(.down, .down, .down, .down, .down)
        #expect(driver.state.focusedQuestion?.id == "workload.idle_fraction")
        driver.press(.left)  // 0.5 - 0.05
        #expect(driver.state.answers.number("workload.idle_fraction") == 0.45)
        driver.type("0.52")
        driver.press(.right)  // onto the step grid: 0.55, not 0.57
        #expect(driver.state.answers.number("workload.idle_fraction") == 0.55)
        driver.type("1")
        driver.press(.right)  // held at the maximum
        #expect(driver.state.answers.number("workload.idle_fraction") == 1)
        driver.type("0")
        driver.press(.left)
        #expect(driver.state.answers.number("workload.idle_fraction") == 0)
    }

    @Test func lettersOnANumberFieldAreCommands() {
        var driver = onAgents()
        driver.press(.character("?"))
        #expect(driver.state.overlay == .help)
        #expect(driver.text().contains("Count agent instances that run sessions"))
        driver.press(.escape)
        driver.press(.character("r"))
        #expect(driver.state.overlay == .unanswered(.results), "r is a command here, refused while required answers are missing")
    }

    @Test func allWeightsZeroCannotLeaveTheWeightsStep() {
        var driver = Driver()
        driver.press(.enter)
        for _ in 0..<6 { driver.press(.pageDown) }
        #expect(driver.state.currentStep.id == "weights")
        for _ in 0..<4 { driver.type("0"); driver.press(.enter) }
        #expect(driver.state.currentStep.id == "weights", "the fourth Enter would leave the step")
        #expect(driver.state.fieldError?.contains("at least one weight") == true)
        driver.press(.character("r"))
        #expect(driver.state.screen == .step)
        driver.type("2")
        driver.press(.pageDown)
        #expect(driver.state.currentStep.id == "decision")
    }
}

@Suite struct WizardTextFieldTests {
    func onTitle() -> Driver {
        var driver = Driver()
        driver.press(.enter)
        for _ in 0..<7 { driver.press(.pageDown) }
        return driver
    }

    @Test func enterEditsTextAndLettersGoIntoIt() {
        var driver = onTitle()
        #expect(driver.state.focusedQuestion?.id == "decision.title")
        driver.press(.enter)
        driver.type("quiet review")
        #expect(driver.state.answers.text("decision.title") == "quiet review", "q and r are text here, not commands")
        #expect(driver.takeEffects().allSatisfy { if case .writeRecovery = $0 { true } else { false } })
        driver.press(.left, .left, .left, .left, .left, .left, .backspace)
        #expect(driver.state.answers.text("decision.title") == "quietreview")
        driver.press(.enter)
        #expect(driver.state.focusedQuestion?.id == "decision.deciders")
    }

    @Test func escPutsTheTextBack() {
        var driver = onTitle()
        driver.press(.enter)
        driver.type("draft")
        driver.press(.escape)
        #expect(driver.state.answers.text("decision.title") == "")
        #expect(driver.state.answers.defaulted.contains("decision.title"), "never given, as before")
        #expect(!driver.state.hasUnsavedAnswers)
    }

    @Test func listsSplitAtCommas() {
        var driver = onTitle()
        driver.press(.tab, .enter)
        driver.type("Platform review,  CTO , ")
        driver.press(.enter)
        #expect(driver.state.answers.values["decision.deciders"] == .list(["Platform review", "CTO"]))
    }

    @Test func controlCharactersInAnswersNeverReachTheGrid() throws {
        var answers = try exampleAnswers("single-cloud-aws")
        answers["decision.title"] = .text("Evil\u{1B}[2J\u{1B}]0;pwned\u{07} title\u{9B}31m")
        answers["decision.deciders"] = .list(["\u{1B}[31mred"])
        var driver = Driver(answers: answers)
        driver.press(.enter)
        for _ in 0..<7 { driver.press(.pageDown) }
        driver.press(.enter)  // editing shows the text too
        for screen in [driver.screen(), { var d = driver; d.press(.escape, .character("r"), .character("6")); return d.screen() }()] {
            let text = screen.plainText()
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
            #expect(screen.cells.allSatisfy { cell in
                cell.character.unicodeScalars.allSatisfy { !(0x00...0x1F).contains($0.value) && !(0x7F...0x9F).contains($0.value) }
            })
        }
        #expect(driver.text().contains("Evil\u{FFFD}[2J"), "shown neutralised, not dropped")
        // Typing cannot add control characters either: the decoder makes them keys, and the field refuses them.
        let before = driver.state.field?.buffer.text
        driver.press(.character("\u{1B}"), .character("\u{07}"), .character("\u{9B}"))
        #expect(driver.state.field?.buffer.text == before)
        // And a loaded title with them cannot be committed as it is.
        driver.press(.enter)
        #expect(driver.state.fieldError?.contains("control characters") == true)
    }
}

@Suite struct WizardEffectTests {
    @Test func everyAnswerChangeWritesTheRecoveryFile() throws {
        var driver = Driver()
        driver.press(.enter, .character("3"))
        let writes = driver.recoveryWrites
        #expect(writes.count == 1)
        let recovered = try RecoveryFile.parse(bytes: Array(writes[0].utf8), file: "recovery.yaml",
                                               questionnaire: shippedEngine.questionnaire)
        #expect(recovered.answers == driver.state.answers, "values and which were given")
        #expect(recovered.answers.choice("organization.cloud") == "azure")
        #expect(recovered.answers.defaulted.contains("organization.stage"))
        driver.press(.character("3"))  // the same answer again: nothing new to write
        #expect(driver.recoveryWrites.count == 1)
    }

    @Test func resumeRestoresTheAnswersAndThePlace() throws {
        var driver = Driver()
        driver.press(.enter, .pageDown)
        driver.type("77")
        let text = try #require(driver.recoveryWrites.last)
        let recovered = try RecoveryFile.parse(bytes: Array(text.utf8), file: "r", questionnaire: shippedEngine.questionnaire)
        let resumed = Wizard.resumedState(engine: shippedEngine, recovered: recovered, today: fixedToday)
        #expect(resumed.answers == driver.state.answers)
        #expect(resumed.screen == .step)
        #expect(resumed.currentStep.id == "workload")
        #expect(resumed.hasUnsavedAnswers, "recovered answers are not saved anywhere yet")
    }

    @Test func welcomeOffersTheRecoveryAndStartingAfreshDiscardsNothing() throws {
        var answers = Answers(defaultsOf: shippedEngine.questionnaire)
        answers["workload.agents"] = .number(33)
        let context = WizardContext(recovery: RecoveredAnswers(answers: answers, step: 1, question: 0), recordTemplate: recordTemplate)
        var driver = Driver(context: context)
        #expect(driver.text().contains("Resume unsaved answers (1 answered, last on step 2: Workload)"))
        driver.press(.enter)  // "Start new answers": each session has its own file, so nothing is discarded
        #expect(driver.state.overlay == nil)
        #expect(driver.state.currentStep.id == "organization")
        #expect(driver.state.answers.number("workload.agents") != 33)
        #expect(!driver.takeEffects().contains { if case .resumeSession = $0 { true } else { false } })
    }

    @Test func welcomeSaysTheKnowledgeBaseAgeOnEitherSideOfToday() throws {
        // The shipped knowledge base is as of 2026-04-24.
        let early = Wizard.initialState(engine: shippedEngine, today: Day("2026-04-20")!,
                                        context: WizardContext(recordTemplate: recordTemplate), width: 100, height: 30)
        let earlyText = Wizard.render(early, width: 100, height: 30).plainText()
        #expect(earlyText.contains("as of 2026-04-24 (4 days after today)"), "\(earlyText)")
        let next = Wizard.initialState(engine: shippedEngine, today: Day("2026-04-25")!,
                                       context: WizardContext(recordTemplate: recordTemplate), width: 100, height: 30)
        #expect(Wizard.render(next, width: 100, height: 30).plainText().contains("(1 day old)"))
    }

    @Test func welcomeListsEverySessionAndResumesTheOneChosen() throws {
        func offered(_ id: String, agents: Double, step: Int) -> OfferedRecovery {
            var answers = Answers(defaultsOf: shippedEngine.questionnaire)
            answers["workload.agents"] = .number(agents)
            return OfferedRecovery(id: id, savedAt: "2026-11-2\(step) 10:0\(step) UTC",
                                   answers: RecoveredAnswers(answers: answers, step: step, question: 0))
        }
        let context = WizardContext(recoveries: [offered("newer", agents: 44, step: 2), offered("older", agents: 33, step: 1)],
                                    recordTemplate: recordTemplate)
        var driver = Driver(context: context)
        let text = driver.text()
        #expect(text.contains("2  Resume unsaved answers from 2026-11-22 10:02 UTC, on step 3"), "newest first")
        #expect(text.contains("3  Resume unsaved answers from 2026-11-21 10:01 UTC, on step 2"))
        driver.press(.character("3"))
        #expect(driver.state.answers.number("workload.agents") == 33)
        #expect(driver.state.currentStep.id == "workload")
        #expect(driver.takeEffects().contains(.resumeSession(id: "older")), "the loop is told which session to carry on")
    }

    @Test func saveAsksForAPathAndWritesWithoutReplacing() throws {
        var driver = Driver(answers: defaultsChosen)
        driver.press(.enter, .character("2"), .character("s"))
        guard case .pathPrompt(.answers, let field)? = driver.state.overlay else { Issue.record("no prompt"); return }
        #expect(field.text == "answers.yaml")
        driver.press(.ctrl("u"))
        driver.type("team.yaml")
        _ = driver.takeEffects()
        driver.press(.enter)
        let request = try #require(driver.writes.first)
        #expect(request.kind == .answers && request.path == "team.yaml" && !request.replace)
        let reread = try AnswersParser.parse(bytes: Array(request.text.utf8), file: "team.yaml",
                                             questionnaire: shippedEngine.questionnaire)
        #expect(reread == Wizard.fileAnswers(driver.state.answers, questionnaire: shippedEngine.questionnaire))
        // The file exists: nothing is replaced until the user says yes.
        driver.apply(.writeFailed(request, reason: "already exists", exists: true))
        #expect(driver.state.overlay == .confirmReplace(request))
        #expect(driver.text().contains("Replace team.yaml?"))
        _ = driver.takeEffects()
        driver.press(.character("y"))
        #expect(driver.writes == [WriteRequest(kind: .answers, path: "team.yaml", text: request.text, replace: true)])
        driver.apply(.written(driver.writes[0]))
        #expect(!driver.state.hasUnsavedAnswers)
        #expect(driver.text().contains("Saved the answers to team.yaml"))
    }

    @Test func saySoWhenAWriteFails() throws {
        var driver = Driver()
        driver.press(.enter, .character("2"), .character("s"), .enter)
        let request = try #require(driver.writes.first)
        driver.apply(.writeFailed(request, reason: "answers.yaml: cannot create a file in .: Read-only file system", exists: false))
        #expect(driver.text().contains("Read-only file system"))
        #expect(driver.state.hasUnsavedAnswers)
    }

    @Test func quitAsksWhenAnswersAreUnsaved() {
        var driver = Driver()
        driver.press(.enter, .character("q"))
        #expect(driver.takeEffects() == [.quit(.quit)], "nothing given: quits at once")

        driver = Driver()
        driver.press(.enter, .character("2"))
        _ = driver.takeEffects()
        driver.press(.character("q"))
        #expect(driver.state.overlay == .confirmQuit)
        #expect(driver.text().contains("Quit without saving?"))
        driver.press(.character("n"))
        #expect(driver.state.overlay == nil)
        #expect(driver.takeEffects().isEmpty)
        driver.press(.character("q"), .character("y"))
        #expect(driver.takeEffects() == [.quit(.quit)], "the recovery file stays for --resume")
    }

    @Test func saveThenQuitRemovesTheRecoveryFile() throws {
        var driver = Driver()
        driver.press(.enter, .character("2"), .character("q"), .character("s"), .enter)
        let request = try #require(driver.writes.first)
        _ = driver.takeEffects()
        driver.apply(.written(request))
        #expect(driver.takeEffects() == [.removeRecovery, .quit(.quit)])
    }

    @Test func ctrlCLeavesAtOnce() {
        var driver = Driver()
        driver.press(.enter, .character("2"))
        _ = driver.takeEffects()
        driver.send(.interrupt)
        #expect(driver.takeEffects() == [.quit(.interrupted)])
    }

    @Test func exportSuggestsTheNextADRPathAndWritesTheRecord() throws {
        var driver = Driver(answers: try exampleAnswers("single-cloud-aws"))
        driver.press(.character("r"), .character("e"))
        let digest = try #require(driver.state.results?.recordDigest)
        #expect(driver.takeEffects() == [.suggestRecordPath(slug: "agent-runtime-for-support-automation", answersDigest: digest)])
        driver.apply(.suggestedRecordPath("docs/decisions/0003-agent-runtime-for-support-automation.md"))
        #expect(driver.state.promptError == nil)
        driver.press(.enter)
        let request = try #require(driver.writes.first)
        #expect(request.kind == .record && !request.replace)
        #expect(request.path == "docs/decisions/0003-agent-runtime-for-support-automation.md")
        #expect(request.text.contains("Agent runtime for support automation"))
        guard case .success(let shown)? = driver.state.results?.record else { Issue.record("no record"); return }
        #expect(request.text == shown, "the Record tab shows what is exported")
    }

    @Test func exportingTheSameAnswersAgainAsksFirst() throws {
        var driver = Driver(answers: try exampleAnswers("single-cloud-aws"))
        driver.press(.character("r"), .character("e"))
        driver.apply(.suggestedRecordPath("docs/decisions/0004-agent-runtime-for-support-automation.md",
                                          duplicateOf: "docs/decisions/0003-agent-runtime-for-support-automation.md"))
        #expect(driver.state.promptError?.hasPrefix("docs/decisions/0003-agent-runtime-for-support-automation.md already records these same answers") == true)
        driver.press(.escape)
        #expect(driver.writes.isEmpty, "Esc writes nothing")
    }

    @Test func withoutATemplateTheRecordTabSaysSo() throws {
        var driver = Driver(answers: try exampleAnswers("multi-cloud"), context: WizardContext())
        driver.press(.character("r"), .character("6"))
        #expect(driver.text().contains("record renderer not available"))
        driver.press(.character("e"))
        #expect(driver.writes.isEmpty)
        #expect(driver.text().contains("Cannot export"))
    }

    @Test func tooSmallShowsOnlyTheMessageAndComesBack() {
        var driver = Driver()
        driver.press(.enter)
        driver.send(.resize(width: 60, height: 20))
        #expect(driver.text().contains("terminal too small: needs 80x24, has 60x20"))
        driver.press(.character("3"))  // keys other than quit wait for a usable size
        #expect(driver.state.answers.choice("organization.cloud") == "aws")
        driver.send(.resize(width: 80, height: 24))
        #expect(driver.text().contains("Step 1 of 8"))
    }
}

@Suite struct WizardMouseTests {
    /// Screen cell of the first occurrence of `text`.
    func cell(of text: String, in driver: Driver) throws -> (x: Int, y: Int) {
        let lines = driver.screen().plainLines()
        let y = try #require(lines.firstIndex { $0.contains(text) })
        return (lines[y].distance(from: lines[y].startIndex, to: lines[y].range(of: text)!.lowerBound), y)
    }

    @Test func clickingAnOptionChoosesIt() throws {
        var driver = Driver()
        driver.press(.enter)
        let azure = try cell(of: "Azure", in: driver)
        driver.send(.mouse(x: azure.x, y: azure.y, button: .left))
        #expect(driver.state.answers.choice("organization.cloud") == "azure")
        let pilot = try cell(of: "Are the agents", in: driver)
        driver.send(.mouse(x: pilot.x, y: pilot.y, button: .left))  // a closed question: focus it
        #expect(driver.state.focusedQuestion?.id == "organization.stage")
        let option = try cell(of: "Pre-production or pilot", in: driver)
        driver.send(.mouse(x: option.x, y: option.y, button: .left))
        #expect(driver.state.answers.choice("organization.stage") == "pre-production")
    }

    @Test func clickingATabSelectsItAndTheWheelScrolls() throws {
        var driver = Driver(answers: try exampleAnswers("multi-cloud"))
        driver.press(.character("r"))
        let costs = try cell(of: "3 Costs", in: driver)
        driver.send(.mouse(x: costs.x + 1, y: costs.y, button: .left))
        #expect(driver.state.tab == .costs)
        driver.send(.mouse(x: 10, y: 20, button: .scrollDown))
        #expect(driver.state.scroll[.costs] == 3)
        driver.send(.mouse(x: 10, y: 20, button: .scrollUp))
        #expect(driver.state.scroll[.costs] == 0)
    }

    @Test func clicksOutsideAnythingDoNothing() {
        var driver = Driver()
        driver.press(.enter)
        let before = driver.state.answers
        driver.send(.mouse(x: 79, y: 0, button: .left))
        driver.send(.mouse(x: 60, y: 10, button: .left))  // the scoreboard
        #expect(driver.state.answers == before)
        #expect(driver.takeEffects().isEmpty)
    }
}

@Suite struct WizardRecoveryWarningTests {
    @Test func aFailingRecoveryFileIsReportedOnceAndTheQuitQuestionSaysSo() {
        var driver = Driver()
        driver.press(.enter, .character("2"))
        driver.apply(.recoveryFailed(reason: "neither XDG_STATE_HOME nor HOME is set"))
        #expect(driver.text().contains("Recovery file not written: neither XDG_STATE_HOME nor HOME is set"))
        driver.press(.character("3"))
        driver.apply(.recoveryFailed(reason: "neither XDG_STATE_HOME nor HOME is set"))
        #expect(!driver.text().contains("Recovery file not written"), "reported once, not after every key")
        driver.press(.character("q"))
        #expect(driver.text().contains("could not be written either"))
    }
}

/// "The question is what runs underneath Agent 365": asked of teams heading to Microsoft (Entra or Azure),
/// passed over for the rest, who keep its default.
@Suite struct AskedWhereItMattersTests {
    /// The identity step (the third), its identity provider question focused.
    func onIdentityStep() -> Driver {
        var driver = Driver()
        driver.press(.enter, .pageDown, .pageDown)
        #expect(driver.state.focusedQuestion?.id == "identity.provider")
        return driver
    }

    @Test func anAWSIAMTeamIsNotAskedWhatRunsUnderAgent365() {
        var driver = onIdentityStep()
        driver.press(.character("2"), .enter)  // AWS IAM
        #expect(driver.state.currentStep.id == "model")
        driver.press(.up)  // back again: the provider, not the passed-over question
        #expect(driver.state.focusedQuestion?.id == "identity.provider")
        driver.press(.end)
        #expect(driver.state.focusedQuestion?.id == "identity.provider")
    }

    @Test func anEntraTeamIsAsked() {
        var driver = onIdentityStep()
        driver.press(.character("1"), .enter)  // Microsoft Entra ID
        #expect(driver.state.focusedQuestion?.id == "identity.microsoft_runtime")
        driver.press(.character("3"), .enter)  // Microsoft Foundry
        #expect(driver.state.answers.choice("identity.microsoft_runtime") == "foundry")
        #expect(driver.state.currentStep.id == "model")
    }
}
