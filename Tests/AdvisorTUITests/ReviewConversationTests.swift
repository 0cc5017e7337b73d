import AdvisorCore
import AdvisorTUI
import Foundation
import Testing

/// Issue 22 in the wizard: two stacks side by side, the question behind a result and back, a pinned
/// what-if, ruling a stack out; each key path through `update`, and what the screen then says.
@Suite struct ReviewConversationTests {
    /// single-cloud-aws on the results at 80x24: AgentCore 1st, Cloudflare 2nd, Google GEAP 3rd,
    /// Self-managed 4th, Agent 365 5th, Anthropic MA 6th (the Ranking tab's golden), no condition above
    /// the table, so the cursor starts on AgentCore's row.
    func onResults(width: Int = 80, height: Int = 24) throws -> Driver {
        var driver = Driver(answers: try exampleAnswers("single-cloud-aws"), width: width, height: height)
        driver.press(.character("r"))
        #expect(driver.state.screen == .results && driver.state.tab == .ranking)
        return driver
    }

    func rankedStacks(_ driver: Driver) -> [StackID] { driver.state.results?.advice.ranking.scores.map(\.stack) ?? [] }

    /// Lines of the screen, joined, with the frame's borders taken off: wrapped sentences read whole.
    func prose(_ driver: Driver) -> String {
        driver.text().split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │┌┐└┘─▸")) }
            .joined(separator: " ")
    }

    // MARK: Compare

    @Test func cComparesTheHighlightedStackWithTheWinnerAndEscReturnsToIt() throws {
        var driver = try onResults()
        #expect(rankedStacks(driver).prefix(3) == ["aws-agentcore", "cloudflare-neutral", "google-agent-platform"])
        driver.press(.down, .down)  // AgentCore → Cloudflare → Google GEAP
        driver.press(.character("c"))
        #expect(driver.state.screen == .sideBySide)
        let pair = try #require(driver.state.pair)
        #expect(pair.sideBySide.stacks == ["aws-agentcore", "google-agent-platform"])
        // The view renders the engine's pair for the results' answers, not its own.
        let advice = try #require(driver.state.results?.advice)
        #expect(pair.sideBySide == shippedEngine.sideBySide("aws-agentcore", "google-agent-platform", in: advice))
        #expect(prose(driver).contains(pair.sideBySide.headline.full))
        driver.press(.escape)
        #expect(driver.state.screen == .results && driver.state.tab == .ranking)
        driver.press(.character("c"))
        #expect(driver.state.pair?.sideBySide.stacks == ["aws-agentcore", "google-agent-platform"], "Esc kept the cursor on Google GEAP")
    }

    @Test func cOnTheWinnerComparesItWithTheRunnerUp() throws {
        var driver = try onResults()
        driver.press(.character("c"))
        #expect(driver.state.pair?.sideBySide.stacks == ["aws-agentcore", "cloudflare-neutral"])
        driver.press(.character("q"))
        #expect(driver.effects.contains(.quit(.quit)), "q quits from the side-by-side view (the answers are the file's, saved)")
    }

    @Test func capitalCPicksAnyTwoAndEscCancelsThePick() throws {
        var driver = try onResults()
        driver.press(.down, .character("C"))  // Cloudflare first
        #expect(driver.state.comparing == "cloudflare-neutral")
        #expect(driver.text().contains("Enter compare Cloudflare with this stack"))
        driver.press(.escape)
        #expect(driver.state.comparing == nil && driver.state.screen == .results, "Esc cancels the pick, not the results")
        driver.press(.character("C"), .down, .down, .enter)  // Cloudflare, then Self-managed
        #expect(driver.state.pair?.sideBySide.stacks == ["cloudflare-neutral", "self-managed"])
    }

    @Test func theSideBySideViewScrollsToItsEndAt80x24() throws {
        var driver = try onResults()
        driver.press(.down, .down, .character("c"))
        let lines = driver.text()
        #expect(lines.contains("lines 1-"), "at 80x24 the pair is longer than a screen and says so")
        driver.press(.end)
        let pair = try #require(driver.state.pair)
        #expect(pair.scroll > 0)
        #expect(prose(driver).contains(pair.sideBySide.flipSentence.full), "the answer change that flips the pair is at the end")
    }

    // MARK: Jump and return

