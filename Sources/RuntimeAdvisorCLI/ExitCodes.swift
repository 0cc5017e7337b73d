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
}

/// Prints every diagnostic to standard error and returns the matching exit code.
func report(_ error: DiagnosticError) -> ExitCode {
    writeError(error.description)
    return error.kind == .unreadable ? Exit.unreadable : Exit.invalidInput
}

func writeError(_ text: String) {
    StandardStreams.error(PrintableText.clean(text, keepNewlines: true) + (text.hasSuffix("\n") ? "" : "\n"))
}

func writeOutput(_ text: String) {
    StandardStreams.output(text)
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
