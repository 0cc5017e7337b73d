import AdvisorTUI
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct WidthTests {
    @Test func widthsOfSampleCharacters() {
        #expect(DisplayWidth.of("a" as Character) == 1)
        #expect(DisplayWidth.of("é" as Character) == 1)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)  // decomposed é is one cluster
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("中" as Character) == 2)
        #expect(DisplayWidth.of("한" as Character) == 2)
        #expect(DisplayWidth.of("ｱ" as Character) == 1)  // halfwidth katakana
        #expect(DisplayWidth.of("Ａ" as Character) == 2)  // fullwidth Latin
        #expect(DisplayWidth.of("😀" as Character) == 2)
        #expect(DisplayWidth.of("─" as Character) == 1)
        #expect(DisplayWidth.of("█" as Character) == 1)
        #expect(DisplayWidth.of("\u{200D}" as Unicode.Scalar) == 0)  // zero-width joiner
        #expect(DisplayWidth.of("\u{FE0F}" as Unicode.Scalar) == 0)  // variation selector
        #expect(DisplayWidth.of("\u{00AD}" as Unicode.Scalar) == 1)  // soft hyphen is the Cf exception
        #expect(DisplayWidth.of("\u{303F}" as Unicode.Scalar) == 1)  // the hole in the CJK range
    }

    @Test func emojiPresentationSequencesTakeTwoColumns() {
        #expect(DisplayWidth.of("☺" as Character) == 1)
        #expect(DisplayWidth.of("☺\u{FE0F}" as Character) == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧" as Character) == 2)  // ZWJ sequence: first scalar's width
    }

    @Test func stringWidthCountsColumnsNotCharacters() {
        let text = "中文abc"
        #expect(text.count == 5)
        #expect(DisplayWidth.of(text) == 7)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
    }

    /// The terminal lays text out with the C library's wcwidth; if ours disagrees, every cell
    /// after the disagreement lands in the wrong column.
    @Test func agreesWithGlibcWcwidthInUTF8Locale() throws {
        #if canImport(Glibc)
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        // Glibc's Swift module hides wcwidth (it is an X/Open extension), so look it up by name.
        typealias WcWidth = @convention(c) (wchar_t) -> Int32
        let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: WcWidth.self)
        let samples: [Unicode.Scalar] = [
            "a", "Z", "~", " ", "é", "\u{301}", "中", "한", "ｱ", "Ａ", "😀", "─", "█",
            "✅", "🚀", "€", "…", "┌", "\u{200B}", "\u{3000}", "가",
        ]
        for scalar in samples {
            let libc = Int(wcwidth(wchar_t(scalar.value)))
            #expect(DisplayWidth.of(scalar) == libc, "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        #endif
    }

    @Test func truncateMeasuresDisplayWidth() {
        #expect(DisplayWidth.truncate("中文字符", to: 5) == "中文…")
        #expect(DisplayWidth.truncate("中文字符", to: 8) == "中文字符")
        #expect(DisplayWidth.truncate("abcd", to: 3) == "ab…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func sanitizeReplacesEveryControlCharacter() {
        for code in UInt32(0)...0x9F where code < 0x20 || code >= 0x7F {
            let scalar = Unicode.Scalar(code)!
            let expected = code == 9 ? " " : "\u{FFFD}"
            #expect(sanitized("x\(scalar)y") == "x\(expected)y", "code \(code)")
        }
        #expect(sanitized("plain ascii, é, 中") == "plain ascii, é, 中")
    }

    @Test func sanitizeNeutralisesEscapeSequencesAndBidiOverrides() {
        #expect(sanitized("\u{1B}[2Jgone") == "\u{FFFD}[2Jgone")
        #expect(sanitized("\u{9B}31m") == "\u{FFFD}31m")
        #expect(sanitized("a\tb") == "a b")
        #expect(sanitized("abc\u{202E}fed\u{202C}") == "abcfed")
        #expect(sanitized("\u{2066}x\u{2069}") == "x")
    }
}
