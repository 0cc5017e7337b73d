import AdvisorCore
@testable import AdvisorRecord
import Testing

/// Escaping works on UTF-8 bytes in one pass. On text where every character is one scalar (nearly
/// all text) it must give the same bytes as the character-at-a-time code it replaced, kept here as the
/// definition; where a combining mark follows a Markdown mark, it escapes the mark, which the old code
/// did not (Markdown reads code points, so the mark was live).
@Suite struct MarkdownFastPathTests {
    /// Pieces of text, each one scalar per character: no combining marks or joiners.
    static let alphabet: [String] = [
        "a", "Z", "w", "W", "7", " ", "  ", ".", ":", "/", "-", "+", "=", "#", "*", "_", "[", "]", "<", ">", "|", "~",
        "&", "$", "!", "`", "\\", "(", ")", "…", "—", "é", "×", "€", "\n", "\r", "\r\n", "\t", "\u{1}", "\u{7F}",
        "\u{85}", "\u{2028}", "\u{202E}", "\u{2066}", "\u{FEFF}", "😀", "www", "https://x.example", "1.", "2)", "---", "###",
    ]

    static func corpus(seed: UInt64, count: Int = 4000) -> [String] {
        var random = SeededRandom(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
    }

    @Test func escapingIsUnchangedWhereEachCharacterIsOneScalar() {
        for text in Self.corpus(seed: 11) {
            #expect(MarkdownText.oneLine(text) == OldMarkdown.oneLine(text), "\(text.debugDescription)")
            #expect(MarkdownText.escape(text) == OldMarkdown.escape(text), "\(text.debugDescription)")
            #expect(MarkdownText.code(text) == OldMarkdown.code(text), "\(text.debugDescription)")
            #expect(MermaidText.label(text) == OldMarkdown.label(text), "\(text.debugDescription)")
        }
    }

    /// `*` then U+0301 is one character but two code points; CommonMark sees the `*`.
    @Test func aMarkCarryingACombiningMarkIsStillEscaped() {
        #expect(MarkdownText.escape("*\u{301}x*") == "\\*\u{301}x\\*")
        #expect(MarkdownText.escape("a_\u{301}b") == "a\\_\u{301}b")
        #expect(MarkdownText.escape("x:\u{301}//y") == "x:\u{301}//y")  // `:` is not followed by `//`
    }

    @Test func oneLineKeepsCharactersAtItsEdges() {
        // A space carrying a combining mark is a character of its own, not a space, so it stays; the
        // plain space before it goes, and so do the spaces (one a line break) after the text.
        #expect(MarkdownText.oneLine("  \u{301}a \r\n ") == " \u{301}a")
    }
}

/// The code the byte-level escaping replaced, as it was.
enum OldMarkdown {
    static func escape(_ raw: String) -> String {
        let characters = Array(oneLine(raw))
        var out = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$", "!", "#":
                out.append("\\")
            case ":" where characters[(index + 1)...].starts(with: ["/", "/"]):
                out.append("\\")
            case "." where isAfterWWW(characters, index):
                out.append("\\")
            default:
                break
            }
            out.append(character)
        }
        return escapeBlockStart(out)
    }

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

    static func isAfterWWW(_ characters: [Character], _ index: Int) -> Bool {
        guard index >= 3, String(characters[(index - 3)..<index]).lowercased() == "www" else { return false }
        return index == 3 || !(characters[index - 4].isLetter || characters[index - 4].isNumber)
    }

    static func oneLine(_ raw: String) -> String {
        let flat = String(raw.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        let clean = PrintableText.clean(flat)
        return String(clean.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    static func code(_ raw: String) -> String {
        let text = oneLine(raw)
        var longest = 0, current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        let ticks = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return ticks + pad + text + pad + ticks
    }

    static func label(_ raw: String) -> String {
        var out = ""
        for character in oneLine(raw) {
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
