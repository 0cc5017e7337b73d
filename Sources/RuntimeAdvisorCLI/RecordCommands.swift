import ArgumentParser
import AdvisorCore
import AdvisorFiles
import AdvisorRecord
import Foundation

/// Which template renders the decision record.
struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Mustache template for the decision record instead of the built-in one (its data is documented in the README).", valueName: "file"),
            completion: Completions.template)
    var template: String?

    @Flag(name: .long, help: "Write the minimal record: title, context, options, outcome and consequences.")
    var minimal = false

    var isSet: Bool { template != nil || minimal }

    func validate() throws {
        if template != nil && minimal { throw ValidationError("--template and --minimal cannot be used together") }
    }

    /// The template's text and the name errors should use. A `--screens` folder's record templates
    /// replace the built-in ones when it has them.
    func load(screens: String?) throws(DiagnosticError) -> (text: String, file: String) {
        if let path = templatePath(screens: screens) { return (try readText(path, what: "Mustache template"), path) }
        let name = builtInName
        guard let text = KnowledgeSource.builtInScreen(name) else {
            throw DiagnosticError([Diagnostic(SourceLocation(file: "Screens/" + name), "is missing from this build")],
                                  kind: .unreadable)
        }
        return (text, "Screens/" + name)
    }

    /// The template file to read: `--template`, else the `--screens` folder's when it has one; nil
    /// for the built-in template.
    func templatePath(screens: String?) -> String? {
        if let template { return template }
        guard let screens else { return nil }
        let path = join(screens, builtInName)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private var builtInName: String { minimal ? DecisionRecord.minimalTemplateName : DecisionRecord.templateName }
}

/// Reads a text file with the usual size cap; bytes that are not UTF-8 are refused.
func readText(_ path: String, what: String, maxBytes: Int = 4 << 20) throws(DiagnosticError) -> String {
    let bytes = try InputFile.read(path, maxBytes: maxBytes, what: what)
    guard let text = String(validating: bytes, as: UTF8.self) else {
        throw DiagnosticError([Diagnostic(SourceLocation(file: path), "is not UTF-8 text", expected: "a UTF-8 \(what)")])
    }
    return text
}

/// Where a record goes: an ADR folder, a file, or standard output.
enum RecordDestination {
    /// `force`: write even when a record in the folder already holds the same answers.
    case adrFolder(String, force: Bool)
    case file(String, replace: Bool)
    case standardOutput

    /// Writes the record and returns the path written (nil for standard output). Failures print what
    /// failed where and exit with 73 (cannot create) or 74 (failed part-way); an existing file is left as it was.
    func write(_ text: String, slug: String, answersDigest: String? = nil) throws -> String? {
        switch self {
        case .standardOutput:
            try writeOutput(text)
            return nil
        case .file(let path, let replace):
            try atomicWrite(text, to: path, replace: replace)
            return path
        case .adrFolder(let directory, let force):
            return try writeNumbered(into: directory, slug: slug, check: { names in
                // Under the lock, so of advisors writing the same answers at once only the first writes.
                if !force, let digest = answersDigest,
                   let same = ADRFolder.recordWithSameAnswers(digest, in: directory, names: names) {
                    writeError("runtime-advisor: warning: \(printablePath(same)) already records these same answers; nothing was written "
                               + "(pass --force to write another record, or supersede that one)")
                    throw Exit.cannotWrite
                }
            }, render: { _ in text }).path
        }
    }
}

