/// One priced line: meter, quantity, unit, unit price, cost, and how the quantity was reached.
public struct LineItem: Hashable, Sendable {
    public var meter: String
    public var name: String
    public var quantity: Double
    public var unit: String
    public var unitPrice: Double
    public var cost: Double
    public var basis: String
    public var sources: [SourceID]
    /// How a price book set the unit price; nil for a list price.
    public var price: PriceOrigin? = nil

    /// The knowledge base's price per unit, and the line at that price; nil where it has none.
    public var listUnitPrice: Double? { price == nil ? unitPrice : price?.listRate }
    public var listCost: Double? { listUnitPrice.map { quantity * $0 } }
}

/// The stack's monthly total under a second reading of one meter that the sources also support.
public struct AlternateReading: Hashable, Sendable {
    public var meter: String
    public var reading: String
    public var monthly: Double
    public var why: String
    public var sources: [SourceID]
}

/// A cost that may arrive and is kept out of the total.
public struct ExposureLine: Hashable, Sendable {
    public var id: String
    public var name: String
    public var quantity: Double
    public var unit: String
    public var unitPrice: Double
    public var monthly: Double
    public var why: String
    public var sources: [SourceID]
    /// The cost comparison counts it in full: the stack's cost is a band from its total to its total plus this.
    public var scoredAtUpperEnd: Bool

    /// How it stands to the total, for every surface: "not in the total", and whether scoring counts it.
    public var totalNote: String {
        scoredAtUpperEnd ? "not in the total, but the cost comparison counts it (the band's upper end)" : "not in the total"
    }
}

public struct StackCost: Hashable, Sendable {
    public var stack: StackID
    /// The runtime: the sum of the line items.
    public var monthly: Double
    public var lineItems: [LineItem]
    public var alternates: [AlternateReading]
    public var notModelled: [UnpricedItem]
    public var exposures: [ExposureLine]
    /// The stack's runtime share of runtime plus tokens, when a token cost was given.
    public var runtimeShare: Double?
    /// The total at the knowledge base's list prices: the same as `monthly` without a price book.
    public var list: ListTotal
    /// The token spend the answers price (the same on every stack), 0 when they price none.
    public var tokens: Double = 0

    /// What the cost comparison counts of the runtime: `monthly` plus exposures scored at their upper end.
    public var comparedMonthly: Double { monthly + exposures.filter(\.scoredAtUpperEnd).reduce(0) { $0 + $1.monthly } }

    /// True when running the agents themselves is not priced, so the runtime is only a floor.
    public var isLowerBound: Bool { notModelled.contains { $0.scope == .execution } }

    /// The whole bill: runtime plus the tokens the answers price. What a surface shows as the stack's
    /// monthly cost; the runtime part (`monthly`) goes beside it when tokens are priced.
    public var total: Double { monthly + tokens }
    /// True when nothing of the bill is priced at all (no runtime line, no tokens).
    public var isUnpriced: Bool { lineItems.isEmpty && tokens == 0 }
    /// The whole bill is a floor: the runtime is unpriced or a lower bound.
    public var totalIsLowerBound: Bool { !isUnpriced && (lineItems.isEmpty || isLowerBound) }
    /// The runtime under each other reading, as a whole bill.
    public func total(of alternate: AlternateReading) -> Double { alternate.monthly + tokens }

    public var isPriced: Bool { !lineItems.isEmpty }

    /// True when your total (or what it covers) is not the list total: a cost table shows both.
    public var differsFromList: Bool {
        list.isPriced != isPriced || list.isLowerBound != isLowerBound || Format.cents(list.monthly) != Format.cents(monthly)
    }
}

/// A stack's monthly total at list prices.
public struct ListTotal: Hashable, Sendable {
    public var monthly: Double
    /// True when the knowledge base prices at least one of the stack's lines.
    public var isPriced: Bool
    /// True when the knowledge base leaves part of running the agents unpriced.
    public var isLowerBound: Bool
}

/// Token spend is the same whichever runtime runs the agent, so it is one shared line.
public struct TokenLine: Hashable, Sendable {
    public var tokensPerMonth: Double
    public var usdPerMillion: Double
    public var monthly: Double
    public var basis: String
}

