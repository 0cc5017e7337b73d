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

    @Option(name: .long, help: "The wizard's colours: default, or high-contrast (nothing dim, bold colours; for projectors). NO_COLOR still turns colour off.")
    var theme: WizardTheme = .default
}

enum WizardTheme: String, ExpressibleByArgument, CaseIterable {
    case `default`
    case highContrast = "high-contrast"
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
            // The recovery file only with --resume: the same piped input always gives the same answers.
            return try runPlain(engine: engine, answers: wizard.resume ? recovered?.answers : given, store: store, day: day)
        }
        let template = try recordTemplate()
        let context = WizardContext(recovery: wizard.resume ? nil : recovered, recoveryProblem: recoveryProblem,
                                    reviewFile: answers == "-" ? nil : answers, charset: .unicode,
                                    recordTemplate: template)
        let state = recovered.flatMap { wizard.resume ? $0 : nil }.map {
            Wizard.resumedState(engine: engine, recovered: $0, today: day, context: context)
        } ?? Wizard.initialState(engine: engine, answers: given, today: day, context: context)
        let loop = WizardLoop(recovery: store, decisionsDirectory: adrDirectory ?? "docs/decisions",
                              highContrast: wizard.theme == .highContrast)
        let (exit, final) = try loop.run(state)
        if final.hasUnsavedAnswers, store.exists, let path = store.path {
            writeError("runtime-advisor: the answers are not saved; they are kept in \(path) (runtime-advisor --resume)")
        }
        if exit == .interrupted { throw ExitCode(130) }
        // The wizard drew on /dev/tty; stdout gets the report only when asked for or redirected.
        if format != nil || output != nil || isatty(1) == 0 {
            try refuseUnanswered(final.answers, engine: engine)
            try emit(Wizard.fileAnswers(final.answers, questionnaire: engine.questionnaire), engine: engine, day: day)
        }
    }

    /// Plain prompts, then an offer to save, then the same output the headless run prints.
    func runPlain(engine: Engine, answers: Answers?, store: RecoveryStore, day: Day) throws {
        var session = PlainSession(engine: engine, answers: answers ?? Answers(defaultsOf: engine.questionnaire),
                                   recovery: store)
        let final = session.run()
        _ = session.offerToSave(defaultPath: self.answers == "-" ? nil : self.answers ?? "answers.yaml")
        writeOutput("\n")
        try refuseUnanswered(final, engine: engine)
        try emit(Wizard.fileAnswers(final, questionnaire: engine.questionnaire), engine: engine, day: day)
    }

    /// A report on defaults nobody chose would look like advice for this team: name the required
    /// questions still unanswered and exit 65 instead.
    func refuseUnanswered(_ answers: Answers, engine: Engine) throws {
        let missing = Wizard.unansweredRequired(answers, questionnaire: engine.questionnaire)
        guard !missing.isEmpty else { return }
        writeError("runtime-advisor: no report: \(missing.count) required question\(missing.count == 1 ? " was" : "s were") not answered:\n"
                   + missing.map { "  \($0.id): \($0.text)" }.joined(separator: "\n"))
        throw Exit.invalidInput
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
