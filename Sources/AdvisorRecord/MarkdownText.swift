import AdvisorCore

/// Escaping for text that goes into a decision record. Answers and knowledge bases are untrusted, so
/// every value reaches the template already made safe for where it goes: Markdown prose and table
/// cells, code spans, fenced blocks, Mermaid labels or YAML scalars.
public enum MarkdownText {
    /// One line of Markdown that renders as exactly the text given: no table break, link, image, raw
    /// HTML, URL autolink, emphasis, strikethrough, code span, heading (or its closing `#`s), list,
    /// quote, entity or math. E-mail addresses may still become mailto links under GFM's autolink. Control characters and
    /// bidirectional overrides are removed; line breaks become spaces.
    ///
    /// Markdown's syntax is ASCII, so this works on UTF-8 bytes in one pass; a mark is escaped even
    /// when a combining character follows it, since Markdown reads code points, not what they draw.
    public static func escape(_ raw: String) -> String {
        var text = oneLine(raw)
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            guard bytes.contains(where: Self.mayNeedEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: ":") where index + 2 < bytes.count && bytes[index + 1] == slash && bytes[index + 2] == slash:
                    out.append(backslash)  // `https://…` would become a link
                case UInt8(ascii: ".") where isAfterWWW(bytes, index):
                    out.append(backslash)  // so would `www.…`
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                     UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"),
                     UInt8(ascii: "&"), UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "#"):
                    out.append(backslash)  // the marks escaped wherever they are
                default:
                    break
                }
                out.append(byte)
            }
            return out
        }
        return escapeBlockStart(escaped.map { String(decoding: $0, as: UTF8.self) } ?? text)
    }

    private static let backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")

    /// The marks escaped wherever they are, and `:` and `.`, escaped in `://` and `www.`.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "$"),
             UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }

    /// Escapes what would make the start of a line a block: an ATX heading (`# `), a list item
    /// (`- `, `+ `, `1. `, `1) `), a thematic break or setext underline (`---`, `===`).
    static func escapeBlockStart(_ text: String) -> String {
        // Every block marker starts with one of these bytes, so most text is done at its first byte.
        guard let byte = text.utf8.first, byte == UInt8(ascii: "#") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "=") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte),
              let first = text.first else { return text }
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

    /// True when the `.` at `index` follows `www` (any case) that starts the text or follows a
    /// character that is neither a letter nor a digit.
    private static func isAfterWWW(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index >= 3, bytes[(index - 3)..<index].allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") }) else { return false }
        guard index > 3 else { return true }
        let before = scalar(endingAt: index - 4, in: bytes)
        return !(before.properties.isAlphabetic || before.properties.numericType != nil)
    }

    /// The scalar whose UTF-8 encoding ends at `last`.
    private static func scalar(endingAt last: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var start = last
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }  // back over continuation bytes
        var decoder = UTF8()
        var iterator = bytes[start...last].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// The text on one line: control characters removed, line breaks and tabs as spaces, trimmed.
    public static func oneLine(_ raw: String) -> String {
        var line = Substring(PrintableText.cleanOnOneLine(raw))
        while line.first == " " { line.removeFirst() }
        while line.last == " " { line.removeLast() }
        return String(line)
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

    static func longestRun(of mark: Unicode.Scalar, in text: String) -> Int {
        var longest = 0, current = 0
        for byte in text.utf8 {
            current = byte == mark.value ? current + 1 : 0
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
        for scalar in MarkdownText.oneLine(raw).unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "`": out += "#96;"
            case "|": out += "#124;"
            case ";": out += "#59;"
            case "\\": out += "#92;"
            default: out.unicodeScalars.append(scalar)
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
