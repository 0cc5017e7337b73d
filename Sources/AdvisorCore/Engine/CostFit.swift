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

extension Engine {
    /// `totals` may be given when the workload is known not to change (the sweep varies only choices
    /// and flags), so the meters are priced once rather than per answer set.
    func costFigures(_ vector: AnswerVector, totals given: [Double]? = nil) -> CostFigures {
        let workload = workload(vector)
        let totals = given ?? stacks.indices.map { comparedMonthly($0, workload: workload, vector: vector) }
        let priced = stacks.indices.map { !meters($0, vector).isEmpty }
        let complete = stacks.indices.map { priced[$0] && !isLowerBound($0, vector: vector) }
        return CostFigures(totals: totals, scoredExposure: stacks.map { scoredExposure($0, workload: workload) },
                           priced: priced, complete: complete, tokens: tokenMonthly(workload))
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
        unpriced(stack, vector).contains { $0.scope == .execution }
            || executionConditions[stack].contains { $0.condition.holds(vector) }
    }

    func tokenMonthly(_ workload: Workload) -> Double {
        guard workload.tokensPerSession > 0, workload.tokenUSDPerMillion > 0 else { return 0 }
        return workload.sessions * workload.tokensPerSession / 1_000_000 * workload.tokenUSDPerMillion
    }

    /// The cheapest complete total among `eligible` stacks (those meeting every floor), by index.
    func cheapestComplete(_ figures: CostFigures, eligible: [Bool]) -> Int? {
        figures.totals.indices.filter { figures.complete[$0] && eligible[$0] }
            .min { (figures.totals[$0], $0) < (figures.totals[$1], $1) }
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
