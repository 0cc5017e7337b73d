import AdvisorCore

/// Which page the wizard shows.
public enum WizardScreen: Hashable, Sendable {
    case welcome
    /// One part of the questionnaire: `WizardState.step` says which.
    case step
    case results
    /// The team comparison view (`team FILES --interactive`).
    case comparison
    /// Two stacks side by side (`c` on the Ranking tab): not the team comparison view.
    case sideBySide
}

/// The results tabs, in the order they are shown and numbered.
public enum ResultsTab: Int, CaseIterable, Hashable, Sendable {
    case ranking, why, costs, sensitivity, risks, record

    public var title: String {
        switch self {
        case .ranking: "Ranking"
        case .why: "Why"
        case .costs: "Costs"
        case .sensitivity: "Sensitivity"
        case .risks: "Risks & sources"
        case .record: "Record"
        }
    }
}

/// Answers found in the recovery file, with where the wizard was when they were written.
public struct RecoveredAnswers: Hashable, Sendable {
    public var answers: Answers
    public var step: Int
    public var question: Int
    /// Answers pinned as what-if A in that session.
    public var pinned: Answers?

    public init(answers: Answers, step: Int = 0, question: Int = 0, pinned: Answers? = nil) {
        self.answers = answers
        self.step = step
        self.question = question
        self.pinned = pinned
    }
}

/// An earlier session's answers offered on the welcome screen: `id` names the session to the event
/// loop (empty for answers that belong to no session), `savedAt` when they were last written.
public struct OfferedRecovery: Hashable, Sendable {
    public var id: String
    public var savedAt: String?
    public var answers: RecoveredAnswers

    public init(id: String, savedAt: String?, answers: RecoveredAnswers) {
        self.id = id
        self.savedAt = savedAt
        self.answers = answers
    }
}

/// What the wizard knows about its surroundings, gathered by whoever starts it (files are read
/// before the wizard runs, never inside `update`).
public struct WizardContext: Hashable, Sendable {
    /// Answers left by earlier runs that did not finish, newest first, offered on the welcome screen.
    public var recoveries: [OfferedRecovery]
    /// Why existing recovery files could not be used, shown on the welcome screen.
    public var recoveryProblem: String?
    /// The answers file opened with `--answers FILE --interactive` (review mode).
    public var reviewFile: String?
    /// Where `s` suggests saving the answers.
    public var defaultAnswersPath: String
    /// Unicode box drawing and blocks, or ASCII when the terminal cannot show them.
    public var charset: Charset
    /// The decision record's template; without one the Record tab says the record is not available.
    public var recordTemplate: RecordTemplate?

    public init(recovery: RecoveredAnswers? = nil, recoveries: [OfferedRecovery] = [], recoveryProblem: String? = nil,
                reviewFile: String? = nil, defaultAnswersPath: String = "answers.yaml", charset: Charset = .unicode,
                recordTemplate: RecordTemplate? = nil) {
        self.recordTemplate = recordTemplate
        self.recoveries = (recovery.map { [OfferedRecovery(id: "", savedAt: nil, answers: $0)] } ?? []) + recoveries
        self.recoveryProblem = recoveryProblem
        self.reviewFile = reviewFile
        self.defaultAnswersPath = defaultAnswersPath
        self.charset = charset
    }
}

/// Something drawn over the page that takes the keys until it closes.
public enum Overlay: Hashable, Sendable {
    case help
    /// Asks for a path: where to save the answers or export the record.
    case pathPrompt(WriteKind, TextField)
    /// The file exists: replace it?
    case confirmReplace(WriteRequest)
    /// Answers are not saved: quit anyway?
    case confirmQuit
    /// Results or export asked for while required questions are unanswered: which ones, and a
    /// way to go to the first.
    case unanswered(BlockedAction)
    /// `g` on a results tab: its headings, the cursor on one; Enter scrolls there.
    case outline(Int)
    /// `/` on a results tab: the text to look for.
    case search(TextField)
    /// `t` in the team comparison view: a value typed in the meeting for the focused question.
    case settleValue(TextField)
    /// `x` on a stack of the Ranking tab: why the team rules it out.
    case excludeReason(StackID, TextField)
}

/// What waits for the required answers.
public enum BlockedAction: Hashable, Sendable {
    case results, export
}

/// A field being typed into, and its answer before the typing started: Esc puts it back, and so
/// does a draft that is not a valid answer (the field shows the draft and why; the answers never hold it).
public struct FieldEdit: Hashable, Sendable {
    public var buffer: TextField
    public var original: AnswerValue?
    /// Whether that answer was still the questionnaire's default, never given.
    public var wasDefaulted: Bool
    /// The range that answer was given as (`agents: {low: 20, high: 60}`), which typing replaces.
    public var originalRange: ValueRange?
    /// Text and list fields are edited after Enter and take every printable key; number fields
    /// take digits as they come and leave letters to the commands.
    public var isTextEntry: Bool

    init(buffer: TextField, question: QuestionID, answers: Answers, isTextEntry: Bool) {
        self.buffer = buffer
        original = answers.values[question]
        wasDefaulted = answers.defaulted.contains(question)
        originalRange = answers.ranges[question]
        self.isTextEntry = isTextEntry
    }

    /// `answers` with this field's question as it was before the typing started.
    func restoring(_ question: QuestionID, in answers: Answers) -> Answers {
        guard let original else { return answers }
        var restored = answers
        restored.values[question] = original
        if wasDefaulted { restored.defaulted.insert(question) } else { restored.defaulted.remove(question) }
        restored.ranges[question] = originalRange
        return restored
    }
}

