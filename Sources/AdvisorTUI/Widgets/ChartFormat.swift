/// Compact axis labels: charts have a few columns for a label, not a spreadsheet cell.
public enum ChartFormat {
    /// "$0", "$950", "$1.2K", "$12K", "$3.4M", "$10B", "$2T", "-$5"; one decimal only below ten
    /// of a unit. A value that rounds up to 1,000 of a unit takes the next unit ("$1T", not "$1000B").
    public static func dollars(_ value: Double) -> String {
        guard value.isFinite else { return "$?" }
        let sign = value < 0 ? "-" : ""
        let v = abs(value)
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (size, suffix) in units where v >= size * 0.9995 {
            return sign + "$" + compact(v / size) + suffix
        }
        return sign + "$" + compact(v)
    }

    /// 0.25 → "25%".
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "?%" }
        return "\(Int((fraction * 100).rounded()))%"
    }

    private static func compact(_ v: Double) -> String {
        let tenths = (v * 10).rounded()
        if v < 9.95, tenths.truncatingRemainder(dividingBy: 10) != 0 {
            return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
        }
        return "\(Int(v.rounded()))"
    }

    /// Round tick values covering lo...hi: steps of 1, 2, 2.5 or 5 times a power of ten, about
    /// `count` of them. The last tick is at or above hi.
    public static func niceTicks(lo: Double, hi: Double, count: Int) -> [Double] {
        guard lo.isFinite, hi.isFinite, hi > lo, count >= 2 else { return [lo] }
        let raw = (hi - lo) / Double(count - 1)
        var magnitude = 1.0  // largest power of ten not above raw
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999 } ?? raw
        let first = (lo / step).rounded(.down) * step
        var ticks: [Double] = []
        var t = first
        while ticks.count < 50 {
            ticks.append(t)
            if t >= hi - step * 1e-9 { break }
            t = first + step * Double(ticks.count)
        }
        return ticks
    }
}
