import AdvisorCore

/// Keys on the welcome screen and the question steps.
extension Transition {
    // MARK: Welcome

    /// The welcome screen's choices: start (or review), then one per earlier session to resume.
    var welcomeChoices: Int { 1 + state.context.recoveries.count }

    mutating func welcomeKey(_ key: Key) {
        switch key {
        case .up, .character("k"), .backTab: state.welcomeChoice = max(0, state.welcomeChoice - 1)
        case .down, .character("j"), .tab: state.welcomeChoice = min(welcomeChoices - 1, state.welcomeChoice + 1)
        case .character(let digit) where ("1"..."9").contains(digit):
            let choice = Int(String(digit))! - 1
            guard choice < welcomeChoices else { break }
            state.welcomeChoice = choice
            chooseOnWelcome()
        case .enter, .character(" "), .right, .pageDown: chooseOnWelcome()
        case .character("r"): showResults()
        case .character("?"), .function(1): state.overlay = .help
        case .character("q"), .escape: requestQuit()
        default: break
        }
    }

    /// Starting afresh discards nothing: each wizard writes a recovery file of its own, so the earlier
    /// sessions stay recoverable.
    mutating func chooseOnWelcome() {
        let index = state.welcomeChoice - 1
        if state.context.recoveries.indices.contains(index) {
            let offered = state.context.recoveries[index]
            if !offered.id.isEmpty { emit(.resumeSession(id: offered.id)) }
            resume(offered.answers)
        } else {
            enterStep(0)
        }
    }

    // MARK: Steps

    mutating func enterStep(_ index: Int, question: Int = 0, atEnd: Bool = false) {
        state.screen = .step
        state.step = max(0, min(index, state.steps.count - 1))
        let count = state.currentStep.questions.count
        focus(atEnd ? askedIndex(before: count) ?? count - 1 : min(max(0, question), count - 1), cursor: .selected)
    }

    /// The nearest question of the current step after (or before) `index` that these answers ask:
    /// a question with `asked_when` (the runtime under Agent 365) is passed over where it does not apply.
    func askedIndex(after index: Int) -> Int? {
        let ids = state.currentStep.questions
        return ids.indices.first { $0 > index && isAsked(ids[$0]) }
    }

    func askedIndex(before index: Int) -> Int? {
        let ids = state.currentStep.questions
        return ids.indices.last { $0 < index && isAsked(ids[$0]) }
    }

    private func isAsked(_ id: QuestionID) -> Bool {
        state.engine.questionnaire.question(id)?.isAsked(given: state.answers) ?? true
    }

    enum CursorPlacement { case first, last, selected }

    /// Focuses a question of the current step, placing the option cursor.
    mutating func focus(_ index: Int, cursor placement: CursorPlacement) {
        state.question = index
        state.field = nil
        state.fieldError = nil
        guard let question = state.focusedQuestion else { return state.optionCursor = 0 }
        let count = optionCount(question)
        switch placement {
        case .first: state.optionCursor = 0
        case .last: state.optionCursor = max(0, count - 1)
        case .selected: state.optionCursor = selectedOption(question) ?? 0
        }
    }

    func optionCount(_ question: Question) -> Int {
        switch question.kind {
        case .choice: question.options.count
        case .boolean: 2
        default: 0
        }
    }

    /// Index of the answer among the options (yes/no questions: 0 is yes, 1 is no).
    func selectedOption(_ question: Question) -> Int? {
        if state.isUnanswered(question) { return nil }
        switch question.kind {
        case .choice: return question.options.firstIndex { $0.value == state.answers.choice(question.id) }
        case .boolean: return state.answers.flag(question.id) ? 0 : 1
        default: return nil
        }
    }

    mutating func select(option index: Int, of question: Question) {
        switch question.kind {
        case .choice:
            guard question.options.indices.contains(index) else { return }
            state.optionCursor = index
            setAnswer(question.id, .choice(question.options[index].value))
        case .boolean:
            guard index == 0 || index == 1 else { return }
            state.optionCursor = index
            setAnswer(question.id, .flag(index == 0))
        default: break
        }
    }

    /// Commits what was typed into the focused field. False (with the error at the field) when it is
    /// not a valid answer: nothing moves on until it is fixed or Esc puts the old answer back.
    mutating func commitField() -> Bool {
        guard let edit = state.field, let question = state.focusedQuestion else { return true }
        switch FieldValidation.parse(edit.buffer.text, for: question) {
        case .success(let value):
            setAnswer(question.id, value)
            state.field = nil
            state.fieldError = nil
            return true
        case .failure(let error):
            state.fieldError = error.message
            return false
        }
    }

