import AdvisorCore

/// The price book in a record: named in the front matter with its digest and the list rates under
/// your rates, and embedded whole (folded) so `recheck` and `supersede` re-run with the same prices.
extension RecordBuilder {
    func frontMatterPriceBook() -> RecordData.FrontMatterPriceBook? {
        guard let book = advice.costs.priceBook else { return nil }
        var listUSD: [(meter: String, rate: Double)] = []
        for item in advice.costs.stacks.flatMap(\.lineItems) {
            guard let price = item.price, price.change == .rate, let list = price.listRate else { continue }
            listUSD.append((item.meter, list))
        }
        let mapping = listUSD.sorted { $0.meter < $1.meter }.map { "\(YAMLText.quoted($0.meter)): \(decimal($0.rate))" }
        return RecordData.FrontMatterPriceBook(name: YAMLText.quoted(book.name), asOf: YAMLText.quoted(book.asOf.description),
                                               sha256: YAMLText.quoted(book.sha256), listUSD: "{" + mapping.joined(separator: ", ") + "}")
    }

    /// A rate as a YAML decimal without exponent: `0.00002`, `15`.
    private func decimal(_ value: Double) -> String {
        var text = Format.fixed(value, 10, grouping: false)
        while text.hasSuffix("0") { text.removeLast() }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    func priceBookBlock() -> RecordData.PriceBookBlock? {
        guard let book = advice.costs.priceBook else { return nil }
        return RecordData.PriceBookBlock(name: MarkdownText.escape(book.name), asOf: book.asOf.description,
                                         fence: MarkdownText.fence(for: book.text), yaml: String(book.text.dropLast()),
                                         sha256: book.sha256)
    }
}
