/// A rectangle of cells. Width and height never go negative, so layout arithmetic that runs out
/// of room yields empty rects instead of crashes.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right), h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    /// A rect of at most the given size, centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// Rows stacked top to bottom, sized by the constraints.
    public func splitRows(_ constraints: [LayoutConstraint]) -> [Rect] {
        var top = y
        return LayoutConstraint.resolve(constraints, total: height).map { size in
            defer { top += size }
            return Rect(x: x, y: top, width: width, height: size)
        }
    }

    /// Columns side by side, left to right, sized by the constraints.
    public func splitColumns(_ constraints: [LayoutConstraint]) -> [Rect] {
        var left = x
        return LayoutConstraint.resolve(constraints, total: width).map { size in
            defer { left += size }
            return Rect(x: left, y: y, width: size, height: height)
        }
    }
}

/// How much of a split one part gets.
public enum LayoutConstraint: Hashable, Sendable {
    /// Exactly this many cells (less if the space runs out; earlier parts win).
    case fixed(Int)
    /// This percentage of the whole, rounded down.
    case percent(Int)
    /// A share of what fixed and percent parts left over, by weight.
    case fill(Int = 1)

    /// Sizes for each constraint; they never add up to more than `total`.
    public static func resolve(_ constraints: [LayoutConstraint], total: Int) -> [Int] {
        var remaining = max(0, total)
        var sizes = [Int](repeating: 0, count: constraints.count)
        for (i, c) in constraints.enumerated() {
            let wanted: Int
            switch c {
            case .fixed(let n): wanted = max(0, n)
            case .percent(let p): wanted = max(0, total) * max(0, min(100, p)) / 100
            case .fill: continue
            }
            sizes[i] = min(wanted, remaining)
            remaining -= sizes[i]
        }
        let weights = constraints.map { if case .fill(let w) = $0 { max(0, w) } else { 0 } }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        var given = 0
        for i in constraints.indices where weights[i] > 0 {
            sizes[i] = remaining * weights[i] / totalWeight
            given += sizes[i]
        }
        // Hand out the rounding leftovers one cell at a time, first fills first.
        var leftover = remaining - given
        for i in constraints.indices where weights[i] > 0 && leftover > 0 {
            sizes[i] += 1
            leftover -= 1
        }
        return sizes
    }
}
