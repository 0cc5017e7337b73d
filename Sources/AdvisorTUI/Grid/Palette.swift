/// The eight ANSI colours every colour terminal has, plus the terminal's own default.
public enum TerminalColor: Int, Hashable, Sendable {
    case terminalDefault = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How one cell looks on the terminal.
public struct Appearance: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(
        _ foreground: TerminalColor = .terminalDefault, on background: TerminalColor = .terminalDefault,
        _ attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// The one place where roles become colours and attributes. Monochrome keeps every role
/// distinguishable by attributes alone, so NO_COLOR users lose no information.
public struct Palette: Sendable {
    public let isMonochrome: Bool

    public static let color = Palette(isMonochrome: false)
    public static let monochrome = Palette(isMonochrome: true)

    /// Colour only if the terminal has colours and NO_COLOR is unset or empty (no-color.org).
    public static func detect(environment: [String: String], terminalHasColors: Bool) -> Palette {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return terminalHasColors && !noColor ? .color : .monochrome
    }

    public func appearance(for style: Style) -> Appearance {
        var look = isMonochrome ? Self.monochromeLook(style.role) : Self.colorLook(style.role)
        look.attributes.formUnion(style.flags)
        return look
    }

    private static func colorLook(_ role: StyleRole) -> Appearance {
        switch role {
        case .normal: Appearance()
        case .dim: Appearance(.terminalDefault, on: .terminalDefault, .dim)
        case .title: Appearance(.cyan, on: .terminalDefault, .bold)
        case .accent: Appearance(.yellow, on: .terminalDefault, .bold)
        case .selection: Appearance(.black, on: .cyan)
        case .good: Appearance(.green)
        case .warning: Appearance(.yellow, on: .terminalDefault, .bold)
        case .bad: Appearance(.red, on: .terminalDefault, .bold)
        case .chart1: Appearance(.cyan)
        case .chart2: Appearance(.magenta)
        case .chart3: Appearance(.yellow)
        case .chart4: Appearance(.green)
        case .chart5: Appearance(.blue)
        case .chart6: Appearance(.red)
        case .border: Appearance(.blue)
        case .hint: Appearance(.terminalDefault, on: .terminalDefault, .dim)
        }
    }

    // Chart series stay plain here: their marker characters tell them apart.
    private static func monochromeLook(_ role: StyleRole) -> Appearance {
        switch role {
        case .normal, .border: Appearance()
        case .chart1, .chart2, .chart3, .chart4, .chart5, .chart6: Appearance()
        case .dim, .hint: Appearance(.terminalDefault, on: .terminalDefault, .dim)
        case .title, .accent, .good: Appearance(.terminalDefault, on: .terminalDefault, .bold)
        case .selection: Appearance(.terminalDefault, on: .terminalDefault, .reverse)
        case .warning: Appearance(.terminalDefault, on: .terminalDefault, .underline)
        case .bad: Appearance(.terminalDefault, on: .terminalDefault, [.bold, .underline])
        }
    }
}
