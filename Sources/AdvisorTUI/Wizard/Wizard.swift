import AdvisorCore

/// The wizard's public entry points: build a state, feed it events, draw it. `update` and `apply`
/// are pure: they return the next state and the effects (file writes, quitting) for the event loop
/// to perform.
public enum Wizard {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    /// A wizard on the welcome screen. `answers` nil starts from the questionnaire's defaults;
    /// given answers (review mode) are the baseline that counts as saved.
    public static func initialState(engine: Engine, answers: Answers? = nil, today: Day,
                                    context: WizardContext = WizardContext(),
                                    width: Int = minimumWidth, height: Int = minimumHeight) -> WizardState {
        WizardState(engine: engine, answers: answers ?? Answers(defaultsOf: engine.questionnaire), today: today,
                    context: context, width: width, height: height)
    }

    /// A wizard that carries on where the recovery file left off (`--resume`), on the step the
    /// last change was made. The answers count as unsaved.
    public static func resumedState(engine: Engine, recovered: RecoveredAnswers, today: Day,
                                    context: WizardContext = WizardContext(),
                                    width: Int = minimumWidth, height: Int = minimumHeight) -> WizardState {
        var state = initialState(engine: engine, today: today, context: context, width: width, height: height)
        var transition = Transition(state)
        transition.resume(recovered)
        state = transition.state
        return state
    }

    /// The next state and the effects one input event causes.
    public static func update(_ state: WizardState, _ event: InputEvent) -> (WizardState, [WizardEffect]) {
        let batch = update(state, CollectionOfOne(event))
        return (batch.state, batch.effects)
    }

    /// Events that arrived together (keys typed faster than the screen is drawn, a paste the terminal
    /// did not mark as one), taken in order as one by one, but asking for the recovery file once for
    /// the lot. It stops after the first event that asks for anything else (a write, a quit): the
    /// event loop performs that and hands back its outcome before the rest, as it would one by one.
    /// `consumed` is how many events were taken.
    public static func update(_ state: WizardState, _ events: some Collection<InputEvent>)
        -> (state: WizardState, effects: [WizardEffect], consumed: Int) {
        var transition = Transition(state)
        var consumed = 0
        for event in events {
            transition.handle(event)
            consumed += 1
            if !transition.effects.isEmpty { break }
        }
        transition.flushRecovery()
        return (transition.state, transition.effects, consumed)
    }

    /// The next state once the event loop has performed an effect.
    public static func apply(_ state: WizardState, _ outcome: EffectOutcome) -> (WizardState, [WizardEffect]) {
        var transition = Transition(state)
        transition.handle(outcome)
        transition.flushRecovery()
        return (transition.state, transition.effects)
    }

    /// Draws the whole screen.
    public static func render(_ state: WizardState, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        grid.asciiOnly = state.context.charset == .ascii
        ScreenView(state: state, charset: state.context.charset).render(into: &grid)
        return grid
    }

    /// The answers as an answers file has them: required questions written out (an answers file
    /// may not leave them to defaults), optional ones left out when never given. The results, `s`
    /// and `e` all use these, so the wizard shows exactly what `--answers` on the saved file shows.
    public static func fileAnswers(_ answers: Answers, questionnaire: Questionnaire) -> Answers {
        var result = answers
        result.defaulted.subtract(questionnaire.questions.filter(\.required).map(\.id))
        return result
    }

    /// The YAML `s` saves: read back with `--answers`, it gives the same results. Required
    /// questions still unanswered are left out (a default is never written as an answer) and
    /// named in a comment, so `--answers` on the file says what is missing.
    public static func answersFileText(_ answers: Answers, questionnaire: Questionnaire) -> String {
        let missing = unansweredRequired(answers, questionnaire: questionnaire)
        let header = missing.isEmpty ? "" : "# Not answered yet (required): " + missing.map(\.id).joined(separator: ", ") + "\n"
        return header + AnswersWriter.yaml(answers, questionnaire: questionnaire, includeDefaults: false)
    }

    /// Required questions left at their defaults, never answered.
    public static func unansweredRequired(_ answers: Answers, questionnaire: Questionnaire) -> [Question] {
        questionnaire.questions.filter { $0.required && answers.defaulted.contains($0.id) }
    }
}