    @Test func enterOnASensitivityFlipOpensItsQuestionAndEnterReturnsRescored() throws {
        var driver = try onResults()
        let flip = try #require(driver.state.results?.advice.sensitivity.flips.first)
        let question = flip.changes[0].question
        driver.press(.character("4"))
        let scroll = driver.state.scroll[.sensitivity] ?? 0
        driver.press(.enter)
        #expect(driver.state.screen == .step)
        #expect(driver.state.focusedQuestion?.id == question)
        #expect(driver.state.jumpedFrom?.tab == .sensitivity)
        #expect(prose(driver).contains("From the Sensitivity tab:"), "the screen says what the question was opened from")
        driver.type("45")
        #expect(driver.state.screen == .step)
        driver.press(.enter)
        #expect(driver.state.screen == .results && driver.state.tab == .sensitivity)
        #expect(driver.state.scroll[.sensitivity] ?? 0 == scroll)
        #expect(driver.state.jumpedFrom == nil)
        #expect(driver.state.results?.advice.answers.number(question) == 45, "the results are re-scored with the new answer")
    }

    @Test func escOnAJumpedQuestionReturnsWithTheAnswerAsItWas() throws {
        var driver = try onResults()
        let before = driver.state.answers
        driver.press(.character("4"), .enter)
        #expect(driver.state.screen == .step)
        driver.type("45")
        driver.press(.escape)  // undoes the typing first, as Esc always does
        #expect(driver.state.screen == .step && driver.state.answers == before)
        driver.press(.escape)
        #expect(driver.state.screen == .results && driver.state.tab == .sensitivity && driver.state.answers == before)
    }

    @Test func aDefaultedAnswerOnTheWhyTabOpensItsQuestion() throws {
        var answers = try exampleAnswers("single-cloud-aws")
        let advice = shippedEngine.advise(answers, today: fixedToday)
        let defaulted = try #require(advice.verdict.defaults.first, "the example leaves some answer at its default")
        answers.defaulted.insert(defaulted.about[0])
        var driver = Driver(answers: answers, width: 120, height: 40)
        driver.press(.character("r"), .character("2"))
        // Down through the tab until Enter on the cursor's line opens that question.
        var opened: Driver?
        for _ in 0..<60 where opened == nil {
            driver.press(.down)
            var trying = driver
            trying.press(.enter)
            if trying.state.focusedQuestion?.id == defaulted.about[0] { opened = trying }
        }
        var jumped = try #require(opened, "no line of the Why tab opens \(defaulted.about[0])")
        #expect(prose(jumped).contains("From the Why tab:"))
        jumped.press(.escape)
        #expect(jumped.state.screen == .results && jumped.state.tab == .why)
    }

    // MARK: Pin a what-if

    @Test func pinChangeSwapUnpin() throws {
        var driver = try onResults()
        let agents = try #require(driver.state.results?.advice.sensitivity.flips.first?.changes.first?.question)
        #expect(driver.state.answers.number(agents) == 40)
        _ = driver.takeEffects()
        driver.press(.character("p"))
        #expect(driver.state.pinned == driver.state.answers)
        #expect(driver.recoveryWrites.last?.contains("# pinned: ") == true, "the pin is saved with the session")
        // What if 45 agents? From the flip on the Sensitivity tab, typed, Enter back.
        driver.press(.character("4"), .enter)
        driver.type("45")
        driver.press(.enter, .character("1"))
        let whatIf = try #require(driver.state.results?.whatIf)
        #expect(whatIf.changes.map(\.question) == [agents])
        #expect(whatIf.changes.first?.from == .number(40) && whatIf.changes.first?.to == .number(45))
        let agentCore = try #require(whatIf.rows.first { $0.stack == "aws-agentcore" })
        // AgentCore bills per session and the sessions grow with the agents, so its bill grows by 45/40:
        // $527.55 (the Costs tab's golden) × 45 / 40 = $593.49, a change of $527.55 × 5 / 40 = $65.94.
        #expect(abs((agentCore.costBefore?.total ?? 0) - 527.55) < 0.005)
        #expect(abs((agentCore.costAfter?.total ?? 0) - 593.49) < 0.01)
        #expect(agentCore.monthlyChangeText == "+$65.94")
        var shown = ""
        for _ in 0..<4 {
            shown += prose(driver) + " "
            driver.press(.pageDown)
        }
        #expect(shown.contains("What-if: now against A"))
        #expect(shown.contains(agentCore.monthlyChangeText))
        #expect(shown.contains(whatIf.changed.full))
        // The record lists A as an alternative considered.
        guard case .success(let record)? = driver.state.results?.record else { Issue.record("no record"); return }
        #expect(record.contains("## Alternatives considered"))
        driver.press(.character("w"))
        #expect(driver.state.answers.number(agents) == 40 && driver.state.pinned?.number(agents) == 45)
        driver.press(.character("p"))
        #expect(driver.state.pinned == nil && driver.state.results?.whatIf == nil)
        guard case .success(let unpinned)? = driver.state.results?.record else { Issue.record("no record"); return }
        #expect(!unpinned.contains("Alternatives considered"), "without a pin the record is the headless one")
    }

