import AdvisorCore

/// Whose prices a re-check used, and the list prices that moved under the record's own rates.
public struct RecheckPrices: Sendable {
    public enum Source: String, Sendable {
        /// The price book embedded in the record.
        case record
        /// A price book given for this re-check (`--prices`, or RUNTIME_ADVISOR_PRICES when the record has none).
        case given
        /// List prices: no price book in the record or given.
        case list
    }

    /// A list rate that moved under one of the record's own rates: your rate still applies, but the
    /// saving against list is not what it was.
    public struct ListMove: Hashable, Sendable {
        public var stack: StackID?
        public var meter: String
        /// The list rate when the record was written, and now (nil: the meter is gone).
        public var before: Double
        public var after: Double?
        public var unit: String?
        /// Your rate for the meter in this re-check, when one still replaces the list rate.
        public var yours: Double?
    }

    public var source: Source
    public var used: PriceBook?
    public var recorded: RecordedPriceBook?
    public var listMoves: [ListMove]

    public static let list = RecheckPrices(source: .list, used: nil, recorded: nil, listMoves: [])
}

extension Recheck {
    /// The re-check's prices: which price book it ran with, and every list rate the record's rates
    /// replaced that has moved since (or is gone).
    static func prices(_ record: RecordedDecision, engine: Engine, advice: Advice, given: Bool) -> RecheckPrices {
        let source: RecheckPrices.Source = engine.priceBook == nil ? .list : given ? .given : .record
        let lines = advice.costs.stacks.flatMap { cost in cost.lineItems.map { (cost.stack, $0) } }
        let moves = (record.priceBook?.listUSD ?? [:]).sorted { $0.key < $1.key }.compactMap { meter, before -> RecheckPrices.ListMove? in
            let owner = engine.knowledgeBase.stacks.first { $0.meters.contains { $0.id == meter } }
            let now = owner?.meters.first { $0.id == meter }
            if let now, abs(now.rate - before) < 1e-12 { return nil }
            let line = lines.first { $0.1.meter == meter }?.1
            return RecheckPrices.ListMove(stack: owner?.id, meter: meter, before: before, after: now?.rate, unit: now?.unit,
                                          yours: line?.price?.change == .rate ? line?.unitPrice : nil)
        }
        return RecheckPrices(source: source, used: engine.priceBook, recorded: record.priceBook, listMoves: moves)
    }
}
