/// An in-memory screen. Widgets draw here; a backend copies it to the terminal; tests read it back
/// as text. Every string is sanitised on the way in, so no widget can forget to.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major: cell (x, y) is at y * width + x.
    public private(set) var cells: [Cell]
    /// Text that did not fit where it was put and was dropped without a marker, as (row, text).
    /// Layout should wrap, shorten or end in "…" instead; tests read this to find silent cuts.
    public private(set) var silentCuts: [(row: Int, dropped: String)] = []
    /// The terminal can show only ASCII: text is folded to ASCII stand-ins as it is put.
    public var asciiOnly = false

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Writes `text` from (x, y) rightwards on one row and returns the columns used. Stops at
    /// `maxWidth` columns and at the grid's edge; a two-column character that would be cut is
    /// drawn as a single space instead, so nothing is ever half-drawn.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil
    ) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        var clean = sanitized(text)
        if asciiOnly {
            // "…" became "...": when that no longer fits, end in "..." at the limit instead.
            let folded = ASCIIFold.fold(clean)
            let room = limit - max(x, 0)
            if DisplayWidth.of(folded) > room, DisplayWidth.of(clean) <= room, clean.hasSuffix("…") {
                clean = DisplayWidth.truncate(ASCIIFold.fold(clean.dropLast()) + "...", to: room, ellipsis: "...")
            } else {
                clean = folded
            }
        }
        for (offset, character) in zip(clean.indices, clean) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }  // a stray mark with nothing to sit on takes no cell
            if col + w > limit {
                noteCut(clean[offset...], row: y)
                if col < limit, col >= 0 { place(" ", width: 1, x: col, y: y, style: style) }
                if col < limit { col += 1 }
                break
            }
            if col < 0 {
                // Clipped on the left: the visible half of a wide character becomes a space.
                for c in max(0, col)..<max(0, col + w) { place(" ", width: 1, x: c, y: y, style: style) }
            } else {
                place(character, width: w, x: col, y: y, style: style)
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Records dropped text unless it is only spaces (padding may always be cut).
    mutating func noteCut(_ rest: Substring, row: Int) {
        if rest.contains(where: { $0 != " " }) { silentCuts.append((row, String(rest))) }
    }

    /// Fills the part of `rect` inside the grid with `character`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let clipped = rect.intersection(area)
        let text = asciiOnly ? String(ASCIIFold.fold(sanitized(String(character))).prefix(1)) : sanitized(String(character))
        guard let ch = text.first else { return }
        let w = max(1, DisplayWidth.of(ch))
        for y in clipped.y..<clipped.maxY {
            var x = clipped.x
            while x < clipped.maxX {
                if x + w > clipped.maxX {
                    place(" ", width: 1, x: x, y: y, style: style)
                } else {
                    place(ch, width: w, x: x, y: y, style: style)
                }
                x += w
            }
        }
    }

    /// Changes the style of the cells in `rect` and keeps their characters (row highlights).
    public mutating func setStyle(_ rect: Rect, style: Style) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x].style = style }
        }
    }

    private mutating func place(_ character: Character, width w: Int, x: Int, y: Int, style: Style) {
        breakWideCharacter(at: x, y: y)
        if w == 2 { breakWideCharacter(at: x + 1, y: y) }
        cells[y * width + x] = Cell(character, style: style)
        if w == 2 { cells[y * width + x + 1] = .continuation(style) }
    }

    /// Overwriting either half of a two-column character blanks its other half, so the grid
    /// never holds a lead without its continuation or the reverse.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        } else if cells[i].width == 2, x + 1 < width {
            cells[i + 1] = Cell(" ", style: cells[i].style)
        }
    }

    /// Each row as text, trailing spaces kept so every line shows the grid's exact width.
    public func plainLines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !cells[y * width + x].isContinuation {
                line.append(cells[y * width + x].character)
            }
            return line
        }
    }

    public func plainText() -> String { plainLines().joined(separator: "\n") }

    /// Each row as one `StyleRole.code` per column (continuations repeat their lead's code), so
    /// tests can check roles separately from text.
    public func styleLines() -> [String] {
        (0..<height).map { y in String(cells[(y * width)..<(y * width + width)].map(\.style.role.code)) }
    }

    public func styleMap() -> String { styleLines().joined(separator: "\n") }

    // What is on screen decides equality; how it got there does not.
    public static func == (lhs: CellGrid, rhs: CellGrid) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}
