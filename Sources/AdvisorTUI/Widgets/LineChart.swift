#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cost against idle fraction for several candidate stacks, in plain character cells.
///
/// Each series has its own style role *and* marker character, so the chart reads in monochrome.
/// Layout, top to bottom: legend, marker labels (if any), plot, x axis, x labels; y labels sit
/// left of the axis.
public struct LineChart: Sendable {
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public struct Series: Sendable {
        public var name: String
        /// The name without figures, for the overlap note: "Agent 365".
        public var shortName: String
        public var points: [Point]
        public var style: Style
        public var marker: Character

        public init(name: String, points: [Point], style: Style, marker: Character, shortName: String? = nil) {
            self.name = name
            self.shortName = shortName ?? name
            self.points = points
            self.style = style
            self.marker = marker
        }

        /// The n-th candidate's series with its default role and marker.
        public init(name: String, points: [Point], index: Int, shortName: String? = nil) {
            let markers = LineChart.defaultMarkers
            self.init(name: name, points: points, style: Style(.chart(index)),
                      marker: markers[((index % markers.count) + markers.count) % markers.count], shortName: shortName)
        }
    }

    /// A labelled vertical line, e.g. where two candidates break even.
    public struct Marker: Sendable {
        public var x: Double
        public var label: String
        public var style: Style
        public init(x: Double, label: String, style: Style = .warning) {
            self.x = x
            self.label = label
            self.style = style
        }
    }

    /// ASCII, because ambiguous-width symbols like ● take two columns in CJK terminals.
    public static let defaultMarkers: [Character] = ["*", "+", "o", "x", "#", "%", "=", "~"]
    /// Drawn where two or more series fall on the same cell, so no line hides under another.
    public static let overlapMarker: Character = "@"

    /// How money maps to rows. `fitted` spans only the data, so close series separate; `log`
    /// spreads series that differ by orders of magnitude.
    public enum YScale: Hashable, Sendable {
        case fromZero, fitted, log

        public var label: String {
            switch self {
            case .fromZero: "from $0"
            case .fitted: "zoomed to the data"
            case .log: "log scale"
            }
        }
    }

    public var series: [Series]
    public var markers: [Marker]
    public var xRange: ClosedRange<Double>
    /// nil: from 0 (or the lowest value, if negative) to a round number above the highest.
    public var yRange: ClosedRange<Double>?
    public var axisStyle: Style
    public var charset: Charset
    /// Draw the series in reverse, so where lines overlap the first one (the most important) shows.
    public var drawsFirstSeriesOnTop = false
    public var yScale: YScale = .fromZero

    /// Log when the values differ by more than 20 times (one line would flatten the rest), else
    /// zoomed to the data so close values land on different rows.
    public static func automaticScale(_ series: [Series]) -> YScale {
        let values = series.flatMap { $0.points.map(\.y) }.filter { $0 > 0 && $0.isFinite }
        guard let low = values.min(), let high = values.max() else { return .fitted }
        return high / low >= 20 ? .log : .fitted
    }