    @Test func pinnedAnswersComeBackWithTheSession() throws {
        let questionnaire = shippedEngine.questionnaire
        var now = try exampleAnswers("single-cloud-aws")
        var pinned = now
        pinned["workload.agents"] = .number(45)
        now.exclude(Exclusion(stack: "microsoft-agent-365", reason: "we will never buy Microsoft"))
        let text = RecoveryFile.text(answers: now, questionnaire: questionnaire, step: 2, question: 1, pinned: pinned)
        let back = try RecoveryFile.parse(bytes: Array(text.utf8), file: "session.yaml", questionnaire: questionnaire)
        #expect(back.answers == now)
        #expect(back.pinned == pinned)
        let resumed = Wizard.resumedState(engine: shippedEngine, recovered: back, today: fixedToday)
        #expect(resumed.pinned == pinned)
        // A file without a pin reads back without one, as before.
        let plain = RecoveryFile.text(answers: now, questionnaire: questionnaire, step: 0, question: 0)
        #expect(try RecoveryFile.parse(bytes: Array(plain.utf8), file: "s.yaml", questionnaire: questionnaire).pinned == nil)
    }

    // MARK: Rule a stack out

    @Test func xRulesTheStackOutWithAReasonAndXTakesItBack() throws {
        var driver = try onResults()
        #expect(rankedStacks(driver)[4] == "microsoft-agent-365")
        driver.press(.down, .down, .down, .down, .character("x"))
        guard case .excludeReason("microsoft-agent-365", _)? = driver.state.overlay else {
            Issue.record("x did not ask why: \(String(describing: driver.state.overlay))")
            return
        }
        driver.type("we will never buy ")
        driver.send(.paste("Microsoft"))
        _ = driver.takeEffects()
        driver.press(.enter)
        #expect(driver.state.answers.exclusions == [Exclusion(stack: "microsoft-agent-365", reason: "we will never buy Microsoft")])
        #expect(!rankedStacks(driver).contains("microsoft-agent-365"))
        #expect(driver.recoveryWrites.last?.contains("we will never buy Microsoft") == true, "saved with the answers")
        #expect(prose(driver).contains("ruled out: \u{201C}we will never buy Microsoft\u{201D}"))
        #expect(driver.state.hasUnsavedAnswers)
        driver.press(.character("x"))  // the cursor is on its ruled-out row
        #expect(driver.state.answers.exclusions.isEmpty)
        #expect(rankedStacks(driver).contains("microsoft-agent-365"))
    }

    @Test func escAtTheReasonKeepsTheStackAndAnUnprintableReasonIsRefused() throws {
        var driver = try onResults()
        driver.press(.down, .character("x"))
        guard case .excludeReason("cloudflare-neutral", _)? = driver.state.overlay else {
            Issue.record("x did not ask why")
            return
        }
        driver.press(.escape)
        #expect(driver.state.overlay == nil && driver.state.answers.exclusions.isEmpty)
        #expect(rankedStacks(driver).contains("cloudflare-neutral"))
        driver.press(.character("x"))
        driver.send(.paste("two\u{202E}lines"))
        driver.press(.enter)
        // The paste drops the override, or the reason is refused: either way it never reaches the answers.
        #expect(driver.state.answers.exclusions.allSatisfy { $0.reason?.unicodeScalars.contains("\u{202E}") != true })
    }

    // MARK: Search

    @Test func searchStartsEmptyEachTimeAndCountsMatches() throws {
        var driver = try onResults()
        driver.press(.character("/"))
        driver.type("AgentCore")
        driver.press(.enter)
        #expect(driver.state.search == "AgentCore")
        let text = driver.text()
        #expect(text.contains("\u{201C}AgentCore\u{201D} 1 of "), "the frame says which match of how many")
        driver.press(.character("n"))
        #expect(driver.text().contains("\u{201C}AgentCore\u{201D} 2 of "))
        driver.press(.character("/"))
        guard case .search(let field)? = driver.state.overlay else { Issue.record("no search box"); return }
        #expect(field.text.isEmpty)
    }

    // MARK: Keys

    @Test func everyNewKeyIsInTheKeyReference() {
        let results = KeyReference.results.keys.map(\.keys).joined(separator: " ")
        for key in ["c (Ranking)", "C (Ranking)", "x (Ranking)", "Enter", "p", "w"] {
            #expect(results.contains(key), "KeyReference.results lacks \(key)")
        }
        #expect(KeyReference.all.contains(KeyReference.sideBySide))
        #expect(KeyReference.questions.keys.contains { $0.keys.contains("from a result") })
    }
}