    /// Forward moves also check the step as a whole (weights cannot all be zero or too small to count).
    mutating func stepIsComplete() -> Bool {
        guard commitField() else { return false }
        if state.currentStep.questions.contains(where: { $0.hasPrefix("weights.") }) {
            if weightsAreAllZero {
                state.fieldError = "at least one weight must be above 0: the total divides by their sum"
                return false
            }
            if let problem = tinyWeightProblem {
                state.fieldError = problem
                return false
            }
        }
        return true
    }

    mutating func nextQuestion(cursor: CursorPlacement = .selected) {
        if let next = askedIndex(after: state.question) {
            guard commitField() else { return }
            focus(next, cursor: cursor)
        } else {
            nextStep()
        }
    }

    mutating func previousQuestion(cursor: CursorPlacement = .selected) {
        guard commitField() else { return }
        if let previous = askedIndex(before: state.question) {
            focus(previous, cursor: cursor)
        } else if state.step > 0 {
            // Leaving the step backwards checks it too: all-zero weights never stay behind.
            guard stepIsComplete() else { return }
            enterStep(state.step - 1, atEnd: true)
            if cursor == .last, let question = state.focusedQuestion { state.optionCursor = max(0, optionCount(question) - 1) }
        }
    }

    mutating func nextStep() {
        guard stepIsComplete() else { return }
        if state.step + 1 < state.steps.count {
            enterStep(state.step + 1)
        } else {
            showResults()
        }
    }

    mutating func previousStep() {
        guard stepIsComplete() else { return }
        if state.step > 0 { enterStep(state.step - 1) } else { state.screen = .welcome }
    }

    mutating func stepKey(_ key: Key) {
        guard let question = state.focusedQuestion else { return }
        if jumpedStepKey(key, question: question) { return }
        if let edit = state.field, edit.isTextEntry {
            return textEntryKey(key, question: question)
        }
        switch question.kind {
        case .choice, .boolean:
            if choiceKey(key, question: question) { return }
        case .integer, .number:
            if numberKey(key, question: question) { return }
        case .text, .list:
            if key == .enter || key == .character(" ") { return startTextEntry(question) }
        }
        commonStepKey(key)
    }

    /// Keys every question shares: moving between questions and steps, and the commands.
    mutating func commonStepKey(_ key: Key) {
        switch key {
        case .up, .character("k"): previousQuestion(cursor: .last)
        case .down, .character("j"): nextQuestion(cursor: .first)
        case .tab, .enter: nextQuestion()
        case .backTab: previousQuestion()
        case .pageDown: nextStep()
        case .pageUp: previousStep()
        case .home: if commitField() { focus(0, cursor: .selected) }
        case .end:
            let count = state.currentStep.questions.count
            if commitField() { focus(askedIndex(before: count) ?? count - 1, cursor: .selected) }
        case .escape:
            // Back one question (from the first, the previous step's last); typing is undone first.
            if state.field != nil { cancelField() } else if state.question == 0 && state.step == 0 { previousStep() } else { previousQuestion() }
        case .character("r"): showResults()
        case .character("s"): requestSave()
        case .character("e"): requestExport()
        case .character("q"): requestQuit()
        case .character("?"), .function(1): if commitField() { state.overlay = .help }
        default: break
        }
    }

    /// Choice and yes/no questions: the cursor walks the options, Space picks, Enter picks and
    /// moves on, digits and Left/Right pick directly (y/n too for yes/no).
    mutating func choiceKey(_ key: Key, question: Question) -> Bool {
        let count = optionCount(question)
        switch key {
        case .up, .character("k"):
            guard state.optionCursor > 0 else { return false }
            state.optionCursor -= 1
        case .down, .character("j"):
            guard state.optionCursor < count - 1 else { return false }
            state.optionCursor += 1
        case .character(" "): select(option: state.optionCursor, of: question)
        case .enter:
            select(option: state.optionCursor, of: question)
            nextQuestion()
        case .left: select(option: max(0, (selectedOption(question) ?? 0) - 1), of: question)
        case .right: select(option: min(count - 1, (selectedOption(question) ?? -1) + 1), of: question)
        case .character("y") where question.kind == .boolean: select(option: 0, of: question)
        case .character("n") where question.kind == .boolean: select(option: 1, of: question)
        case .character(let c) where c.isASCII && c.isNumber && c != "0":
            select(option: Int(String(c))! - 1, of: question)
        default: return false
        }
        return true
    }

