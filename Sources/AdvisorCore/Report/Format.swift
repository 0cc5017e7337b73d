/// Number formatting that is the same on every machine and locale, so outputs are byte-stable.
public enum Format {
    /// `40`, `0.7`, `12.5`: whole numbers without a decimal point.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `value` rounded to `decimals` places, with thousands separators: `24,333.33`.
    /// Never an exponent, `inf` or `nan`: figures too large for 64-bit units are written out digit by
    /// digit, and a value that is not finite (no input can make one) reads as "n/a".
    public static func fixed(_ value: Double, _ decimals: Int, grouping: Bool = true) -> String {
        guard value.isFinite else { return "n/a" }
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else {
            let whole = largeWhole(abs(value).rounded())
            let text = (grouping ? grouped(whole) : whole) + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
            return (value < 0 ? "-" : "") + text
        }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let fraction = units % Int64(scale)
        var text = grouping ? grouped(whole) : String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    /// Dollars and cents: `$1,234.56`.
    public static func money(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        return value < 0 ? "-$" + fixed(-value, 2) : "$" + fixed(value, 2)
    }

    /// A unit price with the precision its source gives: `$0.0895`, `$0.00002`, `$15.00`.
    public static func unitPrice(_ value: Double) -> String {
        if value >= 1 || value == 0 { return money(value) }
        var decimals = 2
        while decimals < 8, abs(value * pow10(decimals) - (value * pow10(decimals)).rounded()) > 1e-9 { decimals += 1 }
        return "$" + fixed(value, decimals)
    }

    /// A quantity: whole numbers as they are, others to two places: `24,333.33`, `120`.
    public static func quantity(_ value: Double) -> String {
        abs(value - value.rounded()) < 0.005 ? fixed(value, 0) : fixed(value, 2)
    }

    /// A fraction as a percentage: `0.7` is `70%`, `0.655` is `65.5%`.
    public static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        return abs(value - value.rounded()) < 0.05 ? fixed(value, 0) + "%" : fixed(value, 1) + "%"
    }

    /// A score or fit in 0…1 to two places: `0.81`.
    public static func score(_ value: Double) -> String { fixed(value, 2, grouping: false) }

    /// A positive difference of scores: `0.20`, or `less than 0.01` where two places would say 0.00.
    public static func gap(_ value: Double) -> String {
        value > 0 && value < 0.005 ? "less than 0.01" : score(value)
    }

    /// A signed adjustment: `+0.40`, `-0.20`.
    public static func delta(_ value: Double) -> String { (value >= 0 ? "+" : "-") + fixed(abs(value), 2) }

    /// Rounds money for machine-readable output, so JSON carries cents, not float noise.
    public static func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// Rounds to four places for machine-readable scores.
    public static func rounded4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// The decimal digits of a whole number of at least 9e16, from Swift's shortest description
    /// (`1.4600000000000002e+20` is 146000000000000020000).
    private static func largeWhole(_ value: Double) -> String {
        let parts = "\(value)".split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else {
            let text = "\(value)"
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let mantissa = parts[0].split(separator: ".")
        let digits = mantissa.joined()
        let integerDigits = mantissa[0].count + exponent
        return digits + String(repeating: "0", count: max(0, integerDigits - digits.count))
    }

    private static func grouped(_ value: Int64) -> String { grouped(String(value)) }

    private static func grouped(_ value: String) -> String {
        let digits = Array(value)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }
}
