import AdvisorCore

/// Escaping for text that goes into a decision record. Answers and knowledge bases are untrusted, so
/// every value reaches the template already made safe for where it goes: Markdown prose and table
/// cells, code spans, fenced blocks, Mermaid labels or YAML scalars.
public enum MarkdownText {
    /// One line of Markdown that renders as exactly the text given: no table break, link, image, raw
    /// HTML, URL autolink, emphasis, strikethrough, code span, heading (or its closing `#`s), list,
    /// quote, entity or math. E-mail addresses may still become mailto links under GFM's autolink. Control characters and
    /// bidirectional overrides are removed; line breaks become spaces.
    public static func escape(_ raw: String) -> String {
        let characters = Array(oneLine(raw))
        var out = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$", "!", "#":
                out.append("\\")
            case ":" where characters[(index + 1)...].starts(with: ["/", "/"]):
                out.append("\\")  // `https://…` would become a link
            case "." where isAfterWWW(characters, index):
                out.append("\\")  // so would `www.…`
            default:
                break
            }
            out.append(character)
        }
        return escapeBlockStart(out)
    }

    /// Escapes what would make the start of a line a block: an ATX heading (`# `), a list item
    /// (`- `, `+ `, `1. `, `1) `), a thematic break or setext underline (`---`, `===`).
    static func escapeBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        func endsMarker(_ rest: Substring) -> Bool { rest.first.map { $0 == " " } ?? true }
        let hashes = text.prefix { $0 == "#" }
        if !hashes.isEmpty, hashes.count <= 6, endsMarker(text.dropFirst(hashes.count)) { return "\\" + text }
        if "-+".contains(first), endsMarker(text.dropFirst()) { return "\\" + text }
        if "-=".contains(first), text.allSatisfy({ $0 == first || $0 == " " }) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let rest = text.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 9, let marker = rest.first, marker == "." || marker == ")",
           endsMarker(rest.dropFirst()) {
            return digits + "\\" + rest
        }
        return text
    }

    private static func isAfterWWW(_ characters: [Character], _ index: Int) -> Bool {
        guard index >= 3, String(characters[(index - 3)..<index]).lowercased() == "www" else { return false }
        return index == 3 || !(characters[index - 4].isLetter || characters[index - 4].isNumber)
    }

    /// The text on one line: control characters removed, line breaks and tabs as spaces, trimmed.
    public static func oneLine(_ raw: String) -> String {
        let flat = String(raw.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        let clean = PrintableText.clean(flat)
        return String(clean.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// An inline code span, delimited by a backtick run longer than any inside the text.
    public static func code(_ raw: String) -> String {
        let text = oneLine(raw)
        let ticks = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return ticks + pad + text + pad + ticks
    }

    /// The fence line for a fenced block holding `content`: backticks, at least three, and more than
    /// any run of backticks inside, so nothing in the content can close the block early.
    public static func fence(for content: String) -> String {
        String(repeating: "`", count: max(3, longestRun(of: "`", in: content) + 1))
    }

    /// A link destination that cannot end the link early: bytes outside `A-Z a-z 0-9 - . _ /` are
    /// percent-encoded.
    public static func linkDestination(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let isSafe = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || Array("-._/".utf8).contains(byte)
            if isSafe {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            current = character == mark ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

/// Labels for Mermaid flowcharts: in double quotes, with every character Mermaid or the HTML it
/// renders to could read as syntax replaced by one of Mermaid's `#code;` entities.
public enum MermaidText {
    public static func label(_ raw: String) -> String {
        var out = ""
        for character in MarkdownText.oneLine(raw) {
            switch character {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "`": out += "#96;"
            case "|": out += "#124;"
            case ";": out += "#59;"
            case "\\": out += "#92;"
            default: out.append(character)
            }
        }
        return "\"" + out + "\""
    }
}

/// Scalars for the record's YAML front matter.
public enum YAMLText {
    /// A double-quoted YAML string, escaped; control characters and bidi overrides removed first.
    public static func quoted(_ raw: String) -> String { AnswersWriter.quoted(PrintableText.clean(raw)) }

    /// A flow list of double-quoted strings: `["a", "b"]`.
    public static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
}
