import AdvisorCore
import AdvisorFiles
import AdvisorTUI
@_exported import AdvisorTestSupport
import Foundation
import Testing

let recordTemplate: RecordTemplate = {
    let path = packageRoot + "/Screens/record/madr.md.mustache"
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return RecordTemplate(text: text, file: "Screens/record/madr.md.mustache")
}()

/// A wizard driven by synthetic events, remembering every effect it asked for.
struct Driver {
    var state: WizardState
    var effects: [WizardEffect] = []

    init(answers: Answers? = nil, context: WizardContext = WizardContext(recordTemplate: recordTemplate),
         width: Int = 80, height: Int = 24) {
        state = Wizard.initialState(engine: shippedEngine, answers: answers, today: fixedToday, context: context,
                                    width: width, height: height)
    }

    init(state: WizardState) { self.state = state }

    mutating func send(_ event: InputEvent) {
        let (next, caused) = Wizard.update(state, event)
        state = next
        effects += caused
    }

    mutating func press(_ keys: Key...) { for key in keys { send(.key(key)) } }

    mutating func press(_ keys: [Key]) { for key in keys { send(.key(key)) } }

    /// Each character as a key press.
    mutating func type(_ text: String) { for character in text { send(.key(.character(character))) } }

    mutating func apply(_ outcome: EffectOutcome) {
        let (next, caused) = Wizard.apply(state, outcome)
        state = next
        effects += caused
    }

    /// Effects since the last call.
    mutating func takeEffects() -> [WizardEffect] {
        defer { effects = [] }
        return effects
    }

    func screen(width: Int? = nil, height: Int? = nil) -> CellGrid {
        Wizard.render(state, width: width ?? state.width, height: height ?? state.height)
    }

    func text() -> String { screen().plainText() }

    var writes: [WriteRequest] {
        effects.compactMap { if case .write(let request) = $0 { request } else { nil } }
    }

    var recoveryWrites: [String] {
        effects.compactMap { if case .writeRecovery(let text) = $0 { text } else { nil } }
    }
}

/// The keys that answer the single-cloud-aws example step by step, as a person would type them.
/// Each entry is one step's keys, ending on the step's last question.
let singleCloudAWSWalk: [[Key]] = {
    func typed(_ text: String) -> [Key] { text.map { .character($0) } }
    return [
        [.character("1"), .enter, .character("1")],  // AWS; in production
        ["40", "0", "120", "20", "12", "0.7", "1", "2", "0", "0", "0", "0"].flatMap { typed($0) + [.enter] } + typed("0"),
        [.character("2")],  // AWS IAM
        [.character("4")],  // several models
        [.character("n"), .tab, .character("n"), .tab, .character("n"), .tab, .character("n")],
        [.character("2")],  // tight loops
        typed("1") + [.enter] + typed("1") + [.enter] + typed("1") + [.enter] + typed("1"),
        [.enter] + typed("Agent runtime for support automation") + [.enter, .enter] + typed("Platform architecture review")
            + [.enter, .character("1")],
    ]
}()

/// The questionnaire's defaults with every required question answered at its default: a team that
/// chose exactly the defaults, so the results and export are open.
let defaultsChosen: Answers = {
    var answers = Answers(defaultsOf: shippedEngine.questionnaire)
    answers.defaulted.subtract(shippedEngine.questionnaire.questions.filter(\.required).map(\.id))
    return answers
}()
