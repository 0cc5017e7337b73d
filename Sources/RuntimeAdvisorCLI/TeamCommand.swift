import ArgumentParser
import AdvisorTUI
import AdvisorTerminal
#if canImport(Glibc)
import Glibc
#endif
import AdvisorCore
import AdvisorFiles
import AdvisorRecord

enum TeamFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, yaml
}

struct Team: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Decide as a team: one answers file per person, a consensus, and where the team disagreed.",
        discussion: """
        Each file is one participant, named by its top-level 'participant:' key or else the file's name. \
        The consensus takes the answer most people gave to each choice and flag (a majority or a plurality; an \
        even split is marked for the team to settle), the median of each number, and the geometric mean of \
        everyone's normalised weights (the arithmetic mean on an axis someone weighted 0), counting only those \
        who answered, and is scored by the same engine as a single run. The report says how each answer was \
        settled, names the splits still open first, lists each person's own winner, whether the decision is \
        robust, and every question the team answered differently, decisive ones first: those where someone's \
        answer would change the winner.

        Example: runtime-advisor team Data/examples/team/*.yaml
        """)

    @Argument(help: ArgumentHelp("Two or more answers files, one per participant.", valueName: "file"),
              completion: Completions.yamlFile)
    var files: [String] = []

    @Option(name: .long, help: "Output format: text, json, markdown (the decision record with the team's disagreements) or yaml (the consensus as an answers file). Default: text, or markdown with --adr-dir, --template or --minimal.")
    var format: TeamFormat?

    /// The format asked for, or the one the record options imply (as for a single run).
    var resolvedFormat: TeamFormat { format ?? (written.adrDirectory != nil || templates.isSet ? .markdown : .text) }

    @OptionGroup var text: TextOptions
    @OptionGroup var written: DestinationOptions

    @Option(name: .customLong("save-consensus"), help: ArgumentHelp("Also write the consensus as an ordinary answers file, which --answers reproduces exactly.", valueName: "file"),
            completion: .file())
    var saveConsensus: String?

    @Option(name: .long, help: ArgumentHelp("Answers the team settled on (for example saved from the comparison view) to use instead of the computed consensus; the disagreements are mapped against them, an answer that is not the rule's is reported as given in this file, and lines still marked '# split: not settled' stay open splits.", valueName: "file"),
            completion: Completions.yamlFile)
    var consensus: String?

    @Flag(name: .long, help: "Open the comparison view in the wizard: one column per participant, contested answers highlighted, splits marked, settled by picking someone's answer or typing one agreed in the meeting.")
    var interactive = false

    @OptionGroup var templates: TemplateOptions
    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var prices: PriceOptions
    @OptionGroup var exclusions: ExclusionOptions

    func validate() throws {
        if text.detail != nil, resolvedFormat != .text {
            throw ValidationError("--detail chooses how much of the text report to show; the \(resolvedFormat.rawValue) output is always complete")
        }
        if let format, format != .markdown, written.adrDirectory != nil || templates.isSet {
            throw ValidationError("--adr-dir, --template and --minimal write the decision record; they need --format markdown, not \(format.rawValue)")
        }
    }

    func run() throws {
        try refuseParticipantFiles(files)
        try refuseClashes(outputs: outputFiles, inputs: { inputFiles })
        let day = try today(knowledge.today)
        do {
            let engine = try prices.engine(knowledge.engine(on: day), on: day)
            // The team rules these out for everyone: each participant's own winner is found without them too.
            let participants = try loadParticipants(files, engine: engine).map { participant in
                var ruled = participant
                ruled.answers = try exclusions.apply(to: participant.answers, options: engine.questionnaire.stackOptions)
                return ruled
            }
            let team = try consensus.map { path in
                // Lines the saved file still marks as unsettled splits stay splits, lines it marks as settled in
                // the meeting say how; any other answer that is not the rule's was given in the file.
                let file = try loadAnswersWithText(path, engine: engine)
                let settled = try exclusions.apply(to: file.answers, options: engine.questionnaire.stackOptions)
                return engine.team(participants, settled: settled,
                                   how: Consensus.settlements(in: file.text, participants: participants),
                                   openSplits: AnswersWriter.splitIDs(in: file.text), today: day)
            } ?? engine.team(participants, today: day)
            if interactive { return try runComparison(team: team, participants: participants, engine: engine, day: day) }
            if let saveConsensus {
                _ = try RecordDestination.file(saveConsensus, replace: written.force)
                    .write(Consensus.file(team, questionnaire: engine.questionnaire), slug: "")
            }
            let destination = written.destination
            switch resolvedFormat {
            case .text:
                let style = text.color.style(toStandardOutput: written.output == nil)
                _ = try destination.write(TeamText.render(team, engine: engine, detail: text.detail ?? .summary, style: style), slug: "")
            case .json: _ = try destination.write(TeamJSON.render(team, engine: engine, toolVersion: ToolVersion.current), slug: "")
            case .yaml: _ = try destination.write(Consensus.file(team, questionnaire: engine.questionnaire), slug: "")
            case .markdown:
                let template = try templates.load(screens: knowledge.screens)
                let record = try renderRecord(team.advice, team: team, engine: engine, day: day, template: template)
                let path = try destination.write(record.text, slug: record.slug, answersDigest: record.answersDigest)
                if let path, written.adrDirectory != nil { try writeOutput(path + "\n") }
            }
        } catch let error as DiagnosticError {
            throw report(error)
        }
    }
}

