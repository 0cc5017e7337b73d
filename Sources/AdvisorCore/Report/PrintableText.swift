/// Text from answers files and knowledge bases is untrusted: before it reaches a terminal or a text
/// report, control characters and bidirectional overrides are neutralised so nothing can inject
/// escape sequences or reorder what a reader sees.
public enum PrintableText {
    /// Replaces C0 and C1 controls and DEL with U+FFFD, tabs with a space, and drops bidi overrides.
    /// Newlines are kept only when `keepNewlines` is set.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines: result.append(scalar)
            case 0x09: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: result.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// True when `clean` would change nothing.
    public static func isClean(_ text: String, keepNewlines: Bool = false) -> Bool {
        clean(text, keepNewlines: keepNewlines) == text
    }
}