public struct CostReport: Hashable, Sendable {
    public var workload: Workload
    /// In stack-id order.
    public var stacks: [StackCost]
    public var tokens: TokenLine?
    /// The cheapest stack whose total is complete (not a lower bound) and that meets every floor outright.
    public var cheapest: StackID?
    /// True when a floor applied, so stacks that failed or left it unverified were not eligible as cheapest.
    public var floorsApplied: Bool
    public var assumptions: [String]
    /// The price book the figures use, when one is; list prices otherwise.
    public var priceBook: PriceBook? = nil

    public func cost(_ stack: StackID) -> StackCost? { stacks.first { $0.stack == stack } }

    /// What "cheapest" means here, for labels beside the figure.
    public var cheapestMeaning: String {
        (floorsApplied ? "cheapest complete total meeting every floor" : "cheapest complete total")
            + (priceBook == nil ? "" : " at your prices")
    }

}

extension Engine {
    public func costs(_ answers: Answers) -> CostReport {
        if let scoped = rescoped(for: answers) { return scoped.costs(answers) }
        return costs(Workload(answers: answers, monthHours: knowledgeBase.meta.monthHours), vector: questionnaire.vector(answers))
    }

    /// Costs for a workload. With the answers' vector, unpriced items that the answers make part of
    /// running the agents count as execution, and "cheapest" skips stacks that fail or leave a floor
    /// unverified; without it, each item keeps its own scope and every stack is eligible.
    public func costs(_ workload: Workload, vector: AnswerVector? = nil) -> CostReport {
        let tokens = tokenLine(workload)
        let stackCosts = stacks.indices.map { index in
            stackCost(stacks[index], meters: meters(index, vector), unpriced: unpriced(index, vector),
                      workload: workload, tokens: tokens,
                      executionItems: vector.map { vector in
                          Set(listExecutionConditions[index].filter { $0.condition.holds(vector) }.map(\.item))
                      } ?? [])
        }
        let standing = vector.map(floorStanding)
        let eligible = standing?.eligible ?? stacks.map { _ in true }
        let figures = CostFigures(totals: stackCosts.map(\.comparedMonthly),
                                  scoredExposure: stackCosts.map { $0.comparedMonthly - $0.monthly },
                                  priced: stackCosts.map { !$0.lineItems.isEmpty },
                                  complete: stackCosts.map { !$0.lineItems.isEmpty && !$0.isLowerBound },
                                  tokens: tokens?.monthly ?? 0)
        return CostReport(workload: workload, stacks: stackCosts, tokens: tokens,
                          cheapest: cheapestComplete(figures, eligible: eligible).map { stacks[$0].id },
                          floorsApplied: !(standing?.matched.isEmpty ?? true),
                          assumptions: assumptions(workload, tokens: tokens), priceBook: priceBook)
    }

    /// One stack's modelled monthly total: what the cost chart and break-even search evaluate.
    /// `alternativeFor` names a meter to price under its other reading instead.
    /// `vector` decides which conditional meters bill; without it only the unconditional ones count.
    public func monthlyTotal(_ stack: StackID, workload: Workload, alternativeFor meter: String? = nil,
                             vector: AnswerVector? = nil) -> Double {
        guard let index = stacks.firstIndex(where: { $0.id == stack }) else { return 0 }
        return meters(index, vector).reduce(0) { total, item in
            let alternative = item.id == meter ? item.alternative : nil
            return total + item.monthly(workload, rate: alternative?.rate, idle: alternative?.idle)
        }
    }

    func lineItem(_ meter: Meter, workload: Workload, rate: Double? = nil, idle: IdleBilling? = nil) -> LineItem {
        let idle = idle ?? meter.idle
        let quantity = workload.quantity(meter.driver, idle: idle) / meter.unitSize
        let unitPrice = rate ?? meter.rate
        var basis = workload.basis(meter.driver, idle: idle)
        if meter.unitSize != 1 { basis += " ÷ \(Format.quantity(meter.unitSize))" }
        return LineItem(meter: meter.id, name: meter.name, quantity: quantity, unit: meter.unit, unitPrice: unitPrice,
                        cost: quantity * unitPrice, basis: basis, sources: meter.sources, price: meter.price)
    }