/// Writes `NNNN-slug.md` into an ADR folder with the next free number, holding the folder's lock
/// (and those of `alsoLocking`) from the checks until the file is there, so concurrent writers never
/// share a number and decide like writers one after another. `check` gets the folder's names and
/// may refuse before anything is written; `then` runs once the record is written (supersede marks
/// the old record there).
@discardableResult
func writeNumbered(into directory: String, slug: String, alsoLocking others: [String] = [],
                   check: ([String]) throws -> Void = { _ in }, render: (Int) throws -> String,
                   then: (Int, String) throws -> Void = { _, _ in }) throws -> (path: String, number: Int) {
    do {
        try ADRFolder.prepare(directory)
        return try ADRFolder.withLocks([directory] + others) {
            let names = try ADRFolder.names(in: directory)
            try check(names)
            var number = try ADRFolder.nextNumber(existing: names, in: directory)
            // Another tool that does not take the lock may still create a name meanwhile: try the next.
            for _ in 0..<100 {
                let path = join(directory, ADRFolder.fileName(number: number, slug: slug))
                do {
                    try AtomicFile.write(try render(number), to: path, replace: false)
                } catch let error as AtomicFile.WriteError where error.exists {
                    number += 1
                    continue
                }
                try then(number, path)
                return (path, number)
            }
            throw ADRFolder.FolderError(path: directory, reason: "no free ADR number")
        }
    } catch let error as AtomicFile.WriteError {
        writeError("runtime-advisor: cannot write the record: \(error)")
        throw writeExitCode(for: error)
    } catch let error as ADRFolder.FolderError {
        writeError("runtime-advisor: cannot write the record: \(error)")
        throw Exit.cannotWrite
    }
}

func atomicWrite(_ text: String, to path: String, replace: Bool) throws {
    do {
        try AtomicFile.write(text, to: path, replace: replace)
    } catch {
        writeError("runtime-advisor: cannot write \(error)")
        throw writeExitCode(for: error)
    }
}

/// 74 when the write failed part-way (the disk, not the request), 73 when the file cannot be created.
func writeExitCode(for error: AtomicFile.WriteError) -> ExitCode {
    error.kind == .ioError ? Exit.ioError : Exit.cannotWrite
}

func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
}

