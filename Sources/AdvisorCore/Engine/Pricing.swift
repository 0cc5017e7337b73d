/// A price book applied to the knowledge base's stacks: the stacks the engine prices, scores and
/// compares, with each changed meter keeping its list rate beside yours.
///
/// The rules, in order: your rate for a meter replaces its list rate under every reading (an other
/// reading that only changed the rate is settled by it and dropped); otherwise the most specific
/// discount covering the stack (its own, then its vendor's, then one for all stacks) takes its
/// percentage off every list rate of the stack, other readings included; your rate for an item the
/// knowledge base cannot price turns it into a priced line. Exposures stay at list.
extension PriceBook {
    func apply(to stacks: [Stack]) -> [Stack] {
        stacks.map(apply)
    }

    private func apply(to stack: Stack) -> Stack {
        var priced = stack
        let discount = discount(for: stack)
        priced.meters = stack.meters.map { meter in
            if let rate = rate(for: .meter(meter.id), in: stack.id) { return yourRate(rate, on: meter) }
            guard let discount, discount.percent > 0 else { return meter }
            return discounted(meter, by: discount, covering: coverage(discount.scope, stack: stack))
        }
        priced.meters += stack.notModelled.compactMap { item in
            rate(for: .item(item.id), in: stack.id).map { pricedItem(item, rate: $0) }
        }
        priced.notModelled = stack.notModelled.filter { rate(for: .item($0.id), in: stack.id) == nil }
        return priced
    }

    /// The stack's own discount, else its vendor's, else one for every stack.
    func discount(for stack: Stack) -> Discount? {
        discounts.first { $0.scope == .stack(stack.id) } ?? discounts.first { $0.scope == .vendor(stack.vendor) }
            ?? discounts.first { $0.scope == .all }
    }

    private func rate(for target: Rate.Target, in stack: StackID) -> Rate? {
        rates.first { $0.target == target && $0.stack == stack }
    }

    private func coverage(_ scope: Discount.Scope, stack: Stack) -> String {
        switch scope {
        case .stack: stack.name
        case .vendor(let vendor): vendor
        case .all: "every stack"
        }
    }

    private func discounted(_ meter: Meter, by discount: Discount, covering: String) -> Meter {
        var changed = meter
        let factor = 1 - discount.percent / 100
        changed.rate = meter.rate * factor
        changed.alternative?.rate = meter.alternative?.rate.map { $0 * factor }
        changed.price = PriceOrigin(listRate: meter.rate, change: .discount(percent: discount.percent, covering: covering),
                                    note: discount.note, asOf: asOf)
        return changed
    }

    private func yourRate(_ rate: Rate, on meter: Meter) -> Meter {
        var changed = meter
        changed.rate = rate.rate
        changed.alternative?.rate = nil
        if changed.alternative?.idle == nil { changed.alternative = nil }
        changed.asOf = rate.asOf
        changed.price = PriceOrigin(listRate: meter.rate, change: .rate, note: rate.note, asOf: rate.asOf)
        return changed
    }

    /// An unpriced item as a meter at your rate. It cites no source: the price is yours, not the scout's.
    private func pricedItem(_ item: UnpricedItem, rate: Rate) -> Meter {
        let driver = rate.driver ?? .monthly
        return Meter(id: item.id, name: item.name, unit: rate.unit ?? driver.unitName, unitSize: rate.unitSize, rate: rate.rate,
                     driver: driver, idle: driver.isWallClock ? rate.idle ?? .billed : nil, sources: [], asOf: rate.asOf,
                     alternative: nil,
                     price: PriceOrigin(listRate: nil, change: .rate, note: rate.note, asOf: rate.asOf, replaces: item))
    }
}
