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
    /// `--theme high-contrast`, for projectors: no dim text anywhere, bold colours.
    public var isHighContrast = false

    public static let color = Palette(isMonochrome: false)
    public static let monochrome = Palette(isMonochrome: true)

    /// Colour only if the terminal has colours and NO_COLOR is unset or empty (no-color.org).
    public static func detect(environment: [String: String], terminalHasColors: Bool, highContrast: Bool = false) -> Palette {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var palette = terminalHasColors && !noColor ? Palette.color : .monochrome
        palette.isHighContrast = highContrast
        return palette
    }

    public func appearance(for style: Style) -> Appearance {
        var look = isMonochrome ? Self.monochromeLook(style.role) : Self.colorLook(style.role)
        if isHighContrast { look = isMonochrome ? Self.monochromeHighContrast(style.role, look) : Self.highContrastLook(style.role) }
        look.attributes.formUnion(style.flags)
        if isHighContrast { look.attributes.remove(.dim) }
        return look
    }

    private static func colorLook(_ role: StyleRole) -> Appearance {
        switch role {
        case .normal: Appearance()
        // Secondary content is plain, not dim: dim text washes out on a projector. Only the
        // chrome (key hints, scroll markers) is dim.
        case .dim: Appearance()
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

    /// Bold colours on the terminal's background and nothing dim, not even the chrome.
    private static func highContrastLook(_ role: StyleRole) -> Appearance {
        switch role {
        case .normal, .dim, .hint: Appearance()
        case .title: Appearance(.white, on: .terminalDefault, .bold)
        case .accent: Appearance(.yellow, on: .terminalDefault, .bold)
        case .selection: Appearance(.black, on: .yellow, .bold)
        case .good: Appearance(.green, on: .terminalDefault, .bold)
        case .warning: Appearance(.yellow, on: .terminalDefault, [.bold, .underline])
        case .bad: Appearance(.red, on: .terminalDefault, [.bold, .underline])
        case .chart1: Appearance(.cyan, on: .terminalDefault, .bold)
        case .chart2: Appearance(.magenta, on: .terminalDefault, .bold)
        case .chart3: Appearance(.yellow, on: .terminalDefault, .bold)
        case .chart4: Appearance(.green, on: .terminalDefault, .bold)
        case .chart5: Appearance(.blue, on: .terminalDefault, .bold)
        case .chart6: Appearance(.red, on: .terminalDefault, .bold)
        case .border: Appearance(.white)
        }
    }

    private static func monochromeHighContrast(_ role: StyleRole, _ look: Appearance) -> Appearance {
        var look = look
        look.attributes.remove(.dim)
        return look
    }

    // Chart series stay plain here: their marker characters tell them apart.
    private static func monochromeLook(_ role: StyleRole) -> Appearance {
        switch role {
        case .normal, .border: Appearance()
        case .chart1, .chart2, .chart3, .chart4, .chart5, .chart6: Appearance()
        case .dim: Appearance()
        case .hint: Appearance(.terminalDefault, on: .terminalDefault, .dim)
        case .title, .accent, .good: Appearance(.terminalDefault, on: .terminalDefault, .bold)
        case .selection: Appearance(.terminalDefault, on: .terminalDefault, .reverse)
        case .warning: Appearance(.terminalDefault, on: .terminalDefault, .underline)
        case .bad: Appearance(.terminalDefault, on: .terminalDefault, [.bold, .underline])
        }
    }
}