/// A one-line status after an action: "Saved answers to answers.yaml".
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    /// Fewer words saying the same, for when `text` does not fit the line: "Exported to <path>".
    public var shorter: String?

    public init(text: String, isError: Bool, shorter: String? = nil) {
        self.text = text
        self.isError = isError
        self.shorter = shorter
    }
}

/// The whole wizard: everything `render` draws and `update` changes. A plain value, so a test can
/// build one, feed it keys and look at the screens without a terminal.
public struct WizardState: Sendable {
    public let engine: Engine
    public let today: Day
    public var context: WizardContext

    public var answers: Answers
    /// The answers as last saved, exported or opened; different answers are "unsaved".
    public var baseline: Answers
    /// True once the answers were saved or the record exported in this run.
    public var savedOrExported = false

    public var screen: WizardScreen = .welcome
    /// Index into `engine.questionnaire.steps`.
    public var step = 0
    /// Index of the focused question within the step.
    public var question = 0
    /// The highlighted option of a choice or yes/no question.
    public var optionCursor = 0
    /// Text typed into the focused number, text or list field that is not committed yet.
    public var field: FieldEdit?
    /// Why the focused field cannot be left, shown under it.
    public var fieldError: String?
    /// Welcome screen: 0 starts afresh, 1 resumes the recovered answers.
    public var welcomeChoice = 0

    public var tab: ResultsTab = .ranking
    /// Lines scrolled in each results tab.
    public var scroll: [ResultsTab: Int] = [:]
    /// The text `/` looked for on the results tabs; its matches are highlighted, `n` and `N` move.
    public var search: String?
    /// The line of the match `n` or `N` (or Enter in the search box) went to, for "3 of 7".
    public var searchLine: Int?
    /// Costs tab: the chart folded away (`c`) so the table has the whole tab.
    public var costChartHidden = false
    /// Costs tab: the chart's money scale chosen with `z`; nil lets the chart choose.
    public var costScale: LineChart.YScale?

    /// The team being compared, when the wizard was opened on several participants' answers.
    public internal(set) var team: TeamSession?

    /// On each results tab, the line the cursor is on: an index into the page's links (`ResultLink`).
    public var linkFocus: [ResultsTab: Int] = [:]
    /// The question on screen was opened from a result: Enter or Esc goes back there.
    public var jumpedFrom: JumpOrigin?
    /// Answers pinned as what-if A (`p`): the results show the answers now (B) beside them.
    public internal(set) var pinned: Answers?
    /// The stacks side by side, while that view is open or was last.
    public internal(set) var pair: StackPair?
    /// `C` on a stack of the Ranking tab: the first of two to compare, waiting for the second.
    public var comparing: StackID?

    public var overlay: Overlay?
    /// Lines scrolled in the help box.
    public var helpScroll = 0
    /// Why the path in the prompt could not be written.
    public var promptError: String?
    /// The user chose "save, then quit" and the save has not finished yet.
    public var quitAfterSave = false
    public var status: StatusMessage?
    /// A failing recovery file is reported once, not after every key.
    public var recoveryWarned = false

    /// Terminal size the layout is computed for.
    public var width: Int
    public var height: Int

    /// Live results, recomputed whenever the answers change: cheap enough for every key.
    public internal(set) var ranking: Ranking
    public internal(set) var costs: CostReport
    /// An answer was typed but not committed yet, so `ranking` shows the answers before it.
    public internal(set) var rankingIsStale = false
    /// Everything the results tabs show, computed on entering them.
    public internal(set) var results: ResultsModel?

    init(engine: Engine, answers: Answers, today: Day, context: WizardContext, width: Int, height: Int) {
        self.engine = engine
        self.today = today
        self.context = context
        self.answers = answers
        self.baseline = answers
        self.width = width
        self.height = height
        ranking = engine.rank(answers)
        costs = engine.costs(answers)
    }

    /// The live scoreboard's figures for the current answers: the same engine calls as a headless run.
    mutating func rescore() {
        ranking = engine.rank(answers)
        costs = engine.costs(answers)
        rankingIsStale = false
    }

    public var questionnaire: Questionnaire { engine.questionnaire }
    public var steps: [Step] { engine.questionnaire.steps }
    public var currentStep: Step { steps[min(step, steps.count - 1)] }

    /// The focused question on a step page.
    public var focusedQuestion: Question? {
        guard screen == .step, currentStep.questions.indices.contains(question) else { return nil }
        return questionnaire.question(currentStep.questions[question])
    }

    public var hasUnsavedAnswers: Bool { answers != baseline }

    /// Required questions nobody has answered yet, in questionnaire order. Their values in
    /// `answers` are the questionnaire's defaults (the engine needs a value), but the wizard shows
    /// them as unanswered, shows no ranking for them and never writes them out as answers.
    public var unansweredRequired: [Question] {
        questionnaire.questions.filter { $0.required && answers.defaulted.contains($0.id) }
    }

    public func isUnanswered(_ question: Question) -> Bool {
        question.required && answers.defaulted.contains(question.id)
    }

    /// Where a question is asked: its step and its index within that step.
    public func location(of id: QuestionID) -> (step: Int, question: Int)? {
        for (index, step) in steps.enumerated() {
            if let position = step.questions.firstIndex(of: id) { return (index, position) }
        }
        return nil
    }

    /// Whether the layout fits; below this the wizard shows only a message.
    public var isTooSmall: Bool { width < Wizard.minimumWidth || height < Wizard.minimumHeight }
}
