/// A row of tab titles, " One │ Two │ Three ", with the selected one highlighted.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int
    public var style: Style
    public var selectedStyle: Style
    public var charset: Charset

    public init(titles: [String], selected: Int, style: Style = .normal, selectedStyle: Style = .selection,
                charset: Charset = .unicode) {
        self.titles = titles
        self.selected = selected
        self.style = style
        self.selectedStyle = selectedStyle
        self.charset = charset
    }

    /// Screen columns each tab covers when drawn in `area`, same order as `titles`; a tab that
    /// does not fit gets an empty range. Pure, so clicks can be hit-tested without drawing.
    public func layout(area: Rect) -> [Range<Int>] {
        var x = area.x
        return titles.map { title in
            let start = min(x, area.maxX)
            let end = min(x + DisplayWidth.of(sanitized(title)) + 2, area.maxX)
            x += DisplayWidth.of(sanitized(title)) + 3  // padding either side plus the divider
            return start..<max(start, end)
        }
    }

    /// The tab under screen column `x`, if any.
    public func index(atX x: Int, area: Rect) -> Int? {
        layout(area: area).firstIndex { $0.contains(x) }
    }

    @discardableResult
    public func render(into grid: inout CellGrid, area: Rect) -> [Range<Int>] {
        let ranges = layout(area: area)
        guard !area.isEmpty else { return ranges }
        let divider = charset == .unicode ? "│" : "|"
        for (i, range) in ranges.enumerated() where !range.isEmpty {
            let tabStyle = i == selected ? selectedStyle : style
            grid.put(" " + titles[i] + " ", x: range.lowerBound, y: area.y, style: tabStyle,
                     maxWidth: range.count)
            if range.upperBound < area.maxX, i < titles.count - 1 {
                grid.put(divider, x: range.upperBound, y: area.y, style: .dim)
            }
        }
        return ranges
    }
}
