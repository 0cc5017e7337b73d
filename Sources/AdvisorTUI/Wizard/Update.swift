import AdvisorCore

/// One step of the wizard's state machine: the state being changed and the effects asked for.
/// Only `Wizard.update` and `Wizard.apply` create one, so the outside sees a pure function.
struct Transition {
    var state: WizardState
    /// Effects asked for so far, in order. Add with `emit`, which keeps the recovery file's place.
    private(set) var effects: [WizardEffect] = []
    /// The answers changed since the recovery file was last asked for: it is written once, with the
    /// latest answers, before the next other effect or at the end, however many keys changed them.
    private var recoveryPending = false

    init(_ state: WizardState) { self.state = state }

    var engine: Engine { state.engine }
    var questionnaire: Questionnaire { state.engine.questionnaire }

    mutating func handle(_ event: InputEvent) {
        switch event {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            clampScroll()
        case .interrupt:
            emit(.quit(.interrupted))
        case .mouse(let x, let y, let button):
            guard !state.isTooSmall, state.overlay == nil else { return }
            state.status = nil
            switch state.screen {
            case .welcome: welcomeClick(x: x, y: y, button: button)
            case .step: stepClick(x: x, y: y, button: button)
            case .results: resultsClick(x: x, y: y, button: button)
            case .sideBySide:
                if button == .scrollDown { scrollPair(by: 3) } else if button == .scrollUp { scrollPair(by: -3) }
            case .comparison: break
            }
        case .key(let key):
            state.status = nil
            if state.isTooSmall {
                if key == .character("q") || key == .ctrl("q") { requestQuit() }
                return
            }
            if state.overlay != nil {
                overlayKey(key)
                return
            }
            switch state.screen {
            case .welcome: welcomeKey(key)
            case .step: stepKey(key)
            case .results: resultsKey(key)
            case .sideBySide: sideBySideKey(key)
            case .comparison: comparisonKey(key)
            }
        case .paste(let text):
            guard !state.isTooSmall else { return }
            state.status = nil
            if state.overlay != nil { return overlayPaste(text) }
            guard let question = state.focusedQuestion else {
                state.status = StatusMessage(text: "Pasted text ignored: there is no text field here", isError: true)
                return
            }
            paste(text, into: question)
        }
    }

    /// Asks the event loop for an effect, after the recovery file if the answers changed before it.
    mutating func emit(_ effect: WizardEffect) {
        flushRecovery()
        effects.append(effect)
    }

    /// Asks for the recovery file now if the answers changed; `Wizard` calls it when the events are done.
    mutating func flushRecovery() {
        guard recoveryPending else { return }
        recoveryPending = false
        effects.append(.writeRecovery(RecoveryFile.text(answers: state.answers, questionnaire: questionnaire,
                                                        step: state.step, question: state.question, pinned: state.pinned)))
    }

    /// Something the session keeps besides the answers changed (the pinned what-if): the recovery file follows.
    mutating func sessionChanged() { recoveryPending = true }

    mutating func handle(_ outcome: EffectOutcome) {
        switch outcome {
        case .written(let request):
            state.baseline = state.answers
            state.savedOrExported = true
            state.team?.unsaved = false
            state.overlay = nil
            state.promptError = nil
            let what = request.kind == .answers ? "Saved the answers to" : "Exported the decision record to"
            let missing = state.unansweredRequired.count
            let note = request.kind == .answers && missing > 0
                ? " (\(missing) required unanswered, left out)" : ""
            state.status = StatusMessage(text: "\(what) \(request.path)\(note)", isError: false,
                                         shorter: "\(request.kind == .answers ? "Saved" : "Exported") to \(request.path)\(note)")
            if state.quitAfterSave {
                state.quitAfterSave = false
                finishQuit()
            }
        case .writeFailed(let request, let reason, let exists):
            if exists {
                state.overlay = .confirmReplace(request)
            } else {
                state.overlay = .pathPrompt(request.kind, TextField(request.path))
                state.promptError = reason
            }
        case .recoveryFailed(let reason):
            if !state.recoveryWarned {
                state.recoveryWarned = true
                state.status = StatusMessage(text: "Recovery file not written: \(reason)", isError: true)
            }
        case .suggestedRecordPath(let path, let duplicate):
            state.overlay = .pathPrompt(.record, TextField(path))
            // The same answers recorded twice is usually a slip: say so, and Enter still writes another.
            state.promptError = duplicate.map { "\($0) already records these same answers; Enter writes another record anyway" }
        }
    }

    // MARK: Answers

    /// Records an answer; re-scores and asks for the recovery file when anything changed. A number
    /// still being typed is kept (so the recovery file has it) but not scored: the ranking waits
    /// for the committed value, so `1.5` typed for idle never shows the ranking for `1`.
    mutating func setAnswer(_ id: QuestionID, _ value: AnswerValue, rescore: Bool = true) {
        // A range typed over with a plain number is replaced even when the number is its point estimate.
        guard state.answers.values[id] != value || state.answers.defaulted.contains(id) || state.answers.ranges[id] != nil else {
            if rescore, state.rankingIsStale { state.rescore() }
            return
        }
        state.answers[id] = value
        answersChanged(rescore: rescore)
    }

