/// Text from answers files and knowledge bases is untrusted: before it reaches a terminal, a text
/// report or a record, nothing in it may start an escape sequence, move the cursor or reorder the line.
/// The wizard's cell grid, the text report and the decision record all pass text through `clean`.
public enum PrintableText {
    /// - C0 controls, DEL and C1 controls (U+0080–U+009F; U+009B is a one-byte CSI on some terminals)
    ///   become U+FFFD "�", one column wide, so a reader sees that something was there.
    /// - Tab, and the line and paragraph separators U+2028 and U+2029, become one space.
    /// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed.
    /// - Newlines are kept only when `keepNewlines` is set.
    public static func clean(_ text: some StringProtocol, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { action($0, keepNewlines: keepNewlines) != .keep }) else {
            return String(text)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch action(scalar, keepNewlines: keepNewlines) {
            case .keep: result.append(scalar)
            case .replace(let replacement): result.append(replacement)
            case .remove: break
            }
        }
        return String(result)
    }

    /// Report lines joined by newlines, each cleaned on its own: a newline inside one line's text (from
    /// a name or a knowledge-base sentence) shows as "�" and can never start a line of its own.
    public static func joinedLines(_ lines: [String]) -> String {
        lines.map { clean($0) }.joined(separator: "\n")
    }

    /// True when `clean` would change nothing.
    public static func isClean(_ text: some StringProtocol, keepNewlines: Bool = false) -> Bool {
        !text.unicodeScalars.contains { action($0, keepNewlines: keepNewlines) != .keep }
    }

    enum Action: Equatable {
        case keep, remove
        case replace(Unicode.Scalar)
    }

    static func action(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Action {
        switch scalar.value {
        case 0x0A where keepNewlines: return .keep
        case 0x09, 0x2028, 0x2029: return .replace(" ")
        case 0x00...0x1F, 0x7F...0x9F: return .replace("\u{FFFD}")
        case 0x202A...0x202E, 0x2066...0x2069: return .remove
        default: return .keep
        }
    }

    /// A file name as it appears in a message: control characters (a newline could forge a second
    /// error line), bidi controls, zero-width characters and backslashes are written as escapes, so one
    /// path stays one line and reads as what it is.
    public static func escapedPath(_ path: some StringProtocol) -> String {
        guard path.unicodeScalars.contains(where: needsEscape) else { return String(path) }
        var result = ""
        for scalar in path.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x5C: result += "\\\\"
            case _ where needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u{" + hex + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x5C, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069,
             0xFEFF: return true
        default: return false
        }
    }
}
