/// Terminal column widths, computed from Unicode data in the standard library so layout never
/// depends on the process locale (the wizard may run under LANG=C in CI).
///
/// Follows Markus Kuhn's mk_wcwidth: combining and format characters take no column, East Asian
/// Wide/Fullwidth characters take two. Emoji with default emoji presentation (Unicode 9 made them
/// East Asian Wide) also take two, because glibc and current terminals draw them that way and a
/// disagreement with the terminal would shift every later cell on the row.
public enum DisplayWidth {
    /// Columns taken by one scalar. Controls count 0: the grid sanitises them away before layout.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }  // fast path; includes the soft hyphen, which mk_wcwidth draws
        if isZeroWidth(scalar) { return 0 }
        return isWide(v) || scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// Columns taken by a grapheme cluster: its first scalar's width, except that a base followed
    /// by the emoji variation selector (U+FE0F) is drawn as a two-column emoji.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let width = of(first)
        if width == 1, scalars.contains("\u{FE0F}") { return 2 }
        return width
    }

    /// Columns taken by a whole string (sum over its grapheme clusters).
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Hangul medial vowels and final consonants attach to the preceding initial consonant.
        if v >= 0x1160 && v <= 0x11FF { return true }
        if v == 0x200B { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (v >= 0x1100 && v <= 0x115F)  // Hangul Jamo initial consonants
            || v == 0x2329 || v == 0x232A  // angle brackets
            || (v >= 0x2E80 && v <= 0xA4CF && v != 0x303F)  // CJK ... Yi
            || (v >= 0xAC00 && v <= 0xD7A3)  // Hangul syllables
            || (v >= 0xF900 && v <= 0xFAFF)  // CJK compatibility ideographs
            || (v >= 0xFE10 && v <= 0xFE19)  // vertical forms
            || (v >= 0xFE30 && v <= 0xFE6F)  // CJK compatibility forms
            || (v >= 0xFF00 && v <= 0xFF60)  // fullwidth forms
            || (v >= 0xFFE0 && v <= 0xFFE6)
            || (v >= 0x1F300 && v <= 0x1F64F)  // pictographs, emoticons
            || (v >= 0x1F900 && v <= 0x1F9FF)  // supplemental symbols and pictographs
            || (v >= 0x20000 && v <= 0x2FFFD)
            || (v >= 0x30000 && v <= 0x3FFFD)
    }

    /// `text` with its middle replaced by `ellipsis` so it fits in `width`: the start and the end
    /// (a path's file name) stay.
    public static func truncateMiddle(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard of(text) > width else { return text }
        let room = max(0, width - of(ellipsis))
        let headRoom = room * 2 / 5
        let head = truncate(text, to: headRoom, ellipsis: "")
        var tail = ""
        var used = 0
        for character in text.reversed() {
            let w = of(character)
            if used + w > room - of(head) { break }
            used += w
            tail.insert(character, at: tail.startIndex)
        }
        return head + ellipsis + tail
    }

    /// Like `truncate`, but a cut falls between words when there is a space in the second half,
    /// so a shortened label never ends in half a word: "How many sessions does…".
    public static func truncateAtWord(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard of(text) > width else { return text }
        var cut = String(truncate(text, to: width, ellipsis: "").dropLast(of(ellipsis)))
        let next = text.dropFirst(cut.count).first
        if next != " ", let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= cut.count / 2 {
            cut = String(cut[..<space])
        }
        while cut.hasSuffix(" ") { cut.removeLast() }
        return cut + ellipsis
    }

    /// The longest prefix of `text` that fits in `width` columns; if `text` had to be cut, the
    /// prefix ends with `ellipsis` (itself counted in the width).
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = max(0, width - of(ellipsis))
        var used = 0
        var result = ""
        for character in text {
            let w = of(character)
            if used + w > room { break }
            used += w
            result.append(character)
        }
        return of(ellipsis) <= width ? result + ellipsis : result
    }
}