    public init(series: [Series], markers: [Marker] = [], xRange: ClosedRange<Double> = 0...0.95,
                yRange: ClosedRange<Double>? = nil, axisStyle: Style = .dim, charset: Charset = .unicode) {
        self.series = series
        self.markers = markers
        self.xRange = xRange
        self.yRange = yRange
        self.axisStyle = axisStyle
        self.charset = charset
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let (overlaps, planned) = legendAndPlan(area: area)
        guard let plan = planned else {
            _ = drawLegend(into: &grid, area: area, overlapEntry: overlaps)
            return
        }
        _ = drawLegend(into: &grid, area: area, overlapEntry: overlaps)
        let scale = plan.scale, axisX = plan.axisX, axisY = plan.axisY
        drawAxes(into: &grid, plot: scale.plot, axisX: axisX, axisY: axisY)
        var usedRows = Set<Int>()
        for value in plan.yTicks {
            let label = ChartFormat.dollars(value)
            let row = scale.row(value)
            guard usedRows.insert(row).inserted else { continue }
            grid.put(label, x: axisX - DisplayWidth.of(label), y: row, style: axisStyle)
            grid.put(charset == .unicode ? "┤" : "+", x: axisX, y: row, style: axisStyle)
        }
        for (value, column) in xTicks(plotWidth: scale.plot.width, scale: scale) {
            grid.put(charset == .unicode ? "┬" : "+", x: column, y: axisY, style: axisStyle)
            let label = ChartFormat.percent(value)
            let width = DisplayWidth.of(label)
            let x = min(max(area.x, column - width / 2), area.maxX - width)
            grid.put(label, x: x, y: axisY + 1, style: axisStyle)
        }
        drawMarkers(into: &grid, scale: scale, labelRow: scale.plot.y - 1, area: area)
        for (cell, owners) in plan.cells {
            if owners.count > 1 {
                grid.put(String(Self.overlapMarker), x: cell.x, y: cell.y, style: .normal)
            } else if let owner = owners.first {
                grid.put(String(series[owner].marker), x: cell.x, y: cell.y, style: series[owner].style)
            }
        }
    }

    struct Cell: Hashable {
        var x: Int
        var y: Int
    }

    /// Where everything goes for this area: the scale, the ticks and which series cover each cell.
    struct Plan {
        var scale: Scale
        var axisX: Int
        var axisY: Int
        var yTicks: [Double]
        var cells: [Cell: [Int]]
    }

    /// The overlap entry and the plan it is drawn with. The entry's length can change how many rows the
    /// legend takes, and so the plot and which lines share cells: the names are kept only when the plot
    /// they are drawn beside is the one they were read from; otherwise the entry says "lines overlap".
    func legendAndPlan(area: Rect) -> (String?, Plan?) {
        let bare = plan(area: area, overlapEntry: nil)
        guard let bare, bare.cells.values.contains(where: { $0.count > 1 }) else { return (nil, bare) }
        // Some cells are shared; the entry takes legend room, which can change the plot.
        guard let generic = plan(area: area, overlapEntry: "lines overlap") else { return ("lines overlap", nil) }
        guard generic.cells.values.contains(where: { $0.count > 1 }) else {
            // With the entry's room taken no cell is shared any more: draw that plot, without the entry.
            return (nil, generic)
        }
        // Read the names off a plot, plan again with them, until the names describe the plot they sit
        // beside (a few rounds at most; the legend can only grow or shrink by a row).
        var entry = overlapLabel(generic)
        for _ in 0..<3 {
            guard let next = plan(area: area, overlapEntry: entry) else { break }
            let label = next.cells.values.contains(where: { $0.count > 1 }) ? overlapLabel(next) : nil
            if label == entry { return (entry, next) }
            guard let label else { break }
            entry = label
        }
        return ("lines overlap", generic)
    }

    /// Names the lines that share rows for most of the plot ("Agent 365 and Google GEAP overlap"),
    /// so the room knows what '@' hides; otherwise just "lines overlap".
    func overlapLabel(_ plan: Plan) -> String {
        var shared: [Set<Int>: Int] = [:]
        for owners in plan.cells.values where owners.count > 1 { shared[Set(owners), default: 0] += 1 }
        let names = shared.filter { $0.value * 2 >= plan.scale.plot.width }
            .sorted { ($0.value, $1.key.min() ?? 0) > ($1.value, $0.key.min() ?? 0) }
            .prefix(2)
            .map { group in
                let names = group.key.sorted().map { series[$0].shortName }
                return names.count > 2 ? names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
                    : names.joined(separator: " and ")
            }
        return names.isEmpty ? "lines overlap" : names.joined(separator: "; ") + " overlap"
    }

