/// How the text report reaches the reader: plain bytes, or ANSI colour and bold for a terminal.
/// Which one is the command line's choice (a terminal, NO_COLOR, --color); this only draws.
public enum TextStyle: String, Sendable, CaseIterable {
    case plain, ansi

    /// What a line of the text report is, read off the report's own layout: section headings start
    /// at column 0, everything under them is indented.
    enum Tone: Equatable {
        case normal, heading, recommendation, warning, failure

        init(of line: String) {
            if line.hasPrefix("Recommendation") || line.hasPrefix("Conditional recommendation") { self = .recommendation }
            else if line.hasPrefix("WARNING") || line.hasPrefix("No stack meets every floor") || line.hasPrefix("  Before accepting")
                        || line.hasPrefix("  Otherwise") || line.hasPrefix("  Tie") { self = .warning }
            else if line.hasPrefix(" ") && (line.contains(" FAILS ") || line.contains(" FAILS:") || line.hasSuffix(" FAILS")) { self = .failure }
            else if line.hasPrefix(" ") && line.contains(" unverified") && line.first(where: { $0 != " " })?.isNumber == true { self = .warning }
            else if let first = line.first, first != " " { self = .heading }
            else { self = .normal }
        }

        /// Select Graphic Rendition parameters: bold green, bold yellow, red, bold.
        var sgr: String? {
            switch self {
            case .normal: nil
            case .heading: "1"
            case .recommendation: "1;32"
            case .warning: "1;33"
            case .failure: "31"
            }
        }
    }

    /// Styles each line of an already cleaned report. Escape sequences are added only here, after
    /// `PrintableText.clean`, so none can come from answers or the knowledge base.
    public func apply(to report: String) -> String {
        guard self == .ansi else { return report }
        return report.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let sgr = Tone(of: String(line)).sgr, !line.isEmpty else { return String(line) }
            return "\u{1B}[\(sgr)m" + line + "\u{1B}[0m"
        }.joined(separator: "\n")
    }
}
