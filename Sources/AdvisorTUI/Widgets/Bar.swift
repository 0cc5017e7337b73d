/// A horizontal bar for a fraction 0…1, drawn with eighth blocks so small differences between
/// candidates still show. Layout: `label bar value`, the bar taking what the texts leave.
public struct Bar: Sendable {
    public var fraction: Double
    public var label: String
    /// Columns reserved for the label, so bars in a list line up (nil: the label's own width).
    public var labelWidth: Int?
    /// Shown after the bar, e.g. "$1.2k".
    public var valueText: String
    public var style: Style
    public var labelStyle: Style
    public var charset: Charset

    public init(fraction: Double, label: String = "", labelWidth: Int? = nil, valueText: String = "",
                style: Style = .accent, labelStyle: Style = .normal, charset: Charset = .unicode) {
        self.fraction = fraction
        self.label = label
        self.labelWidth = labelWidth
        self.valueText = valueText
        self.style = style
        self.labelStyle = labelStyle
        self.charset = charset
    }

    /// Index = number of eighths; the full block is drawn separately.
    static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        var x = area.x
        let labelColumns = min(labelWidth ?? DisplayWidth.of(label), area.width)
        if labelColumns > 0 {
            grid.put(DisplayWidth.truncate(sanitized(label), to: labelColumns), x: x, y: area.y,
                     style: labelStyle, maxWidth: labelColumns)
            x += labelColumns + 1
        }
        let valueColumns = valueText.isEmpty ? 0 : DisplayWidth.of(valueText) + 1
        let barWidth = area.maxX - x - valueColumns
        if barWidth > 0 {
            grid.put(Self.barText(fraction: fraction, width: barWidth, charset: charset),
                     x: x, y: area.y, style: style, maxWidth: barWidth)
        }
        if valueColumns > 0 {
            grid.put(valueText, x: area.maxX - valueColumns + 1, y: area.y, style: labelStyle,
                     maxWidth: valueColumns - 1)
        }
    }

    /// Exactly `width` columns: full blocks, one partial eighth block, then spaces.
    public static func barText(fraction: Double, width: Int, charset: Charset) -> String {
        guard width > 0 else { return "" }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        if charset == .ascii {
            let full = Int((clamped * Double(width)).rounded())
            return String(repeating: "#", count: full) + String(repeating: " ", count: width - full)
        }
        let total = Int((clamped * Double(width * 8)).rounded())
        let full = total / 8, rest = total % 8
        var text = String(repeating: "█", count: full)
        if rest > 0 { text.append(eighths[rest]) }
        return text + String(repeating: " ", count: width - full - (rest > 0 ? 1 : 0))
    }
}
