import AdvisorCore

/// The comparison view's model: the participants, the questions they answered differently (the
/// rows), and where the facilitator is. The answers being settled are the wizard's own `answers`.
public struct TeamSession: Sendable {
    public let participants: [Participant]
    /// The contested questions, in the order the team opened with: decisive first.
    public let rows: [QuestionID]
    /// Disagreements against the answers as they stand now (decisive marks move as answers settle).
    public internal(set) var disagreements: [TeamAdvice.Disagreement]
    /// Questions the facilitator settled by picking a participant's answer.
    public internal(set) var settled: Set<QuestionID> = []
    public internal(set) var row = 0
    /// The highlighted participant.
    public internal(set) var column = 0
    /// The first participant column shown, when not all fit.
    public internal(set) var firstColumn = 0

    init(participants: [Participant], team: TeamAdvice) {
        self.participants = participants
        rows = team.disagreements.map(\.question)
        disagreements = team.disagreements
    }

    public var focusedQuestion: QuestionID? { rows.indices.contains(row) ? rows[row] : nil }

    public func disagreement(_ question: QuestionID) -> TeamAdvice.Disagreement? {
        disagreements.first { $0.question == question }
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
        let visible = max(1, ComparisonView.participantColumns(width: state.width))
        switch key {
        case .down, .character("j"): team.row = min(team.row + 1, max(0, team.rows.count - 1))
        case .up, .character("k"): team.row = max(team.row - 1, 0)
        case .right, .character("l"), .tab: team.column = min(team.column + 1, team.participants.count - 1)
        case .left, .character("h"), .backTab: team.column = max(team.column - 1, 0)
        case .enter, .character(" "):
            state.team = team
            settle()
            return
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

    /// Puts the highlighted participant's answer to the focused question into the answers, re-scores
    /// and re-maps the disagreements against the answers as they now stand.
    mutating func settle() {
        guard var team = state.team, let id = team.focusedQuestion, let question = questionnaire.question(id),
              team.participants.indices.contains(team.column) else { return }
        engine.substitute(question, from: team.participants[team.column].answers, into: &state.answers)
        state.rescore()
        team.settled.insert(id)
        team.disagreements = engine.disagreements(team.participants, against: state.answers,
                                                  winner: state.ranking.winner.stack)
        let value = team.disagreement(id)?.consensusValue ?? ""
        state.status = StatusMessage(text: "Settled \(question.text) as \(value) (\(team.participants[team.column].name))",
                                     isError: false)
        state.team = team
    }

    /// The team view of the current answers, for the record the results and `e` write.
    var currentTeam: TeamAdvice? {
        guard let team = state.team else { return nil }
        let fileAnswers = Wizard.fileAnswers(state.answers, questionnaire: questionnaire)
        return engine.team(team.participants, settled: fileAnswers, today: state.today)
    }
}
