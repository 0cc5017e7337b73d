import AdvisorCore

/// Money in a narrow column: never cut, shortened instead. Below $100,000 the exact
/// `Format.money`; above, three significant figures and a unit: `$164K`, `$1.35T`.
public enum MoneyText {
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return "$?" }
        let v = abs(value)
        guard v >= 100_000 else { return Format.money(value) }
        let sign = value < 0 ? "-" : ""
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (size, suffix) in units where v >= size * 0.9995 {
            let scaled = v / size
            let decimals = scaled >= 99.95 ? 0 : scaled >= 9.995 ? 1 : 2
            return sign + "$" + Format.fixed(scaled, decimals, grouping: true) + suffix
        }
        return Format.money(value)
    }

    /// The exact figure when it fits in `width` columns, else the short one.
    public static func fitting(_ value: Double, width: Int, suffix: String = "") -> String {
        let exact = Format.money(value) + suffix
        return DisplayWidth.of(exact) <= width ? exact : short(value) + suffix
    }
}
