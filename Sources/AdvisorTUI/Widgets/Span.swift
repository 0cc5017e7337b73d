/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }

    public var width: Int { DisplayWidth.of(text) }
}

public enum Alignment: Hashable, Sendable {
    case left, center, right

    /// Left offset of something `used` columns wide inside `available` columns.
    func offset(used: Int, available: Int) -> Int {
        switch self {
        case .left: 0
        case .center: max(0, (available - used) / 2)
        case .right: max(0, available - used)
        }
    }
}

/// Unicode line drawing where the terminal can show it, plain ASCII where it can't.
public enum Charset: Hashable, Sendable {
    case unicode, ascii
}

extension CellGrid {
    /// Puts spans one after another on a row; returns the columns used.
    @discardableResult
    public mutating func put(spans: [Span], x: Int, y: Int, maxWidth: Int) -> Int {
        var used = 0
        for span in spans {
            guard used < maxWidth else {
                noteCut(Substring(span.text), row: y)
                continue
            }
            used += put(span.text, x: x + used, y: y, style: span.style, maxWidth: maxWidth - used)
        }
        return used
    }
}