    func plan(area: Rect, overlapEntry: String?) -> Plan? {
        var scratch = CellGrid(width: area.maxX, height: area.maxY)
        let legendRows = drawLegend(into: &scratch, area: area, overlapEntry: overlapEntry)
        let top = area.y + legendRows + (markers.isEmpty ? 0 : 1)
        let axisY = area.maxY - 2
        let plotHeight = axisY - top
        guard plotHeight >= 2 else { return nil }
        let yTicks = self.yTicks(plotHeight: plotHeight)
        let yLo = yTicks.first ?? 0, yHi = max(yTicks.last ?? 1, yLo + 1e-9)
        let axisX = area.x + (yTicks.map { DisplayWidth.of(ChartFormat.dollars($0)) }.max() ?? 0)
        let plot = Rect(x: axisX + 1, y: top, width: area.maxX - axisX - 1, height: plotHeight)
        guard plot.width >= 4 else { return nil }
        let scale = Scale(plot: plot, xRange: xRange, yLo: yLo, yHi: yHi, log: yScale == .log)
        var cells: [Cell: [Int]] = [:]
        for (index, line) in series.enumerated() {
            for cell in Set(cellsOf(line, scale: scale)) { cells[cell, default: []].append(index) }
        }
        return Plan(scale: scale, axisX: axisX, axisY: axisY, yTicks: yTicks, cells: cells)
    }

    /// Maps data to cells. Columns and rows are rounded to the nearest cell.
    struct Scale {
        let plot: Rect
        let xRange: ClosedRange<Double>
        let yLo: Double, yHi: Double
        var log = false

        func column(_ x: Double) -> Int {
            let span = max(xRange.upperBound - xRange.lowerBound, 1e-9)
            return plot.x + Int(((x - xRange.lowerBound) / span * Double(plot.width - 1)).rounded())
        }

        /// On a log scale values at or below the lowest tick sit on the bottom row.
        func row(_ y: Double) -> Int {
            let t: (Double) -> Double = log ? { log10(max($0, yLo)) } : { $0 }
            let fraction = (t(yHi) - t(y)) / max(t(yHi) - t(yLo), 1e-12)
            return plot.y + Int((min(1, max(0, fraction)) * Double(plot.height - 1)).rounded())
        }

        func x(atColumn column: Int) -> Double {
            xRange.lowerBound
                + (xRange.upperBound - xRange.lowerBound) * Double(column - plot.x) / Double(max(1, plot.width - 1))
        }
    }

    func yTicks(plotHeight: Int) -> [Double] {
        if let yRange {
            return ChartFormat.niceTicks(lo: yRange.lowerBound, hi: yRange.upperBound, count: max(2, plotHeight / 3 + 1))
                .filter { $0 >= yRange.lowerBound - 1e-9 && $0 <= yRange.upperBound + 1e-9 }
        }
        let values = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        let count = min(5, max(2, plotHeight / 3 + 1))
        switch yScale {
        case .fromZero:
            let lo = min(0, values.min() ?? 0)
            let hi = max(values.max() ?? 1, lo + 1)
            return ChartFormat.niceTicks(lo: lo, hi: hi, count: count)
        case .fitted:
            let lo = values.min() ?? 0, hi = values.max() ?? 1
            // A flat chart still gets a little room either side.
            let pad = hi - lo < 1e-9 ? max(1, abs(hi) * 0.05) : 0
            return ChartFormat.niceTicks(lo: lo - pad, hi: hi + pad, count: count)
        case .log:
            let positive = values.filter { $0 > 0 }
            var lo = 1.0
            while lo * 10 <= (positive.min() ?? 1) { lo *= 10 }
            var ticks = [lo]
            while ticks.last! < (positive.max() ?? 10) { ticks.append(ticks.last! * 10) }
            if ticks.count < 2 { ticks.append(lo * 10) }
            return ticks
        }
    }

    /// Percent ticks at least six columns apart, always including both ends of the range.
    func xTicks(plotWidth: Int, scale: Scale) -> [(Double, Int)] {
        let span = xRange.upperBound - xRange.lowerBound
        guard span > 0 else { return [(xRange.lowerBound, scale.column(xRange.lowerBound))] }
        let columnsPer = Double(plotWidth - 1) / span
        let step = [0.05, 0.1, 0.25, 0.5, 1].first { $0 * columnsPer >= 6 } ?? span
        var ticks: [(Double, Int)] = []
        var value = (xRange.lowerBound / step).rounded(.up) * step
        while value < xRange.upperBound - 1e-9 {
            ticks.append((value, scale.column(value)))
            value += step
        }
        let end = (xRange.upperBound, scale.column(xRange.upperBound))
        while let last = ticks.last, end.1 - last.1 < 6 { ticks.removeLast() }
        return ticks + [end]
    }

