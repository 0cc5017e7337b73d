import ArgumentParser
import AdvisorCore
#if canImport(Glibc)
import Glibc
#endif

/// `--color auto|always|never`, as in git and ripgrep. `auto` colours only a terminal, and not when
/// NO_COLOR is set to anything non-empty (no-color.org) or TERM is dumb; `always` and `never` win over both.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// The style for text written to `destination`: a file given with --output is never a terminal.
    func style(toStandardOutput: Bool) -> TextStyle {
        switch self {
        case .always: return .ansi
        case .never: return .plain
        case .auto:
            let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            return toStandardOutput && isatty(1) == 1 && noColor.isEmpty && term != "dumb" ? .ansi : .plain
        }
    }
}
