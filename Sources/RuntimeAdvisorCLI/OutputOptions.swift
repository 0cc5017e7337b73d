import ArgumentParser
import AdvisorCore

/// Where a command's output goes, shared by the headless run and `team`.
struct DestinationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Write the output to this file instead of standard output (atomically).", valueName: "file"),
            completion: .file())
    var output: String?

    @Flag(name: .long, help: "Replace a file the command writes (--output, --save-consensus) if it exists; with --adr-dir, write even when a record there already holds the same answers.")
    var force = false

    @Option(name: .customLong("adr-dir"), help: ArgumentHelp("Write the decision record into this ADR folder as NNNN-title.md (the next free number) and print its path; the folder is created if missing.", valueName: "dir"),
            completion: .directory)
    var adrDirectory: String?

    func validate() throws {
        if adrDirectory != nil && output != nil {
            throw ValidationError("--adr-dir and --output cannot be used together: --adr-dir names the file itself")
        }
    }

    var destination: RecordDestination {
        adrDirectory.map { .adrFolder($0, force: force) } ?? output.map { .file($0, replace: force) } ?? .standardOutput
    }
}

/// How much of the text report to show, and in what colours.
struct TextOptions: ParsableArguments {
    @Option(name: .long, help: "How much of the text report: summary (one screen, the default), full (every section), why (summary and the scoring trace), costs (summary and the cost line items).")
    var detail: ReportDetail?

    @Option(name: .long, help: "Colour and bold in the text report: auto (on a terminal, unless NO_COLOR is set), always, or never.")
    var color: ColorChoice = .auto
}