struct Recheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "Re-run a decision record's answers against the current knowledge base.",
        discussion: """
        Example (in a scheduled CI job):
          runtime-advisor recheck docs/adr/0001-agent-runtime.md --format json

        Exit codes: 0 the decision holds, 1 another stack now wins, 65 the record cannot be read or its \
        answers block was edited after it was written (the report is still printed, that finding first), \
        66 the file cannot be opened, 74 the output could not be written.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The decision record (Markdown) to re-check.", valueName: "record"),
              completion: Completions.record)
    var record: String

    @Option(name: .long, help: "Output format: text, or json for scripts (the exit code is the same either way).")
    var format: Format = .text

    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var prices: PriceOptions

    func run() throws {
        let day = try today(knowledge.today)
        do {
            let recorded = try RecordReader.read(readText(record, what: "decision record"), file: record)
            let (engine, given) = try prices.engine(knowledge.engine(on: day), record: recorded, on: day)
            let result = try AdvisorRecord.Recheck.run(recorded, engine: engine, today: day, pricesGiven: given)
            switch format {
            case .text: try writeOutput(RecheckReport.render(result, engine: engine))
            case .json: try writeOutput(RecheckJSON.render(result, engine: engine, toolVersion: ToolVersion.current))
            }
            // An edited answers block means the record no longer says what it was written from.
            if recorded.answersMatchDigest == false { throw Exit.invalidInput }
            if !result.holds { throw Exit.changed }
        } catch let error as DiagnosticError {
            throw report(error)
        }
    }
}

struct Supersede: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supersede",
        abstract: "Write a new decision record into an ADR folder and mark an old one superseded by it.",
        discussion: """
        Example:
          runtime-advisor supersede docs/adr/0001-agent-runtime.md \\
              --answers new.yaml --adr-dir docs/adr
        """)

    @Argument(help: ArgumentHelp("The record to supersede.", valueName: "old-record"),
              completion: Completions.record)
    var old: String

    @Option(name: .long, help: ArgumentHelp("Answers file for the new decision; '-' reads standard input. Without it the old record's own answers are re-run against the current knowledge base.", valueName: "file"),
            completion: Completions.yamlFile)
    var answers: String?

    @Option(name: .customLong("adr-dir"), help: ArgumentHelp("ADR folder for the new record (created if missing).", valueName: "dir"),
            completion: .directory)
    var adrDirectory: String

    @OptionGroup var templates: TemplateOptions
    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var prices: PriceOptions

    /// Everything worked out before anything is written; the new number is chosen under the folder's lock.
    private struct Plan {
        var record: String
        var slug: String
        var oldText: String
        /// The new record's title, for the line that marks the old one.
        var title: String?
    }

    func run() throws {
        try refuseClashes(outputs: outputFiles, inputs: { inputFiles })
        let day = try today(knowledge.today)
        let plan: Plan
        do {
            plan = try makePlan(day: day)
        } catch let error as DiagnosticError {
            throw report(error)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            writeError("runtime-advisor: cannot write the record: \(error)")
            throw Exit.cannotWrite
        }
        // Check the old record can be replaced before writing anything: the folder of the file itself,
        // which for a symbolic link is its target's (the link stays a link).
        let target = realPathOrSelf(old)
        let oldFolder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        guard access(oldFolder, W_OK) == 0 else {
            writeError("runtime-advisor: cannot mark \(printablePath(old)) superseded: its folder \(printablePath(oldFolder)) is not writable; nothing was written")
            throw Exit.cannotWrite
        }
        // Both folders are locked, so of advisors superseding one record at once (into one folder or
        // several) the first marks it and the rest find it superseded.
        var oldText = plan.oldText
        let written = try writeNumbered(into: adrDirectory, slug: plan.slug, alsoLocking: [oldFolder], check: { _ in
            oldText = try currentOldRecord()
        }, render: { _ in plan.record }) { number, path in
            let marked: String
            do {
                // The old record links its successor from its own folder, which may not be the new one's.
                let successor = Successor(label: ADRFolder.label(number), link: relativePath(from: oldFolder, to: path),
                                          folder: sameFolder(oldFolder, adrDirectory) ? nil : adrDirectory, title: plan.title)
                marked = try RecordStatus.markSuperseded(oldText, by: successor, file: old)
            } catch {
                writeError("runtime-advisor: wrote \(printablePath(path)), but cannot mark \(printablePath(old)) superseded: \(error)")
                throw Exit.invalidInput
            }
            if let error = replaceFile(marked, at: old) {
                writeError("runtime-advisor: wrote \(printablePath(path)), but cannot mark \(printablePath(old)) superseded: \(error.reason); it is unchanged")
                throw writeExitCode(for: error)
            }
        }
        try writeOutput(written.path + "\n")
    }

    /// The old record as it is now, refused (73, nothing written) when it is superseded already. Read
    /// before the plan is made, and again under the folders' locks, where it decides: another advisor
    /// may have marked it in between.
    private func currentOldRecord() throws -> String {
        let text: String, status: String?
        do {
            text = try readText(old, what: "decision record")
            status = try RecordReader.read(text, file: old).status
        } catch {
            throw report(error)
        }
        if let status, status.hasPrefix("superseded") {
            writeError("runtime-advisor: cannot supersede \(printablePath(old)): it is already \(status); nothing was written")
            throw Exit.cannotWrite
        }
        return text
    }

    private func makePlan(day: Day) throws -> Plan {
        let oldText = try currentOldRecord()
        let recorded = try RecordReader.read(oldText, file: old)
        let engine = try prices.engine(knowledge.engine(on: day), record: recorded, on: day).engine
        let advice = try answers.map { try loadAdvice($0, engine: engine, day: day) }
            ?? engine.advise(try recorded.answers(questionnaire: engine.questionnaire), today: day)
        let template = try templates.load(screens: knowledge.screens)
        // Why: the old record re-checked against the knowledge base the new one is written with.
        let recheck = try AdvisorRecord.Recheck.run(recorded, engine: engine, today: day)
        let newDigest = SHA256.hex(RecordFingerprint.answersFile(advice.answers, questionnaire: engine.questionnaire, markDefaults: true))
        let oldFolder = (old as NSString).deletingLastPathComponent
        let superseded = SupersededRecord(number: ADRFolder.number(ofFileName: URL(fileURLWithPath: old).lastPathComponent),
                                          fileName: relativePath(from: adrDirectory, to: old), title: recorded.title,
                                          folder: sameFolder(oldFolder, adrDirectory) ? nil : (oldFolder.isEmpty ? "." : oldFolder),
                                          why: RecheckReport.why(recheck, answersChanged: newDigest != recorded.answersSHA256
                                                                     && answers != nil, engine: engine))
        // The old record must be one that can be marked: found out before anything is written.
        _ = try RecordStatus.markSuperseded(oldText, by: ADRFolder.label(1), file: old)
        let record = try TeamRecord.render(advice, engine: engine, options: RecordOptions(date: day, supersedes: superseded),
                                           template: template.text, file: template.file)
        return Plan(record: record.text, slug: record.slug, oldText: oldText,
                    title: try? RecordReader.read(record.text, file: "new record").title)
    }
}

private func replaceFile(_ text: String, at path: String) -> AtomicFile.WriteError? {
    do {
        try AtomicFile.write(text, to: path, replace: true)
        return nil
    } catch {
        return error
    }
}

/// Whether two folder paths name one folder (after following links); `""` is the current folder.
func sameFolder(_ first: String, _ second: String) -> Bool {
    realPathOrSelf(first.isEmpty ? "." : first) == realPathOrSelf(second.isEmpty ? "." : second)
}

/// A path as it may appear in a message: one line, control characters escaped.
func printablePath(_ path: String) -> String { PrintableText.escapedPath(path) }

/// The file a path names after following symbolic links, or the path itself when it cannot be resolved.
func realPathOrSelf(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// Parses an answers file and runs the engine on it.
func loadAdvice(_ path: String, engine: Engine, day: Day) throws(DiagnosticError) -> Advice {
    engine.advise(try loadAnswers(path, engine: engine), today: day)
}

/// Reads and validates an answers file; `-` is standard input.
func loadAnswers(_ path: String, engine: Engine) throws(DiagnosticError) -> Answers {
    try loadAnswersWithText(path, engine: engine).answers
}

/// Reads and validates an answers file, and returns its text too (for the comments a saved
/// consensus file carries); `-` is standard input.
func loadAnswersWithText(_ path: String, engine: Engine) throws(DiagnosticError) -> (answers: Answers, text: String) {
    // On a terminal the read would wait silently for typing that nobody knows is expected.
    if path == "-", isatty(0) != 0 {
        writeError("runtime-advisor: reading answers from standard input; end with Ctrl-D")
    }
    let bytes = try InputFile.read(path, maxBytes: AnswersParser.maxBytes, what: "answers file")
    let answers = try AnswersParser.parse(bytes: bytes, file: path == "-" ? "<stdin>" : path, questionnaire: engine.questionnaire)
    return (answers, String(decoding: bytes, as: UTF8.self))
}

/// The record for a run (and its team, if any), as every front end writes it; a template that does
/// not parse exits with 65.
func renderRecord(_ advice: Advice, team: TeamAdvice? = nil, engine: Engine, day: Day,
                  template: (text: String, file: String)) throws -> (text: String, slug: String, answersDigest: String) {
    do {
        return try TeamRecord.render(advice, team: team, engine: engine, options: RecordOptions(date: day),
                                     template: template.text, file: template.file)
    } catch {
        throw report(error)
    }
}

/// `file` as a link from inside `directory`: `0001-old.md` when both are in the same folder.
func relativePath(from directory: String, to file: String) -> String {
    let base = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
    let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
    var common = 0
    while common < base.count, common < target.count - 1, base[common] == target[common] { common += 1 }
    let ups = Array(repeating: "..", count: base.count - common)
    return (ups + target[common...]).joined(separator: "/")
}
