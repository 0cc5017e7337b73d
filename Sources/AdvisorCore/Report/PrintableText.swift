/// Text from answers files and knowledge bases is untrusted: before it reaches a terminal, a text
/// report or a record, nothing in it may start an escape sequence, move the cursor or reorder the line.
/// The wizard's cell grid, the text report and the decision record all pass text through `clean`.
public enum PrintableText {
    /// - C0 controls, DEL and C1 controls (U+0080–U+009F; U+009B is a one-byte CSI on some terminals)
    ///   become U+FFFD "�", one column wide, so a reader sees that something was there.
    /// - Tab, and the line and paragraph separators U+2028 and U+2029, become one space.
    /// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed.
    /// - Newlines are kept only when `keepNewlines` is set.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        clean(text, lineBreaks: keepNewlines ? .keep : .replace)
    }

    /// Report lines joined by newlines, each cleaned on its own: a newline inside one line's text (from
    /// a name or a knowledge-base sentence) shows as "�" and can never start a line of its own.
    public static func joinedLines(_ lines: [String]) -> String {
        lines.map { clean($0) }.joined(separator: "\n")
    }

    public static func clean(_ text: some StringProtocol, keepNewlines: Bool = false) -> String {
        clean(String(text), lineBreaks: keepNewlines ? .keep : .replace)
    }

    /// `clean`, with every line break (LF, CR, or CR LF together) made one space: the text on one line.
    public static func cleanOnOneLine(_ text: String) -> String { clean(text, lineBreaks: .space) }

    /// True when `clean` would change nothing.
    public static func isClean(_ text: some StringProtocol, keepNewlines: Bool = false) -> Bool {
        var text = String(text)
        return !text.withUTF8 { needsCleaning($0, lineBreaks: keepNewlines ? .keep : .replace) }
    }

    /// What becomes of LF and CR.
    enum LineBreaks {
        /// LF kept, CR replaced like any control character.
        case keep
        /// Both replaced like any control character.
        case replace
        /// Each LF, CR or CR LF pair becomes one space.
        case space
    }

    enum Action: Equatable {
        case keep, remove
        case replace(Unicode.Scalar)
    }

    /// Most text has nothing to change and is returned as it is, found by looking at its bytes alone;
    /// otherwise it is rebuilt in one pass over its scalars.
    static func clean(_ text: String, lineBreaks: LineBreaks) -> String {
        var text = text
        guard text.withUTF8({ needsCleaning($0, lineBreaks: lineBreaks) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar.value == 0x0D }
            if lineBreaks == .space, scalar.value == 0x0A || scalar.value == 0x0D {
                if !(afterCR && scalar.value == 0x0A) { out.append(0x20) }
                continue
            }
            switch action(scalar, keepNewlines: lineBreaks == .keep) {
            case .keep: UTF8.encode(scalar) { out.append($0) }
            case .replace(let replacement): UTF8.encode(replacement) { out.append($0) }
            case .remove: break
            }
        }
        return String(decoding: out, as: UTF8.self)
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

    /// True when some scalar in `bytes` (UTF-8) is one `clean` changes. Every such scalar is below
    /// U+0080, or encoded as C2 80–9F (C1 controls), E2 80 A8–AE (U+2028–U+202E) or E2 81 A6–A9
    /// (U+2066–U+2069); C2 and E2 only ever lead a scalar, so bytes alone tell, without decoding.
    static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>, lineBreaks: LineBreaks) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F {
                if !(byte == 0x0A && lineBreaks == .keep) { return true }
            } else if previous == 0xC2, byte <= 0x9F {
                return true
            } else if beforePrevious == 0xE2, previous == 0x80 && (0xA8...0xAE).contains(byte)
                        || previous == 0x81 && (0xA6...0xA9).contains(byte) {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
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
