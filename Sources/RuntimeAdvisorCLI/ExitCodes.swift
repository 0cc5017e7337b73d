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
