import ArgumentParser
import AdvisorCore
import AdvisorFiles
#if canImport(Glibc)
import Glibc
#endif

/// The documented exit codes (sysexits.h).
enum Exit {
    static let done = ExitCode(0)
    static let changed = ExitCode(1)
    static let usage = ExitCode(64)
    static let invalidInput = ExitCode(65)
    static let unreadable = ExitCode(66)
    static let cannotWrite = ExitCode(73)
    /// A write failed part-way (full disk, I/O error, file size limit), standard output included.
    static let ioError = ExitCode(74)
    /// Ctrl-C in the wizard (128 + SIGINT, as a shell reports it).
    static let interrupted = ExitCode(130)

    /// Every code with what it means: in a few words for `--help`, in full for the man page.
    static let documented: [(code: ExitCode, brief: String?, full: String)] = [
        (done, "done", "Done: the report, record or script was written in full. A reader that goes away early (| head) "
            + "is normal use: the advisor stops writing quietly."),
        (changed, "recheck or kb diff found a change", "recheck found that a recorded decision no longer holds, or kb diff found "
            + "differences between two knowledge bases."),
        (usage, "usage", "Usage error: an unknown command or option (with the nearest name), an option given twice or "
            + "an empty path, an output that is also an input or another output, team with fewer than two files or one "
            + "file twice, compare without two different stacks, a stack id given to compare or --exclude that the "
            + "knowledge base lacks (with the nearest id) or --exclude ruling out every stack, or no terminal and no --answers."),
        (invalidInput, "invalid answers, knowledge base or record", "Invalid answers, knowledge base, price book, record "
            + "or template, every problem named at once as file:line:column; a file over its size cap; a record whose "
            + "answers block was edited after it was written (recheck still reports it); kb lint finding a stack that "
            + "can never win or a profile that loses its home ground; the plain questions' input ending before every "
            + "required question is answered."),
        (unreadable, "file unreadable", "A file that cannot be read: missing, a folder, no permission."),
        (cannotWrite, "cannot write (an existing file needs --force)", "A file that cannot be written: an existing file "
            + "without --force, a device or FIFO, a folder that cannot be written, a record already superseded, the "
            + "same answers already recorded in the ADR folder. The old file is left intact."),
        (ioError, "a write failed part-way (full disk, I/O error), standard output included", "A write that failed "
            + "part-way (a full disk, an I/O error, ulimit -f), standard output included: help, version and "
            + "completion scripts too, so a script never takes a truncated output for success."),
        (interrupted, nil, "Ctrl-C in the wizard or the team comparison view, after the terminal is restored."),
    ]

    /// The codes in one sentence, for the top-level help.
    static var briefSummary: String {
        "Exit codes: " + documented.compactMap { code, brief, _ in brief.map { "\(code.rawValue) \($0)" } }
            .joined(separator: ", ") + "."
    }
}

/// Prints every diagnostic to standard error and returns the matching exit code.
func report(_ error: DiagnosticError) -> ExitCode {
    writeError(error.description)
    return error.kind == .unreadable ? Exit.unreadable : Exit.invalidInput
}

func writeError(_ text: String) {
    StandardStreams.error(PrintableText.clean(text, keepNewlines: true) + (text.hasSuffix("\n") ? "" : "\n"))
}

/// Writes to standard output; a failed write (not a closed pipe) says so and ends the run with 74.
func writeOutput(_ text: String) throws {
    if case .failed(let error) = StandardStreams.output(text) {
        throw outputFailed(error)
    }
}

func outputFailed(_ error: Int32) -> ExitCode {
    writeError("runtime-advisor: cannot write to standard output: \(StandardStreams.describe(error)); the output is incomplete")
    return Exit.ioError
}

/// Today's date in UTC, or the date given for reproducible output.
func today(_ given: String?) throws -> Day {
    if let given {
        guard let day = Day(given) else { throw ValidationError("--today '\(given)' is not a date; expected YYYY-MM-DD") }
        return day
    }
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
}
