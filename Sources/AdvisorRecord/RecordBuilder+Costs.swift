import AdvisorCore

/// The monthly cost section: a summary, line items per stack, and the assumptions under them.
/// Unpriced items say "not modelled", never $0; exposures stay out of the totals.
extension RecordBuilder {
    func costs() -> RecordData.CostSection {
        let report = advice.costs
        let ordered = advice.ranking.scores.compactMap { report.cost($0.stack) }
        var tokens: String?
        if let line = report.tokens {
            tokens = MarkdownText.escape("Tokens, the same on every option: \(Format.money(line.monthly)) a month "
                + "(\(line.basis) × \(Format.unitPrice(line.usdPerMillion)) per million); not in the totals above.")
        }
        return RecordData.CostSection(month: "\(Format.plain(report.workload.monthHours))-hour month",
                           summary: ordered.map(summaryRow), stacks: ordered.map(stackCosts), tokens: tokens,
                           assumptions: report.assumptions.map(MarkdownText.escape))
    }

    private func summaryRow(_ cost: StackCost) -> RecordData.CostSummaryRow {
        var notes: [String] = []
        if cost.stack == advice.costs.cheapest { notes.append(advice.costs.cheapestMeaning) }
        if cost.isLowerBound { notes.append("lower bound: execution not priced") }
        if cost.lineItems.isEmpty { notes.append("nothing priced in the knowledge base") }
        if let share = cost.runtimeShare { notes.append("runtime \(Format.percent(share)) of runtime + tokens") }
        if !cost.exposures.isEmpty { notes.append("exposure not in the total") }
        if advice.costs.priceBook != nil, cost.differsFromList { notes.append("list \(PriceText.list(cost))") }
        let other = cost.alternates.map { "\(Format.money($0.monthly)) if \($0.reading)" }
        return RecordData.CostSummaryRow(name: name(cost.stack), monthly: total(cost),
                              otherReading: other.isEmpty ? "—" : MarkdownText.escape(other.joined(separator: "; ")),
                              note: notes.isEmpty ? "—" : MarkdownText.escape(notes.joined(separator: "; ")))
    }

    private func total(_ cost: StackCost) -> String {
        if cost.lineItems.isEmpty { return "not modelled" }
        return (cost.isLowerBound ? "at least " : "") + Format.money(cost.monthly)
    }

    private func stackCosts(_ cost: StackCost) -> RecordData.StackCosts {
        var rows = cost.lineItems.map {
            RecordData.CostRow(item: MarkdownText.escape($0.name), quantity: Format.quantity($0.quantity),
                    unit: MarkdownText.escape($0.unit), unitPrice: unitPrice($0), cost: Format.money($0.cost))
        }
        rows += cost.notModelled.map {
            RecordData.CostRow(item: MarkdownText.escape($0.name), quantity: "—", unit: MarkdownText.escape($0.unit),
                    unitPrice: $0.rate.map(Format.unitPrice) ?? "—", cost: "not modelled")
        }
        let label = cost.lineItems.isEmpty ? "**Total**" : cost.isLowerBound ? "**Total (a lower bound)**" : "**Total as modelled**"
        // No empty cells: some renderers and linters read them as a broken table.
        rows.append(RecordData.CostRow(item: label, quantity: "—", unit: "—", unitPrice: "—", cost: "**\(total(cost))**"))
        var notes = cost.lineItems.map { item in
            citations.text("\(item.name): \(item.basis)" + (PriceText.change(item).map { "; \($0)" } ?? "") + ".", item.sources)
        }
        notes += cost.alternates.map {
            citations.text("Other reading (\($0.reading)): \(Format.money($0.monthly)) a month. \(ensurePeriod($0.why))",
                           $0.sources)
        }
        notes += cost.notModelled.map { item in
            let rate = item.rate.map { " at \(Format.unitPrice($0)) per \(item.unit)" } ?? ""
            return citations.text("Not modelled: \(item.name)\(rate). \(ensurePeriod(item.why))", item.sources)
        }
        return RecordData.StackCosts(name: name(cost.stack), rows: rows, notes: notes, exposures: cost.exposures.map(exposure))
    }

    /// `$0.0716 (list $0.0895)` where a price book set the price, else the unit price alone.
    private func unitPrice(_ item: LineItem) -> String {
        guard item.price != nil else { return Format.unitPrice(item.unitPrice) }
        return Format.unitPrice(item.unitPrice) + " (list " + (item.listUnitPrice.map(Format.unitPrice) ?? "none") + ")"
    }

    func exposure(_ line: ExposureLine) -> String {
        citations.text("\(line.name) would add \(Format.money(line.monthly)) a month (\(Format.quantity(line.quantity)) × "
                       + "\(Format.unitPrice(line.unitPrice)) per \(line.unit)); \(line.totalNote). \(ensurePeriod(line.why))",
                       line.sources)
    }
}