    /// Number questions: digits, '.', '-' and Backspace type (the first key replaces the shown
    /// value); every valid keystroke is an answer at once; Left/Right step by the question's step.
    mutating func numberKey(_ key: Key, question: Question) -> Bool {
        switch key {
        case .character(let c) where c.isASCII && (c.isNumber || c == "." || c == "-" || c == ","):
            startNumberField(question, replacing: true)
        case .backspace, .delete:
            startNumberField(question, replacing: false)
        case .left, .right, .character("h"), .character("l"):
            let up = key == .right || key == .character("l")
            let current: Double
            if let edit = state.field, case .success(let value) = FieldValidation.parse(edit.buffer.text, for: question) {
                current = value.number ?? 0
            } else {
                current = state.answers.number(question.id)
            }
            state.field = nil
            state.fieldError = nil
            setAnswer(question.id, .number(FieldValidation.stepped(current, by: up ? 1 : -1, for: question)))
            return true
        default:
            return false
        }
        editField(question) { $0.handle(key) }
        return true
    }

    mutating func startNumberField(_ question: Question, replacing: Bool) {
        guard state.field == nil else { return }
        // An unanswered question has no number to edit: the default is not an answer.
        let text = state.isUnanswered(question) ? "" : FieldValidation.editableText(state.answers.values[question.id])
        let buffer = TextField(text, replacesOnType: replacing, maxLength: FieldValidation.inputLimit(for: question))
        state.field = FieldEdit(buffer: buffer, question: question.id, answers: state.answers, isTextEntry: false)
    }

    mutating func startTextEntry(_ question: Question) {
        let text = FieldValidation.editableText(state.answers.values[question.id])
        let buffer = TextField(text, maxLength: FieldValidation.inputLimit(for: question))
        state.field = FieldEdit(buffer: buffer, question: question.id, answers: state.answers, isTextEntry: true)
    }

    /// Changes the field being typed into by a key or a paste, then reads what it holds. Input the
    /// field refused (past its limit) changes only the note under it.
    mutating func editField(_ question: Question, _ change: (inout TextField) -> TextField.Outcome) {
        guard var edit = state.field else { return }
        let outcome = change(&edit.buffer)
        guard outcome != .ignored else { return }
        state.field = edit
        if outcome == .edited { typed(edit.buffer.text, question: question) }
    }

    /// The field changed: a valid value is kept straight away (so the recovery file follows every
    /// key) but scored only when committed. An invalid draft is never an answer, in memory or in the
    /// recovery file: the answer goes back to what it was before the typing, and the field shows
    /// the draft and why it is wrong.
    mutating func typed(_ text: String, question: Question) {
        switch FieldValidation.parse(text, for: question) {
        case .success(let value):
            state.fieldError = nil
            setAnswer(question.id, value, rescore: false)
        case .failure(let error):
            state.fieldError = error.message
            guard let edit = state.field else { return }
            let restored = edit.restoring(question.id, in: state.answers)
            if restored != state.answers {
                state.answers = restored
                answersChanged(rescore: false)
            }
        }
    }

    /// Pasted text goes into the focused field as one edit, cut at the field's limit; a text field
    /// opens for it as Enter would open it. A paste is never read as keys, so text pasted on a
    /// choice cannot choose, save or quit.
    mutating func paste(_ text: String, into question: Question) {
        switch question.kind {
        case .choice, .boolean:
            state.status = StatusMessage(text: "Pasted text ignored: this question is answered by choosing an option",
                                         isError: true, shorter: "Pasted text ignored here")
            return
        case .integer, .number:
            startNumberField(question, replacing: true)
        case .text, .list:
            if state.field == nil { startTextEntry(question) }
        }
        editField(question) { $0.paste(text) }
    }

    /// Text and list fields after Enter: every printable key is text; Enter or Tab commits and
    /// moves on, Esc puts the old answer back.
    mutating func textEntryKey(_ key: Key, question: Question) {
        switch key {
        case .enter where state.jumpedFrom != nil:
            returnFromJump()
        case .enter, .tab, .down:
            guard commitField() else { return }
            nextQuestion()
        case .backTab, .up:
            guard commitField() else { return }
            previousQuestion()
        case .escape:
            cancelField()
        default:
            editField(question) { $0.handle(key) }
        }
    }

    /// Esc in a field: the answer goes back to what it was before the typing started.
    mutating func cancelField() {
        guard let edit = state.field, let question = state.focusedQuestion else { return }
        state.field = nil
        state.fieldError = nil
        let restored = edit.restoring(question.id, in: state.answers)
        if restored != state.answers {
            state.answers = restored
            answersChanged()
        } else if state.rankingIsStale {
            state.rescore()
        }
    }
}
