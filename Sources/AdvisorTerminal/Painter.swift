import AdvisorTUI
import Cncursesw

/// Turns one grid cell into an ncurses wide-character cell: palette attributes, a colour pair
/// allocated on first use, and the character's scalars in the form setcchar accepts.
struct Painter {
    let palette: Palette
    /// Whether use_default_colors worked, so -1 means "the terminal's own colour".
    let defaultColors: Bool
    /// The locale cannot encode non-ASCII text; show "?" rather than mojibake.
    let asciiOnly: Bool
    private var pairs: [Int: Int16] = [:]

    init(palette: Palette, defaultColors: Bool, asciiOnly: Bool) {
        self.palette = palette
        self.defaultColors = defaultColors
        self.asciiOnly = asciiOnly
    }

    mutating func paint(_ cell: Cell, x: Int, y: Int, screenWidth: Int, window: UnsafeMutablePointer<WINDOW>) {
        let look = palette.appearance(for: cell.style)
        let attributes = attributes(look.attributes)
        let pair = palette.isMonochrome ? 0 : colorPair(look.foreground, look.background)
        var character = cell.character
        var padRight = false  // draw the right half of a two-column cell as a space ourselves
        if cell.width == 2 && x + 1 >= screenWidth {
            character = " "  // its right half would be off screen and wrap
        } else if asciiOnly && !character.isASCII {
            character = "?"
            padRight = cell.width == 2
        } else if !character.isASCII {
            (character, padRight) = Self.agreeingWithLibc(character, gridWidth: cell.width)
        }
        put(character, x: x, y: y, attributes: attributes, pair: pair, window: window)
        if padRight && x + 1 < screenWidth {
            put(" ", x: x + 1, y: y, attributes: attributes, pair: pair, window: window)
        }
    }

    /// ncurses advances by the C library's wcwidth, which can differ from the grid's (newer
    /// Unicode data, emoji). Keep the row aligned anyway: a character libc thinks narrower is
    /// padded with a space; one it thinks wider, or cannot print, becomes "�".
    static func agreeingWithLibc(_ character: Character, gridWidth: Int) -> (Character, padRight: Bool) {
        guard let base = character.unicodeScalars.first else { return (" ", false) }
        let libc = Int(shim_wcwidth(wchar_t(bitPattern: base.value)))
        if libc == gridWidth { return (character, false) }
        if libc == 1 && gridWidth == 2 { return (character, true) }
        return ("\u{FFFD}", gridWidth == 2)
    }

    private func put(_ character: Character, x: Int, y: Int, attributes: attr_t, pair: Int16,
                     window: UnsafeMutablePointer<WINDOW>) {
        var text = Self.wideCharacters(character)
        var cell = cchar_t()
        setcchar(&cell, &text, attributes, pair, nil)
        // ERR at the bottom-right cell only means the cursor could not advance; the cell is set.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    /// The base scalar plus up to four combining marks (CCHARW_MAX is 5), NUL-terminated. Joiners
    /// and the rest of an emoji sequence are dropped: terminals disagree on how wide they are.
    static func wideCharacters(_ character: Character) -> [wchar_t] {
        var scalars = character.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return [wchar_t(32), 0] }
        var result = [wchar_t(bitPattern: base.value)]
        while let next = scalars.next(), result.count < 5 {
            switch next.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: result.append(wchar_t(bitPattern: next.value))
            default: break
            }
        }
        return result + [0]
    }

    private func attributes(_ flags: TextAttributes) -> attr_t {
        var value = shim_a_normal()
        if flags.contains(.bold) { value |= shim_a_bold() }
        if flags.contains(.reverse) { value |= shim_a_reverse() }
        if flags.contains(.underline) { value |= shim_a_underline() }
        if flags.contains(.dim) { value |= shim_a_dim() }
        return value
    }

    private mutating func colorPair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int16 {
        if foreground == .terminalDefault && background == .terminalDefault { return 0 }
        let key = (foreground.rawValue + 1) * 16 + background.rawValue + 1
        if let pair = pairs[key] { return pair }
        let pair = Int16(pairs.count + 1)
        guard Int32(pair) < shim_color_pairs() else { return 0 }
        // Without default-colour support, "default" has to be a concrete colour.
        let fg = foreground == .terminalDefault && !defaultColors ? TerminalColor.white : foreground
        let bg = background == .terminalDefault && !defaultColors ? TerminalColor.black : background
        init_pair(pair, Int16(fg.rawValue), Int16(bg.rawValue))
        pairs[key] = pair
        return pair
    }
}