/// Reads every participant's file, reporting every problem in every file at once, and names each
/// participant; two with one name are an error at the second one's `participant:` line. A file that
/// cannot be read makes it 66, as for `--answers`. (Two or more files, each once: `refuseParticipantFiles`.)
func loadParticipants(_ paths: [String], engine: Engine) throws(DiagnosticError) -> [Participant] {
    var problems: [Diagnostic] = []
    var unreadable = false
    var participants: [Participant] = []
    for path in paths {
        do {
            let answers = try loadAnswers(path, engine: engine)
            participants.append(Participant(name: answers.participant ?? stem(path), file: path, answers: answers))
        } catch {
            problems += error.diagnostics
            unreadable = unreadable || error.kind == .unreadable
        }
    }
    var seen: [String: Participant] = [:]
    for participant in participants {
        let identity = participantIdentity(participant.name)
        if let first = seen[identity] {
            let same = first.name == participant.name ? "is also the name of" : "reads as '\(first.name)', the name of"
            problems.append(Diagnostic(SourceLocation(file: participant.file, line: participantLine(participant.file)),
                                       key: "participant", "'\(participant.name)' \(same) \(PrintableText.escapedPath(first.file))",
                                       expected: "a different participant: name in each file (names are compared ignoring case, spacing and Unicode form)"))
        } else {
            seen[identity] = participant
        }
    }
    guard problems.isEmpty else { throw DiagnosticError(problems, kind: unreadable ? .unreadable : .invalidInput) }
    return participants
}

/// The file's name without folder or extension: `people/alice.yaml` is `alice`.
func stem(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
}

/// The line of a file's top-level `participant:` key, or 1 when it has none.
private func participantLine(_ path: String) -> Int {
    guard let bytes = try? InputFile.read(path, maxBytes: AnswersParser.maxBytes, what: "answers file"),
          let text = String(validating: bytes, as: UTF8.self) else { return 1 }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.firstIndex { $0.hasPrefix("participant:") } ?? 0) + 1
}

extension Team {
    /// The comparison view on the terminal: settle contested answers, then save (`s`) or export (`e`).
    func runComparison(team: TeamAdvice, participants: [Participant], engine: Engine, day: Day) throws {
        guard isatty(0) != 0 else {
            writeError("runtime-advisor: there is no terminal to open the comparison view on.\n"
                       + "Run without --interactive for the report: runtime-advisor team FILE FILE... [--format text|json|markdown]")
            throw Exit.usage
        }
        let template: RecordTemplate
        do {
            let loaded = try templates.load(screens: knowledge.screens)
            template = RecordTemplate(text: loaded.text, file: loaded.file)
        } catch {
            throw report(error)
        }
        let store = RecoveryStore.standard()
        let sessions = RecoverySessions.list(folder: store.sessionsFolder, questionnaire: engine.questionnaire)
        let context = WizardContext(defaultAnswersPath: "team-settled.yaml", charset: .unicode, recordTemplate: template)
        let state = Wizard.teamState(engine: engine, participants: participants, team: team, today: day, context: context)
        let loop = WizardLoop(recovery: store, sessions: sessions, decisionsDirectory: written.adrDirectory ?? "docs/decisions")
        let (exit, final) = try loop.run(state)
        if final.hasUnsavedAnswers, store.exists, !store.lastWriteFailed, let path = store.path {
            writeError("runtime-advisor: the settled answers are not saved; they are kept in \(printablePath(path))")
        }
        if exit == .interrupted { throw Exit.interrupted }
    }
}
