/// The words every surface uses for whose price a figure is: made once here, rendered everywhere.
public enum PriceText {
    /// The whole bill at list prices: `$222.65`, `at least $105.12`, or `not modelled`.
    public static func list(_ cost: StackCost) -> String { cost.listTotalText }

    /// Whose prices the figures are, and the list totals where they differ, in `order`: `Your prices:
    /// “Acme negotiated prices” as of 2026-11-01 (sha256 1a2b3c4d5e6f); list where they differ:
    /// AgentCore $222.65; Self-managed not modelled.` (the digest left out when `digest` is false, for
    /// the one-screen summary). Nil at list prices.
    public static func summary(_ report: CostReport, order: [StackID], name: (StackID) -> String, digest: Bool = true) -> String? {
        guard let book = report.priceBook else { return nil }
        let differing = order.compactMap(report.cost).filter(\.differsFromList)
        let listed = differing.isEmpty ? "they change no stack's total"
            : "list where they differ: " + differing.map { "\(name($0.stack)) \(list($0))" }.joined(separator: "; ")
        return "Your prices: \u{201C}\(book.name)\u{201D} as of \(book.asOf)\(digest ? " (sha256 \(book.shortDigest))" : ""); \(listed)."
    }

    /// For one stack's figure, where a price book is used: `Your prices: “Acme negotiated prices” as of
    /// 2026-11-01; at list prices AWS Bedrock AgentCore would be $222.65.` Nil at list prices.
    public static func forStack(_ report: CostReport, stack: StackID, name: String) -> String? {
        guard let book = report.priceBook, let cost = report.cost(stack) else { return nil }
        let list = !cost.differsFromList ? "they do not change \(name)'s total"
            : cost.list.isPriced ? "at list prices \(name) would cost \(list(cost))"
            : "at list prices the knowledge base prices none of \(name)"
        return "Your prices: \u{201C}\(book.name)\u{201D} as of \(book.asOf); \(list)."
    }

    /// What set a line's unit price, for the line's notes: `20% discount on AWS Bedrock AgentCore
    /// (Enterprise discount programme); list $0.0895`.
    public static func change(_ item: LineItem) -> String? { item.price?.text }

    /// `Your prices: “Pilot team prices” as of 2026-11-20, in place of list prices where it sets them.`
    public static func book(_ book: PriceBook) -> String {
        "Your prices: \u{201C}\(book.name)\u{201D} as of \(book.asOf), in place of list prices where it sets them."
    }
}
