/// "Step 3 of 7 ██████░░░░░░" for the wizard's position. The unfilled part is drawn (light shade
/// or "-") so the length of the whole journey is visible in monochrome too.
public struct ProgressBar: Sendable {
    public var step: Int
    public var total: Int
    public var style: Style
    public var charset: Charset

    public init(step: Int, of total: Int, style: Style = .accent, charset: Charset = .unicode) {
        self.step = step
        self.total = total
        self.style = style
        self.charset = charset
    }

    public var label: String { "Step \(step) of \(total)" }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let used = grid.put(label, x: area.x, y: area.y, style: .normal, maxWidth: area.width)
        let barWidth = area.width - used - 1
        guard barWidth > 0 else { return }
        let fraction = total > 0 ? Double(min(max(step, 0), total)) / Double(total) : 0
        let filled = Int((fraction * Double(barWidth)).rounded())
        let (on, off): (Character, Character) = charset == .unicode ? ("█", "░") : ("#", "-")
        let x = area.x + used + 1
        grid.put(String(repeating: on, count: filled), x: x, y: area.y, style: style)
        grid.put(String(repeating: off, count: barWidth - filled), x: x + filled, y: area.y, style: .dim)
    }
}
