/// A stack's monthly cost as every surface shows it: the whole bill (runtime plus the tokens the answers
/// price), "at least" when part of it cannot be priced, and the runtime part beside it when tokens count.
extension StackCost {
    /// `$3,314.20`, `at least $3,285.00`, or `not modelled`.
    public var totalText: String {
        isUnpriced ? "not modelled" : (totalIsLowerBound ? "at least " : "") + Format.money(total)
    }

    /// The runtime alone: `$29.20`, `at least $1,800.00`, or `not modelled`.
    public var runtimeText: String {
        lineItems.isEmpty ? "not modelled" : (isLowerBound ? "at least " : "") + Format.money(monthly)
    }

    /// `$29.20 runtime + $3,285.00 tokens`, when the answers price tokens.
    public var breakdownText: String? {
        tokens > 0 ? "\(runtimeText) runtime + \(Format.money(tokens)) tokens" : nil
    }
}
