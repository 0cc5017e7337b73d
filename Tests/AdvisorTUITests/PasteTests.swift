import AdvisorCore
import AdvisorTUI
import Testing

/// Issue 17: a paste is one event, cut at the field's limit as it arrives, and the wizard stays usable after it.
@Suite struct PasteTests {
    /// Step 8 (Decision record), on the title, not editing yet.
    func onTitle(width: Int = 80, height: Int = 24) -> Driver {
        var driver = Driver(width: width, height: height)
        driver.press(.enter)
        for _ in 0..<7 { driver.press(.pageDown) }
        return driver
    }

    /// The title's limit in Screens/questionnaire.yaml (`max_length: 200`).
    let titleLimit = 200

    @Test(arguments: [(80, 24), (120, 40)])
    func aHundredThousandCharacterPasteIsCutAtTheLimitWithANote(size: (width: Int, height: Int)) throws {
        var driver = onTitle(width: size.width, height: size.height)
        #expect(driver.state.focusedQuestion?.id == "decision.title")
        _ = driver.takeEffects()
        let pasted = String(repeating: "abcdefghij", count: 10_000)  // 10 × 10,000 = 100,000 characters
        driver.send(.paste(pasted))

        let field = try #require(driver.state.field, "the paste opens the text field, as Enter would")
        #expect(field.buffer.text == String(pasted.prefix(titleLimit)))
        #expect(field.buffer.count == 200 && field.buffer.cursor == 200)
        #expect(driver.state.answers.text("decision.title") == String(pasted.prefix(titleLimit)), "200 characters are a valid title")
        #expect(driver.state.fieldError == nil)
        #expect(driver.text().contains("pasted text cut at 200 characters"))
        #expect(driver.recoveryWrites.count == 1, "one paste, one recovery write")

        driver.press(.escape)
        #expect(driver.state.field == nil)
        #expect(driver.state.answers.text("decision.title") == "", "Esc puts the title back as it was")
        #expect(driver.state.answers.defaulted.contains("decision.title"))
        #expect(!driver.text().contains("pasted text cut"))
        driver.press(.down)
        #expect(driver.state.focusedQuestion?.id == "decision.deciders", "the wizard goes on as before")
    }

    @Test func escWaitingBehindAPasteIsHandledInTheSameBatch() {
        var driver = onTitle()
        let batch = Wizard.update(driver.state, [.paste(String(repeating: "x", count: 100_000)), .key(.escape)])
        #expect(batch.consumed == 2)
        #expect(batch.state.field == nil)
        #expect(batch.state.answers.text("decision.title") == "")
        driver = Driver(state: batch.state)
        #expect(driver.text().contains("Step 8 of 8"))
    }

    @Test func keysTypedPastTheLimitAreRefusedWithANote() {
        var driver = onTitle()
        driver.press(.enter)
        driver.type(String(repeating: "y", count: 205))
        #expect(driver.state.field?.buffer.count == 200)
        #expect(driver.state.answers.text("decision.title")?.count == 200)
        #expect(driver.text().contains("full: at most 200 characters"))
        driver.press(.backspace)
        #expect(driver.state.field?.buffer.note == nil, "the note goes when the text changes")
        #expect(driver.state.answers.text("decision.title")?.count == 199)
    }

    @Test func lineBreaksInAPasteBecomeSpacesAndControlsAreDropped() {
        var driver = onTitle()
        driver.send(.paste("Agent runtime\r\nfor\tsupport\u{1B}[2J automation\n"))
        #expect(driver.state.answers.text("decision.title") == "Agent runtime for support[2J automation")
        #expect(driver.state.field?.buffer.note == nil)
    }

    @Test func aPasteIsNeverReadAsKeys() {
        var driver = Driver()
        driver.press(.enter)  // step 1, a choice question
        let before = driver.state.answers
        driver.send(.paste("2 q y"))
        #expect(driver.state.answers == before, "'2' did not choose")
        #expect(driver.effects.isEmpty, "'q' did not quit")
        #expect(driver.text().contains("Pasted text ignored"))
        driver.press(.escape)  // back to the welcome screen
        #expect(driver.state.screen == .welcome)
        driver.send(.paste("q"))
        #expect(driver.effects.isEmpty)
        #expect(driver.state.screen == .welcome)
    }

    @Test func aPasteIntoTheSavePromptIsCutAtItsLimit() throws {
        var driver = onTitle()
        driver.press(.character("s"), .ctrl("u"))
        driver.send(.paste(String(repeating: "d/", count: 5_000)))  // 10,000 characters
        guard case .pathPrompt(.answers, let field)? = driver.state.overlay else {
            Issue.record("the save prompt is open")
            return
        }
        #expect(field.count == 1_000, "a path field holds 1,000 characters")
        #expect(driver.text().contains("pasted text cut at 1,000 characters"))
        driver.press(.escape)
        #expect(driver.state.overlay == nil)
    }

    @Test func aPasteIntoANumberFieldReplacesItsValue() {
        var driver = Driver()
        driver.press(.enter, .pageDown)  // workload.agents
        driver.send(.paste("1,500\n"))
        #expect(driver.state.answers.number("workload.agents") == 1_500)
        driver.press(.enter, .up)  // committed; back on it
        driver.send(.paste("25 agents"))
        #expect(driver.state.field?.buffer.text == "25 agents", "the paste replaced the shown value")
        #expect(driver.state.fieldError?.contains("not a number") == true)
        #expect(driver.state.answers.number("workload.agents") == 1_500, "the invalid paste is not the answer")
    }

    @Test func aBatchIsTakenAsOneByOneWithOneRecoveryWrite() {
        var driver = onTitle()
        driver.press(.enter)
        _ = driver.takeEffects()
        let keys = "Platform review".map { InputEvent.key(.character($0)) }
        let batch = Wizard.update(driver.state, keys)
        #expect(batch.consumed == keys.count)
        let recoveryWrites = batch.effects.filter { if case .writeRecovery = $0 { true } else { false } }
        #expect(recoveryWrites.count == 1 && batch.effects.count == 1)
        var oneByOne = driver
        for key in keys { oneByOne.send(key) }
        #expect(batch.state.answers == oneByOne.state.answers)
        #expect(batch.state.field == oneByOne.state.field)
        // One by one, each key that changes the title writes: all but the space after "Platform",
        // which the title does not keep (it is trimmed), so 15 - 1 = 14.
        #expect(oneByOne.recoveryWrites.count == keys.count - 1)
        #expect(recoveryWrites.first == oneByOne.recoveryWrites.last.map(WizardEffect.writeRecovery))
    }

    @Test func aBatchStopsAtAnEffectTheLoopMustAnswer() {
        var driver = onTitle()
        driver.press(.enter)
        driver.type("T")
        driver.press(.enter)  // commit the title; on deciders now
        let events: [InputEvent] = [.key(.character("s")), .key(.ctrl("u"))]
            + "a.yaml".map { .key(.character($0)) } + [.key(.enter), .key(.character("y"))]
        let batch = Wizard.update(driver.state, events)
        #expect(batch.consumed == events.count - 1, "the 'y' waits until the write's outcome is known")
        #expect(batch.effects.contains { if case .write(let request) = $0 { request.path == "a.yaml" } else { false } })
    }
}