    mutating func answersChanged(rescore: Bool = true) {
        if rescore {
            state.rescore()
        } else {
            state.rankingIsStale = true
        }
        recoveryPending = true
    }

    mutating func resume(_ recovered: RecoveredAnswers) {
        state.answers = recovered.answers
        state.pinned = recovered.pinned
        state.rescore()
        state.context.recoveries = []
        state.welcomeChoice = 0
        enterStep(min(recovered.step, state.steps.count - 1), question: recovered.question)
    }

    // MARK: Results

    /// Computes the results when they are missing or the answers changed since.
    mutating func refreshResults() {
        let fileAnswers = Wizard.fileAnswers(state.answers, questionnaire: questionnaire)
        let pinned = state.pinned.map { Wizard.fileAnswers($0, questionnaire: questionnaire) }
        if state.results?.answers != fileAnswers || state.results?.pinnedAnswers != pinned {
            state.results = ResultsModel(engine: engine, answers: fileAnswers, today: state.today,
                                         template: state.context.recordTemplate, team: currentTeam, pinned: pinned)
            state.scroll = [:]
            state.linkFocus = [:]
        }
    }

    /// Weights are relative: all zero leaves nothing to rank by.
    var weightsAreAllZero: Bool {
        let weights = questionnaire.questions(in: "weights")
        return !weights.isEmpty && weights.allSatisfy { state.answers.number($0.id) == 0 }
    }

    /// A positive weight too small to count, as the answers parser would refuse it; nil if none.
    var tinyWeightProblem: String? {
        guard let problem = AnswersParser.weightProblems(state.answers, questionnaire: questionnaire)
            .first(where: { $0.question != nil }), let id = problem.question else { return nil }
        return "\(questionnaire.question(id)?.text ?? id) \(problem.message) (expected \(problem.expected))"
    }

    mutating func showResults() {
        guard commitField() else { return }
        if weightsAreAllZero {
            state.status = StatusMessage(text: "All weights are 0: set at least one above 0 on the Weights step", isError: true)
            return
        }
        guard state.unansweredRequired.isEmpty else {
            state.overlay = .unanswered(.results)
            return
        }
        refreshResults()
        state.screen = .results
        state.overlay = nil
    }

    /// Goes to the first required question still unanswered (from the "unanswered" box).
    mutating func goToFirstUnanswered() {
        state.overlay = nil
        guard let first = state.unansweredRequired.first, let place = state.location(of: first.id) else { return }
        enterStep(place.step, question: place.question)
    }

    // MARK: Save, export, quit

    mutating func requestSave() {
        guard commitField() else { return }
        state.overlay = .pathPrompt(.answers, TextField(state.context.reviewFile ?? state.context.defaultAnswersPath))
        state.promptError = nil
    }

    mutating func requestExport() {
        guard commitField() else { return }
        if weightsAreAllZero {
            state.status = StatusMessage(text: "All weights are 0: set at least one above 0 before exporting", isError: true)
            return
        }
        guard state.unansweredRequired.isEmpty else {
            state.overlay = .unanswered(.export)
            return
        }
        refreshResults()
        guard let results = state.results else { return }
        switch results.record {
        case .success:
            emit(.suggestRecordPath(slug: results.recordSlug, answersDigest: results.recordDigest))
        case .failure(let unavailable):
            state.status = StatusMessage(text: "Cannot export: \(unavailable.reason)", isError: true)
        }
    }

    /// The text to write for a confirmed path.
    func request(kind: WriteKind, path: String, replace: Bool) -> WriteRequest? {
        switch kind {
        case .answers:
            // A team's answers say which splits are still open, so `team --consensus` reads them back as such.
            let text = currentTeam.map { Consensus.file($0, questionnaire: questionnaire) }
                ?? Wizard.answersFileText(state.answers, questionnaire: questionnaire)
            return WriteRequest(kind: .answers, path: path, text: text, replace: replace)
        case .record:
            guard case .success(let text)? = state.results?.record else { return nil }
            return WriteRequest(kind: .record, path: path, text: text, replace: replace)
        }
    }

    mutating func requestQuit() {
        // Settling a split on the value that stood in changes no answer, but it is still the team's decision.
        if state.hasUnsavedAnswers || state.team?.unsaved == true {
            state.overlay = .confirmQuit
        } else {
            finishQuit()
        }
    }

    mutating func finishQuit() {
        if state.savedOrExported && !state.hasUnsavedAnswers && state.team?.unsaved != true { emit(.removeRecovery) }
        emit(.quit(.quit))
    }
}