    private func stackCost(_ stack: Stack, meters: [Meter], unpriced: [UnpricedItem], workload: Workload, tokens: TokenLine?,
                           executionItems: Set<String>) -> StackCost {
        let items = meters.map { lineItem($0, workload: workload) }
        let monthly = items.reduce(0) { $0 + $1.cost }
        let alternates = zip(meters, items).compactMap { meter, item -> AlternateReading? in
            guard let alternative = meter.alternative else { return nil }
            let other = lineItem(meter, workload: workload, rate: alternative.rate, idle: alternative.idle)
            return AlternateReading(meter: meter.id, reading: alternative.reading,
                                    monthly: monthly - item.cost + other.cost, why: alternative.why,
                                    sources: alternative.sources)
        }
        let exposures = stack.exposures.map { exposure in
            let quantity = workload.quantity(exposure.driver, idle: nil) / exposure.unitSize
            return ExposureLine(id: exposure.id, name: exposure.name, quantity: quantity, unit: exposure.unit,
                                unitPrice: exposure.rate, monthly: quantity * exposure.rate, why: exposure.why,
                                sources: exposure.sources, scoredAtUpperEnd: exposure.scoredAtUpperEnd)
        }
        func resolved(_ item: UnpricedItem) -> UnpricedItem {
            var resolved = item
            if executionItems.contains(item.id) { resolved.scope = .execution }
            return resolved
        }
        let notModelled = unpriced.map(resolved)
        let share = tokens.flatMap { tokens in
            monthly + tokens.monthly > 0 ? monthly / (monthly + tokens.monthly) : nil
        }
        // At list, the items your rates price are still unpriced.
        let unpricedAtList = notModelled + meters.compactMap { $0.price?.replaces.map(resolved) }
        let list = ListTotal(monthly: items.reduce(0) { $0 + ($1.listCost ?? 0) }, isPriced: items.contains { $0.listCost != nil },
                             isLowerBound: unpricedAtList.contains { $0.scope == .execution })
        return StackCost(stack: stack.id, monthly: monthly, lineItems: items, alternates: alternates,
                         notModelled: notModelled, exposures: exposures, runtimeShare: share, list: list,
                         tokens: tokens?.monthly ?? 0)
    }

    private func tokenLine(_ workload: Workload) -> TokenLine? {
        guard workload.tokensPerSession > 0, workload.tokenUSDPerMillion > 0 else { return nil }
        let tokens = workload.sessions * workload.tokensPerSession
        return TokenLine(tokensPerMonth: tokens, usdPerMillion: workload.tokenUSDPerMillion,
                         monthly: tokenMonthly(workload),
                         basis: "\(Format.quantity(workload.sessions)) sessions × "
                             + "\(Format.plain(workload.tokensPerSession)) tokens ÷ 1,000,000")
    }

    private func assumptions(_ workload: Workload, tokens: TokenLine?) -> [String] {
        var lines = [
            "A month is \(Format.plain(workload.monthHours)) hours.",
            "Sessions per month = \(Format.plain(workload.agents)) agents × "
                + "\(Format.plain(workload.sessionsPerAgentPerDay)) sessions a day × \(Format.plain(workload.monthHours)) / 24 = "
                + "\(Format.quantity(workload.sessions)).",
            "Session-hours = sessions × \(Format.plain(workload.sessionMinutes)) minutes / 60 = "
                + "\(Format.quantity(workload.sessionHours)).",
            "Idle reading: \(Format.percent(workload.idleFraction)) of each session's wall-clock time does no CPU work. "
                + "Session-hour, vCPU-hour and GB-hour meters bill the whole session unless the knowledge base says "
                + "idle time is free; active-vCPU-second meters bill only the active \(Format.percent(workload.activeFraction)).",
            "Per-user meters bill the \(Format.plain(workload.humans)) people who use or supervise agents.",
        ]
        if let tokens {
            lines.append("Tokens: \(tokens.basis) × \(Format.unitPrice(tokens.usdPerMillion)) per million = "
                         + "\(Format.money(tokens.monthly)) a month, the same on every stack.")
        } else {
            lines.append("Token spend is not included: give tokens_per_session and token_usd_per_million to add it.")
        }
        lines.append("Not modelled: costs the sources name without a usable price are listed per stack, never counted as $0.")
        return lines
    }
}
