import ArgumentParser
import AdvisorCore
import AdvisorFiles
import AdvisorRecord
import AdvisorTUI
import AdvisorTerminal
#if canImport(Glibc)
import Glibc
#endif

/// How to ask the questions: the wizard on the terminal, plain line prompts, or the recovery file.
struct WizardOptions: ParsableArguments {
    @Flag(name: .long, help: "Open the wizard filled in from --answers, to review or change them.")
    var interactive = false

    @Flag(name: .long, help: "Ask the questions as plain lines on standard input and output (also when TERM=dumb), then print the report.")
    var plain = false

    @Flag(name: .long, help: "Carry on with the answers the wizard kept in its recovery file after a crash or an unsaved quit.")
    var resume = false
}

extension Advise {
    /// No answers file, or one to review: the questions are asked.
    var wantsWizard: Bool { answers == nil || wizard.interactive || wizard.plain || wizard.resume }

    func runWizard() throws {
        if wizard.resume, answers != nil {
            throw ValidationError("--resume restores the recovery file's answers; it cannot be combined with --answers")
        }
        if !wizard.plain, !hasTerminal {
            writeError("""
            runtime-advisor: there is no terminal to run the wizard on, and no --answers file was given.
            Run headless with:       runtime-advisor --answers FILE [--format text|json|markdown]
            Or answer plain prompts: runtime-advisor --plain
            """)
            throw Exit.usage
        }
        let day = try today(knowledge.today)
        let store = RecoveryStore.standard()
        let engine: Engine
        var given: Answers?
        var recovered: RecoveredAnswers?
        var recoveryProblem: String?
        do {
            engine = try knowledge.engine()
            if let path = answers { given = try loadAnswers(path, engine: engine) }
            switch store.load(questionnaire: engine.questionnaire) {
            case .none: break
            case .found(let found): recovered = found
            case .unusable(let error):
                if wizard.resume { throw error }
                recoveryProblem = error.description
            }
        } catch let error as DiagnosticError {
            throw report(error)
        }
        if wizard.resume, recovered == nil {
            writeError("runtime-advisor: no saved answers to resume: \(store.path ?? "the recovery file") does not exist")
            throw Exit.unreadable
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if wizard.plain || term.isEmpty || term == "dumb" {
            return try runPlain(engine: engine, answers: recovered?.answers ?? given, store: store, day: day)
        }
        let template = try recordTemplate()
        let context = WizardContext(recovery: wizard.resume ? nil : recovered, recoveryProblem: recoveryProblem,
                                    reviewFile: answers == "-" ? nil : answers, charset: .unicode,
                                    recordTemplate: template)
        let state = recovered.flatMap { wizard.resume ? $0 : nil }.map {
            Wizard.resumedState(engine: engine, recovered: $0, today: day, context: context)
        } ?? Wizard.initialState(engine: engine, answers: given, today: day, context: context)
        let loop = WizardLoop(recovery: store, decisionsDirectory: adrDirectory ?? "docs/decisions")
        let exit: WizardExit, final: WizardState
        do {
            (exit, final) = try loop.run(state)
        } catch TerminalError.unknownTerminalType(let name) {
            // The wizard cannot draw here, but the questions can still be asked.
            writeError("runtime-advisor: the terminal type '\(name)' (TERM) is unknown here, so the wizard cannot run; "
                       + "asking plain questions instead (set TERM=xterm-256color, or pass --plain, to choose)")
            return try runPlain(engine: engine, answers: recovered?.answers ?? given, store: store, day: day)
        }
        if final.hasUnsavedAnswers, store.exists, let path = store.path {
            writeError("runtime-advisor: the answers are not saved; they are kept in \(path) (runtime-advisor --resume)")
        }
        if exit == .interrupted { throw ExitCode(130) }
        // The wizard drew on /dev/tty; stdout gets the report only when asked for or redirected.
        if format != nil || output != nil || isatty(1) == 0 {
            try emit(Wizard.fileAnswers(final.answers, questionnaire: engine.questionnaire), engine: engine, day: day)
        }
    }

    /// Plain prompts, then an offer to save, then the same output the headless run prints.
    func runPlain(engine: Engine, answers: Answers?, store: RecoveryStore, day: Day) throws {
        var session = PlainSession(engine: engine, answers: answers ?? Answers(defaultsOf: engine.questionnaire),
                                   recovery: store)
        let final = session.run()
        _ = session.offerToSave(defaultPath: self.answers == "-" ? nil : self.answers ?? "answers.yaml")
        try writeOutput("\n")
        try emit(Wizard.fileAnswers(final, questionnaire: engine.questionnaire), engine: engine, day: day)
    }

    /// The template `e` exports with: the same one `--format markdown` would use.
    func recordTemplate() throws -> RecordTemplate {
        do {
            let loaded = try templates.load(screens: knowledge.screens)
            return RecordTemplate(text: loaded.text, file: loaded.file)
        } catch {
            throw report(error)
        }
    }

    /// Standard input is a terminal and the controlling terminal can be opened.
    var hasTerminal: Bool {
        guard isatty(0) != 0 else { return false }
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }
}
