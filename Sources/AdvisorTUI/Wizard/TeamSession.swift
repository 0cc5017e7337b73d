import AdvisorCore

/// The comparison view's model: the participants, the questions they answered differently (the
/// rows), how the facilitator settled each, and where the facilitator is. The answers being settled
/// are the wizard's own `answers`.
public struct TeamSession: Sendable {
    public let participants: [Participant]
    /// The contested questions, in the order the team opened with: decisive first.
    public let rows: [QuestionID]
    /// The team view of the answers as they stand now: disagreements (decisive marks move as answers
    /// settle), how each answer was reached, and the splits still open.
    public internal(set) var team: TeamAdvice
    /// How the facilitator settled questions: on someone's answer, or a value typed in the meeting.
    public internal(set) var how: [QuestionID: Provenance] = [:]
    /// Settled since the answers were last saved or exported: quitting asks first.
    public internal(set) var unsaved = false
    public internal(set) var row = 0
    /// The highlighted participant.
    public internal(set) var column = 0
    /// The first participant column shown, when not all fit.
    public internal(set) var firstColumn = 0

    init(participants: [Participant], team: TeamAdvice) {
        self.participants = participants
        self.team = team
        rows = team.disagreements.map(\.question)
    }

    public var disagreements: [TeamAdvice.Disagreement] { team.disagreements }
    /// Questions the facilitator settled.
    public var settled: Set<QuestionID> { Set(how.keys) }

    public var focusedQuestion: QuestionID? { rows.indices.contains(row) ? rows[row] : nil }

    public func disagreement(_ question: QuestionID) -> TeamAdvice.Disagreement? {
        team.disagreements.first { $0.question == question }
    }
}

extension Wizard {
    /// The comparison view for a team (`team FILES --interactive`): the consensus stands as the answers
    /// until the facilitator settles a contested one; saving and exporting work as for any answers.
    public static func teamState(engine: Engine, participants: [Participant], team: TeamAdvice, today: Day,
                                 context: WizardContext = WizardContext(),
                                 width: Int = minimumWidth, height: Int = minimumHeight) -> WizardState {
        var state = initialState(engine: engine, answers: team.consensus, today: today, context: context,
                                 width: width, height: height)
        state.team = TeamSession(participants: participants, team: team)
        state.screen = .comparison
        return state
    }
}

extension Transition {
    mutating func comparisonKey(_ key: Key) {
        guard var team = state.team else { return }
        let visible = ComparisonView.columns(width: state.width, people: team.participants.count).visible
        switch key {
        case .down, .character("j"): team.row = min(team.row + 1, max(0, team.rows.count - 1))
        case .up, .character("k"): team.row = max(team.row - 1, 0)
        case .right, .character("l"), .tab: team.column = min(team.column + 1, team.participants.count - 1)
        case .left, .character("h"), .backTab: team.column = max(team.column - 1, 0)
        case .enter, .character(" "):
            state.team = team
            settleOnParticipant()
            return
        case .character("t"), .character("="):
            guard let id = team.focusedQuestion, let question = questionnaire.question(id) else { break }
            state.promptError = nil
            state.overlay = .settleValue(TextField(FieldValidation.editableText(state.answers.values[question.id])))
        case .character("r"), .pageDown:
            state.team = team
            showResults()
            return
        case .character("s"): requestSave()
        case .character("e"): requestExport()
        case .character("q"): requestQuit()
        case .character("?"), .function(1): state.overlay = .help
        default: break
        }
        if team.column < team.firstColumn { team.firstColumn = team.column }
        if team.column >= team.firstColumn + visible { team.firstColumn = team.column - visible + 1 }
        state.team = team
    }

    /// Puts the highlighted participant's answer to the focused question into the answers.
    mutating func settleOnParticipant() {
        guard let team = state.team, let id = team.focusedQuestion, let question = questionnaire.question(id),
              team.participants.indices.contains(team.column) else { return }
        let person = team.participants[team.column]
        guard person.answered(question, weightIDs: questionnaire.questions(in: "weights").map(\.id)) else {
            state.status = StatusMessage(text: "\(person.name) did not answer this; pick someone who did, or t to type a value",
                                         isError: true)
            return
        }
        engine.substitute(question, from: person.answers, into: &state.answers)
        var how = Provenance(method: .participant, answered: 0, participants: team.participants.count)
        how.participant = person.name
        settle(id, how: how, by: person.name)
    }

    /// Settles the focused question on a value typed in the meeting, checked as the wizard checks a field.
    mutating func settleOnTypedValue(_ text: String) {
        guard let team = state.team, let id = team.focusedQuestion, let question = questionnaire.question(id) else { return }
        switch FieldValidation.parse(text, for: question) {
        case .failure(let error):
            state.promptError = error.message
        case .success(let value):
            state.overlay = nil
            state.promptError = nil
            state.answers[id] = value
            settle(id, how: Provenance(method: .typed, answered: 0, participants: team.participants.count), by: nil)
        }
    }

    /// Records how `id` was settled, re-scores and re-maps the team against the answers as they now stand.
    private mutating func settle(_ id: QuestionID, how: Provenance, by person: String?) {
        guard var team = state.team, let question = questionnaire.question(id) else { return }
        state.rescore()
        team.how[id] = how
        team.unsaved = true
        team.team = teamAdvice(team)
        let value = team.disagreement(id)?.consensusValue ?? engine.teamValue(state.answers, question)
        state.status = StatusMessage(text: "Settled \(question.text) as \(value) (\(person ?? "typed in the meeting"))", isError: false)
        state.team = team
    }

    private func teamAdvice(_ team: TeamSession) -> TeamAdvice {
        engine.team(team.participants, settled: Wizard.fileAnswers(state.answers, questionnaire: questionnaire),
                    how: team.how, today: state.today)
    }

    /// The team view of the current answers, for the record the results and `e` write.
    var currentTeam: TeamAdvice? {
        guard let team = state.team else { return nil }
        return teamAdvice(team)
    }
}
