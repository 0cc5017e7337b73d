/// The footer of "key label" pairs, e.g. "q quit  ↑↓ move". Pairs are listed most important
/// first; those that do not fit whole are dropped from the end rather than cut mid-word.
public struct KeyHints: Sendable {
    public struct Hint: Hashable, Sendable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }

    public var hints: [Hint]
    public var keyStyle: Style
    public var labelStyle: Style
    public var separator: String

    public init(_ hints: [Hint], keyStyle: Style = .accent, labelStyle: Style = .hint, separator: String = "  ") {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.separator = separator
    }

    /// How many pairs fit in `width` columns.
    public func fittingCount(width: Int) -> Int {
        var used = 0
        for (i, hint) in hints.enumerated() {
            let pair = DisplayWidth.of(sanitized(hint.key)) + 1 + DisplayWidth.of(sanitized(hint.label))
            let needed = pair + (i > 0 ? DisplayWidth.of(separator) : 0)
            if used + needed > width { return i }
            used += needed
        }
        return hints.count
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (i, hint) in hints.prefix(fittingCount(width: area.width)).enumerated() {
            if i > 0 { x += grid.put(separator, x: x, y: area.y, style: labelStyle) }
            x += grid.put(hint.key, x: x, y: area.y, style: keyStyle)
            x += grid.put(" " + hint.label, x: x, y: area.y, style: labelStyle)
        }
    }
}
