/// The cost figures scoring needs for one answer set, without line items or sentences: cheap enough
/// for the sweep and the sensitivity search.
struct CostFigures {
    /// Each stack's monthly total as the comparison counts it, in stack-id order: its meters under
    /// the primary readings plus any exposure scored at its upper end.
    var totals: [Double]
    /// The part of each total that is a scored exposure (0 for most stacks).
    var scoredExposure: [Double]
    /// True when the knowledge base prices at least one meter of the stack.
    var priced: [Bool]
    /// True when the total is complete: priced, and nothing that runs the agents is left unpriced.
    var complete: [Bool]
    /// The shared monthly token spend (0 when not given).
    var tokens: Double
}

/// What every meter and scored exposure costs a month for one workload, before the answers decide
/// which meters bill: the sweep varies only choices and flags, so it prices these once.
struct MeterPrices {
    /// Per stack (in id order), per meter: its monthly figure under the primary reading.
    var meters: [[Double]]
    /// Per stack: exposures the comparison counts at their upper end.
    var scoredExposure: [Double]
    var tokens: Double
}

extension Engine {
    func meterPrices(_ workload: Workload) -> MeterPrices {
        MeterPrices(meters: stacks.map { $0.meters.map { $0.monthly(workload) } },
                    scoredExposure: stacks.map { scoredExposure($0, workload: workload) }, tokens: tokenMonthly(workload))
    }

    /// `fixed` may be given when the workload is known not to change (the sweep): the meters are priced
    /// once, and only which of them bill and which totals are complete is worked out per answer set.
    func costFigures(_ vector: AnswerVector, fixed: MeterPrices? = nil) -> CostFigures {
        let prices = fixed ?? meterPrices(workload(vector))
        var totals = [Double](repeating: 0, count: stacks.count)
        var priced = [Bool](repeating: false, count: stacks.count)
        for stack in stacks.indices {
            for (meter, condition) in meterConditions[stack].enumerated() where condition.holds(vector) {
                totals[stack] += prices.meters[stack][meter]
                priced[stack] = true
            }
            totals[stack] += prices.scoredExposure[stack]
        }
        let complete = stacks.indices.map { priced[$0] && !isLowerBound($0, vector: vector) }
        return CostFigures(totals: totals, scoredExposure: prices.scoredExposure, priced: priced, complete: complete,
                           tokens: prices.tokens)
    }

    /// A stack's monthly total as the comparison counts it; `swapping` names meters priced under their
    /// other reading instead.
    func comparedMonthly(_ stack: Int, workload: Workload, vector: AnswerVector, swapping: Set<String> = []) -> Double {
        meters(stack, vector).reduce(0) { total, meter in
            let other = swapping.contains(meter.id) ? meter.alternative : nil
            return total + meter.monthly(workload, rate: other?.rate, idle: other?.idle)
        } + scoredExposure(stacks[stack], workload: workload)
    }

    /// Exposures the comparison counts at their upper end (autonomous agents licensed at $15 a month).
    func scoredExposure(_ stack: Stack, workload: Workload) -> Double {
        stack.exposures.filter(\.scoredAtUpperEnd).reduce(0) { $0 + $1.monthly(workload) }
    }

    /// True when running the agents on this stack has a part the knowledge base cannot price for these answers.
    func isLowerBound(_ stack: Int, vector: AnswerVector) -> Bool {
        for (item, condition) in zip(stacks[stack].notModelled, unpricedConditions[stack])
        where item.scope == .execution && condition.holds(vector) { return true }
        return executionConditions[stack].contains { $0.condition.holds(vector) }
    }

    func tokenMonthly(_ workload: Workload) -> Double {
        guard workload.tokensPerSession > 0, workload.tokenUSDPerMillion > 0 else { return 0 }
        return workload.sessions * workload.tokensPerSession / 1_000_000 * workload.tokenUSDPerMillion
    }

    /// The cheapest complete total among `eligible` stacks (those meeting every floor), by index.
    func cheapestComplete(_ figures: CostFigures, eligible: [Bool]) -> Int? {
        var cheapest: Int?
        for index in figures.totals.indices where figures.complete[index] && eligible[index] {
            if cheapest.map({ figures.totals[index] < figures.totals[$0] }) ?? true { cheapest = index }
        }
        return cheapest
    }

    /// How cost moves each stack's fit: a stack dearer than the reference loses up to the knowledge
    /// base's weight, in proportion to the extra spend's share of its runtime plus tokens. A lower
    /// bound is compared as it stands, so only a difference that is certain counts; a stack with
    /// nothing priced is not moved.
    func costAdjustments(_ figures: CostFigures, reference: Int?) -> [Double] {
        guard let fit = costFit, let reference else { return [Double](repeating: 0, count: stacks.count) }
        let floor = figures.totals[reference]
        return stacks.indices.map { stack in
            let spend = figures.totals[stack] + figures.tokens
            guard figures.priced[stack], spend > 0 else { return 0 }
            return -fit.weight * max(0, figures.totals[stack] - floor) / spend
        }
    }
}