    private func drawAxes(into grid: inout CellGrid, plot: Rect, axisX: Int, axisY: Int) {
        let (v, h, corner): (Character, Character, String) = charset == .unicode ? ("│", "─", "└") : ("|", "-", "+")
        grid.fill(Rect(x: axisX, y: plot.y, width: 1, height: plot.height), with: v, style: axisStyle)
        grid.fill(Rect(x: plot.x, y: axisY, width: plot.width, height: 1), with: h, style: axisStyle)
        grid.put(corner, x: axisX, y: axisY, style: axisStyle)
    }

    /// Legend entries "* name" packed onto as many rows as they need (none is ever dropped; an
    /// entry wider than the area ends in "…"); returns the rows used.
    private func drawLegend(into grid: inout CellGrid, area: Rect, overlapEntry: String?) -> Int {
        guard !series.isEmpty else { return 0 }
        var entries = series.map { (String($0.marker) + " " + sanitized($0.name), $0.style) }
        if let overlapEntry { entries.append((String(Self.overlapMarker) + " " + overlapEntry, .normal)) }
        var row = 0, x = area.x
        for (text, style) in entries {
            let entry = DisplayWidth.truncate(text, to: area.width)
            let width = DisplayWidth.of(entry)
            if x > area.x, x + width > area.maxX {
                row += 1
                x = area.x
            }
            x += grid.put(entry, x: x, y: area.y + row, style: style, maxWidth: area.maxX - x) + 2
        }
        return row + 1
    }

    private func drawMarkers(into grid: inout CellGrid, scale: Scale, labelRow: Int, area: Rect) {
        let line: Character = charset == .unicode ? "┊" : ":"
        for marker in markers where xRange.contains(marker.x) {
            let column = scale.column(marker.x)
            grid.fill(Rect(x: column, y: scale.plot.y, width: 1, height: scale.plot.height), with: line, style: marker.style)
            let label = sanitized(marker.label)
            let width = DisplayWidth.of(label)
            // Label starts at the line, or ends at it when it would run off the right.
            let x = column + width <= area.maxX ? column : max(area.x, column - width + 1)
            grid.put(label, x: x, y: labelRow, style: marker.style, maxWidth: area.maxX - x)
        }
    }

    /// The cells a series covers, one per column, steep segments filled so the line stays connected.
    private func cellsOf(_ line: Series, scale: Scale) -> [Cell] {
        let points = line.points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { $0.x < $1.x }
        guard let first = points.first, let last = points.last else { return [] }
        var cells: [Cell] = []
        var previousRow: Int?
        for column in scale.plot.x..<scale.plot.maxX {
            let x = scale.x(atColumn: column)
            guard x >= first.x - 1e-9, x <= last.x + 1e-9 else { previousRow = nil; continue }
            let row = scale.row(Self.interpolate(points, at: x))
            let from = previousRow.map { $0 < row ? $0 + 1 : ($0 > row ? $0 - 1 : row) } ?? row
            for y in min(from, row)...max(from, row) where scale.plot.contains(x: column, y: y) {
                cells.append(Cell(x: column, y: y))
            }
            previousRow = row
        }
        return cells
    }

    static func interpolate(_ points: [Point], at x: Double) -> Double {
        guard let upper = points.firstIndex(where: { $0.x >= x }) else { return points.last?.y ?? 0 }
        guard upper > 0 else { return points[0].y }
        let a = points[upper - 1], b = points[upper]
        let t = b.x == a.x ? 1 : (x - a.x) / (b.x - a.x)
        return a.y + (b.y - a.y) * t
    }
}
