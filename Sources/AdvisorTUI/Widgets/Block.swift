/// A box around an area, with an optional title set into the top border.
public struct Block: Sendable {
    public var title: String?
    public var borderStyle: Style
    public var titleStyle: Style
    public var charset: Charset

    public init(title: String? = nil, borderStyle: Style = .border, titleStyle: Style = .title,
                charset: Charset = .unicode) {
        self.title = title
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.charset = charset
    }

    /// The area inside the border (empty if the area is too small for one).
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the border and title; returns the inner area for the content.
    @discardableResult
    public func render(into grid: inout CellGrid, area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let (h, v, tl, tr, bl, br): (Character, Character, Character, Character, Character, Character) =
            charset == .unicode ? ("─", "│", "┌", "┐", "└", "┘") : ("-", "|", "+", "+", "+", "+")
        let right = area.maxX - 1, bottom = area.maxY - 1
        grid.fill(Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), with: h, style: borderStyle)
        grid.fill(Rect(x: area.x + 1, y: bottom, width: area.width - 2, height: 1), with: h, style: borderStyle)
        grid.fill(Rect(x: area.x, y: area.y + 1, width: 1, height: area.height - 2), with: v, style: borderStyle)
        grid.fill(Rect(x: right, y: area.y + 1, width: 1, height: area.height - 2), with: v, style: borderStyle)
        grid.put(String(tl), x: area.x, y: area.y, style: borderStyle)
        grid.put(String(tr), x: right, y: area.y, style: borderStyle)
        grid.put(String(bl), x: area.x, y: bottom, style: borderStyle)
        grid.put(String(br), x: right, y: bottom, style: borderStyle)
        // "┌ Title ───┐": one space either side, cut with "…" rather than running into the corner.
        if let title, !title.isEmpty, area.width >= 5 {
            let text = DisplayWidth.truncate(sanitized(title), to: area.width - 4)
            grid.put(" " + text + " ", x: area.x + 1, y: area.y, style: titleStyle, maxWidth: area.width - 2)
        }
        return inner(area)
    }
}
