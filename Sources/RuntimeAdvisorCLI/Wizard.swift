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

    @Flag(name: .long, help: "Carry on with the answers an earlier wizard session kept after a crash or an unsaved quit (with several, lists them newest first).")
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
        do {
            engine = try prices.engine(knowledge.engine(on: day), on: day)
            if let path = answers { given = try loadAnswers(path, engine: engine) }
        } catch {
            throw report(error)
        }
        if !exclusions.stacks.isEmpty {
            given = try exclusions.apply(to: given ?? Answers(defaultsOf: engine.questionnaire),
                                         options: engine.questionnaire.stackOptions)
        }
        // Earlier sessions no running wizard holds, newest first; unusable ones are named, never overwritten.
        let sessions = RecoverySessions.list(folder: store.sessionsFolder, questionnaire: engine.questionnaire)
        let offered = Array(sessions.compactMap(Self.offer).prefix(Self.maxOffered))
        let unusable = sessions.compactMap(Self.problem)
        let recoveryProblem = unusable.isEmpty ? nil
            : "Saved answers that cannot be resumed (left as they are): " + unusable.joined(separator: "; ")
        if wizard.resume, offered.isEmpty {
            if !unusable.isEmpty { writeError(unusable.joined(separator: "\n")) }
            writeError("runtime-advisor: no saved answers to resume in \(printablePath(store.sessionsFolder ?? "the state folder"))")
            throw unusable.isEmpty ? Exit.unreadable : Exit.invalidInput
        }
        // --resume with one session carries on with it; with several, the welcome screen lists them.
        var resumed: RecoveredAnswers?
        if wizard.resume, offered.count == 1 || wizard.plain, let newest = offered.first,
           let session = sessions.first(where: { $0.id == newest.id }) {
            do { try store.adopt(session) } catch {
                writeError("runtime-advisor: cannot resume: \(error)")
                throw Exit.unreadable
            }
            resumed = newest.answers
            if offered.count > 1 {
                // Plain prompts cannot show the list; say which was taken and what else is there.
                let others = offered.dropFirst().compactMap(\.savedAt).joined(separator: ", ")
                writeError("runtime-advisor: resuming the answers saved \(newest.savedAt ?? "last"), the newest; "
                           + "the wizard lists the others (saved \(others))")
            }
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if wizard.plain || term.isEmpty || term == "dumb" {
            return try runPlain(engine: engine, answers: resumed?.answers ?? given, store: store, day: day)
        }
        let template = try recordTemplate()
        let context = WizardContext(recoveries: resumed == nil ? offered : [], recoveryProblem: recoveryProblem,
                                    reviewFile: answers == "-" ? nil : answers, charset: .unicode,
                                    recordTemplate: template)
        let state = resumed.map {
            Wizard.resumedState(engine: engine, recovered: $0, today: day, context: context)
        } ?? Wizard.initialState(engine: engine, answers: given, today: day, context: context)
        let loop = WizardLoop(recovery: store, sessions: sessions, decisionsDirectory: adrDirectory ?? "docs/decisions",
                              highContrast: wizard.theme == .highContrast)
        let exit: WizardExit, final: WizardState
        do {
            (exit, final) = try loop.run(state)
        } catch TerminalError.unknownTerminalType(let name) {
            // The wizard cannot draw here, but the questions can still be asked.
            writeError("runtime-advisor: the terminal type '\(name)' (TERM) is unknown here, so the wizard cannot run; "
                       + "asking plain questions instead (set TERM=xterm-256color, or pass --plain, to choose)")
            return try runPlain(engine: engine, answers: resumed?.answers ?? given, store: store, day: day)
        }
        if final.hasUnsavedAnswers {
            if store.exists, !store.lastWriteFailed, let path = store.path {
                writeError("runtime-advisor: the answers are not saved; they are kept in \(printablePath(path)) (runtime-advisor --resume)")
            } else if store.lastWriteFailed {
                writeError("runtime-advisor: the answers are not saved, and the recovery file could not be written: they are lost")
            }
        }
        if exit == .interrupted { throw Exit.interrupted }
        // The wizard drew on /dev/tty; stdout gets the report only when asked for or redirected.
        if format != nil || output != nil || isatty(1) == 0 {
            try refuseUnanswered(final.answers, engine: engine)
            try emit(Wizard.fileAnswers(final.answers, questionnaire: engine.questionnaire), engine: engine, day: day)
        }
    }

    /// The welcome screen has room for this many sessions.
    static let maxOffered = 5

    static func offer(_ session: RecoverableSession) -> OfferedRecovery? {
        guard case .found(let answers) = session.content else { return nil }
        return OfferedRecovery(id: session.id, savedAt: session.savedAt, answers: answers)
    }

    static func problem(_ session: RecoverableSession) -> String? {
        guard case .unusable(let error) = session.content else { return nil }
        return error.diagnostics.first.map(\.description) ?? printablePath(session.path)
    }

    /// Plain prompts, then an offer to save, then the same output the headless run prints.
    func runPlain(engine: Engine, answers: Answers?, store: RecoveryStore, day: Day) throws {
        var session = PlainSession(engine: engine, answers: answers ?? Answers(defaultsOf: engine.questionnaire),
                                   recovery: store)
        let final = session.run()
        _ = session.offerToSave(defaultPath: self.answers == "-" ? nil : self.answers ?? "answers.yaml")
        try writeOutput("\n")
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
