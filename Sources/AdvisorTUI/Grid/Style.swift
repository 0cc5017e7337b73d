/// What a piece of text means, not what colour it is: the palette decides the look, so colour
/// and monochrome terminals get the same screens.
public enum StyleRole: CaseIterable, Hashable, Sendable {
    case normal, dim, title, accent, selection, good, warning, bad
    /// One per candidate stack in charts and tables.
    case chart1, chart2, chart3, chart4, chart5, chart6
    case border, hint

    /// The chart role for the n-th series (0-based), cycling after six.
    public static func chart(_ index: Int) -> StyleRole {
        let roles: [StyleRole] = [.chart1, .chart2, .chart3, .chart4, .chart5, .chart6]
        return roles[((index % roles.count) + roles.count) % roles.count]
    }

    /// One character per role, for compact style maps in tests and golden files.
    public var code: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .title: "T"
        case .accent: "a"
        case .selection: "S"
        case .good: "g"
        case .warning: "w"
        case .bad: "b"
        case .chart1: "1"
        case .chart2: "2"
        case .chart3: "3"
        case .chart4: "4"
        case .chart5: "5"
        case .chart6: "6"
        case .border: "B"
        case .hint: "h"
        }
    }
}

/// Attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// A role plus emphasis flags the widget wants on top of it.
public struct Style: Hashable, Sendable {
    public var role: StyleRole
    public var flags: TextAttributes

    public init(_ role: StyleRole = .normal, flags: TextAttributes = []) {
        self.role = role
        self.flags = flags
    }

    public static let normal = Style(.normal)
    public static let dim = Style(.dim)
    public static let title = Style(.title)
    public static let accent = Style(.accent)
    public static let selection = Style(.selection)
    public static let good = Style(.good)
    public static let warning = Style(.warning)
    public static let bad = Style(.bad)
    public static let border = Style(.border)
    public static let hint = Style(.hint)

    public var bold: Style { adding(.bold) }
    public var reverse: Style { adding(.reverse) }
    public var underline: Style { adding(.underline) }

    public func adding(_ extra: TextAttributes) -> Style {
        Style(role, flags: flags.union(extra))
    }
}
