@testable import AdvisorCore
import Testing

/// Cleaning, measuring and JSON strings work on UTF-8 bytes with ASCII fast paths. Their
/// output must be the same, byte for byte, as the character-at-a-time code they replaced, which is
/// kept here as the definition and run on thousands of generated strings full of what makes text
/// hard: controls, line breaks in three forms, bidi and zero-width marks, combining marks, symbols.
@Suite struct TextFastPathTests {
    /// Pieces random text is made of, several of them more than one scalar.
    static let alphabet: [String] = [
        "a", "Z", "7", " ", " ", "  ", ".", "-", "#", "*", "|", "\\", "\"", "…", "—", "é", "e\u{301}", "\u{301}", "×", "€",
        "\n", "\r", "\r\n", "\t", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}", "\u{2028}", "\u{2029}",
        "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "😀", "🇫🇷",
        "word", "Firecracker", "www", "https://x.example",
    ]

    static func corpus(seed: UInt64, count: Int = 3000, alphabet: [String] = alphabet) -> [String] {
        var random = SeededRandom(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
    }

    @Test func cleaningIsTheSameAsScalarByScalar() {
        for text in Self.corpus(seed: 1) {
            for keep in [false, true] {
                #expect(PrintableText.clean(text, keepNewlines: keep) == Reference.clean(text, keepNewlines: keep), "\(text.debugDescription)")
                #expect(PrintableText.isClean(text, keepNewlines: keep) == (Reference.clean(text, keepNewlines: keep) == text))
            }
            // Substrings take the same path.
            #expect(PrintableText.clean(text.dropFirst()) == Reference.clean(String(text.dropFirst()), keepNewlines: false))
        }
    }

    /// One line: LF, CR and CR LF each become one space (CR LF is one character), then the text is cleaned.
    @Test func oneLineCleaningTurnsEachLineBreakIntoOneSpace() {
        #expect(PrintableText.cleanOnOneLine("a\r\nb\nc\rd\r\r\ne\t\u{2028}f") == "a b c d  e  f")
        for text in Self.corpus(seed: 2) {
            let flat = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
            #expect(PrintableText.cleanOnOneLine(text) == Reference.clean(flat, keepNewlines: false), "\(text.debugDescription)")
        }
    }

    @Test func widthCountsScalarsThatAreNotCombiningMarks() {
        // "e" and U+0301 are one column; "—" and "€" one each: 1 + 1 + 1 + 1 = 4.
        #expect(TextTable.width("e\u{301}—€a") == 4)
        for text in Self.corpus(seed: 3) {
            #expect(TextTable.width(text) == Reference.width(text), "\(text.debugDescription)")
        }
    }

    @Test func jsonStringsAreTheSameAsScalarByScalar() {
        for text in Self.corpus(seed: 5) {
            var fast: [UInt8] = [], reference: [UInt8] = []
            JSONValue.writeString(text, into: &fast)
            Reference.writeString(text, into: &reference)
            #expect(fast == reference, "\(text.debugDescription)")
        }
    }

    /// Question ids are read as `split(separator: ".")` reads them, odd ones too.
    @Test func sectionAndKeyAreTheIdsParts() throws {
        var question = try #require(shippedEngine.questionnaire.questions.first)
        for id in ["workload.agents", "a.b.c", "a..b", ".a.b.", "..", "", "plain", "a.", ".a", "a.b..c.", "é.ü\u{301}.x"] {
            question.id = id
            #expect(question.section == String(id.split(separator: ".").first ?? ""), "\(id)")
            #expect(question.key == id.split(separator: ".").dropFirst().joined(separator: "."), "\(id)")
        }
    }
}

/// The code the fast paths replaced, as it was.
enum Reference {
    static func clean(_ text: String, keepNewlines: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines: result.append(scalar)
            case 0x09, 0x2028, 0x2029: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: result.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069: break
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    static func width(_ text: String) -> Int { text.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.count }

    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x22: out += "\\\"".utf8
            case 0x5C: out += "\\\\".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0D: out += "\\r".utf8
            case 0x09: out += "\\t".utf8
            case 0x20..<0x7F: out.append(UInt8(value))
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200B...0x200F, 0x2060, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                let hex = String(value, radix: 16)
                out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default:
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
