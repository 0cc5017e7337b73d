/// The footer of "key label" pairs, e.g. "q quit  ↑↓ move", drawn in the order given. When not
/// all fit, the least important (highest `priority` number) are left out whole, never cut, so
/// `? help` and the keys that move between steps survive at 80 columns; the rest are in `?`.
public struct KeyHints: Sendable {
    public struct Hint: Hashable, Sendable {
        public var key: String
        public var label: String
        /// 0 is kept longest; equal priorities drop from the end.
        public var priority: Int
        public init(_ key: String, _ label: String, priority: Int = 5) {
            self.key = key
            self.label = label
            self.priority = priority
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
    public func fittingCount(width: Int) -> Int { fitting(width: width).count }

    /// The pairs shown in `width` columns: taken by priority while they fit, shown in order.
    public func fitting(width: Int) -> [Hint] {
        let order = hints.indices.sorted { (hints[$0].priority, $0) < (hints[$1].priority, $1) }
        var chosen = Set<Int>()
        var used = 0
        for index in order {
            let hint = hints[index]
            let pair = DisplayWidth.of(sanitized(hint.key)) + 1 + DisplayWidth.of(sanitized(hint.label))
            let needed = pair + (chosen.isEmpty ? 0 : DisplayWidth.of(separator))
            if used + needed > width { break }
            used += needed
            chosen.insert(index)
        }
        return hints.indices.filter(chosen.contains).map { hints[$0] }
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (i, hint) in fitting(width: area.width).enumerated() {
            if i > 0 { x += grid.put(separator, x: x, y: area.y, style: labelStyle) }
            x += grid.put(hint.key, x: x, y: area.y, style: keyStyle)
            x += grid.put(" " + hint.label, x: x, y: area.y, style: labelStyle)
        }
    }
}
