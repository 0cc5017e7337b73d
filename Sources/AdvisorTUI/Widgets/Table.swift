/// Rows under a header, columns sized fixed or flexibly, cells cut with "…" by display width,
/// one row optionally highlighted and kept in view.
public struct Table: Sendable {
    public enum ColumnWidth: Hashable, Sendable {
        case fixed(Int)
        /// Shares what fixed columns leave, by weight, never below `min`.
        case flexible(min: Int = 1, weight: Int = 1)
    }

    public struct Column: Sendable {
        public var title: String
        public var width: ColumnWidth
        /// Use `.right` for numbers so their digits line up.
        public var alignment: Alignment

        public init(_ title: String, width: ColumnWidth = .flexible(), alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public struct Row: Sendable {
        public var cells: [Span]

        public init(_ cells: [String], style: Style = .normal) {
            self.cells = cells.map { Span($0, style: style) }
        }

        public init(spans: [Span]) { cells = spans }
    }

    public var columns: [Column]
    public var rows: [Row]
    public var selected: Int?
    public var headerStyle: Style
    public var selectionStyle: Style
    public var columnSpacing: Int

    public init(columns: [Column], rows: [Row], selected: Int? = nil, headerStyle: Style = Style.title,
                selectionStyle: Style = .selection, columnSpacing: Int = 1) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.headerStyle = headerStyle
        self.selectionStyle = selectionStyle
        self.columnSpacing = columnSpacing
    }

    /// Column widths for a table `total` columns wide: fixed first, flexible share the rest;
    /// if even that overflows, columns on the right shrink first.
    public func columnWidths(total: Int) -> [Int] {
        let gaps = columnSpacing * max(0, columns.count - 1)
        let constraints: [LayoutConstraint] = columns.map {
            switch $0.width {
            case .fixed(let n): .fixed(n)
            case .flexible(let minimum, _): .fixed(minimum)
            }
        }
        var widths = LayoutConstraint.resolve(constraints, total: total - gaps)
        let extra = max(0, total - gaps - widths.reduce(0, +))
        let weights = columns.map { if case .flexible(_, let w) = $0.width { max(0, w) } else { 0 } }
        let shares = LayoutConstraint.resolve(weights.map { $0 > 0 ? .fill($0) : .fixed(0) }, total: extra)
        for i in widths.indices { widths[i] += shares[i] }
        return widths
    }

    /// First row shown when `visibleRows` rows fit, keeping the selection in view.
    public func firstVisibleRow(visibleRows: Int) -> Int {
        guard let selected, visibleRows > 0 else { return 0 }
        return max(0, selected - visibleRows + 1)
    }

    /// The row index at screen row `y` for a table drawn in `area` (for mouse clicks).
    public func row(atY y: Int, area: Rect) -> Int? {
        let index = y - area.y - 1 + firstVisibleRow(visibleRows: area.height - 1)
        guard y > area.y, y < area.maxY, rows.indices.contains(index) else { return nil }
        return index
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let widths = columnWidths(total: area.width)
        drawRow(columns.map { Span($0.title, style: headerStyle) }, widths: widths, x: area.x, y: area.y, into: &grid)
        let visible = area.height - 1
        let first = firstVisibleRow(visibleRows: visible)
        for (offset, index) in (first..<min(rows.count, first + visible)).enumerated() {
            let y = area.y + 1 + offset
            var cells = rows[index].cells
            if index == selected {
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selectionStyle)
                cells = cells.map { Span($0.text, style: selectionStyle) }
            }
            drawRow(cells, widths: widths, x: area.x, y: y, into: &grid)
        }
    }

    private func drawRow(_ cells: [Span], widths: [Int], x start: Int, y: Int, into grid: inout CellGrid) {
        var x = start
        for (i, column) in columns.enumerated() {
            let width = widths[i]
            if i < cells.count, width > 0 {
                let text = DisplayWidth.truncate(sanitized(cells[i].text), to: width)
                let offset = column.alignment.offset(used: DisplayWidth.of(text), available: width)
                grid.put(text, x: x + offset, y: y, style: cells[i].style, maxWidth: width - offset)
            }
            x += width + columnSpacing
        }
    }
}
