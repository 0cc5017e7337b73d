/// The cost figures scoring needs for one answer set, without line items or sentences: cheap enough
/// for the sweep and the sensitivity search.
struct CostFigures {
    /// Each stack's modelled monthly total under the primary readings, in stack-id order.
    var totals: [Double]
    /// True when the knowledge base prices at least one meter of the stack.
    var priced: [Bool]
    /// True when the total is complete: priced, and nothing that runs the agents is left unpriced.
    var complete: [Bool]
    /// The shared monthly token spend (0 when not given).
    var tokens: Double
}

extension Engine {
    /// `fixed` may be given when the workload is known not to change (the sweep varies only choices and
    /// flags): its totals and token spend hold for every answer set, so the meters are priced once and
    /// only which totals are complete is worked out again.
    func costFigures(_ vector: AnswerVector, fixed: CostFigures? = nil) -> CostFigures {
        if var figures = fixed {
            figures.complete = completeness(vector)
            return figures
        }
        let workload = workload(vector)
        let totals = stacks.map { stack in stack.meters.reduce(0) { $0 + $1.monthly(workload) } }
        return CostFigures(totals: totals, priced: priced, complete: completeness(vector), tokens: tokenMonthly(workload))
    }

    /// Per stack: priced, and nothing that runs the agents left unpriced for these answers.
    private func completeness(_ vector: AnswerVector) -> [Bool] {
        stacks.indices.map { priced[$0] && !isLowerBound($0, vector: vector) }
    }

    /// True when running the agents on this stack has a part the knowledge base cannot price for these answers.
    func isLowerBound(_ stack: Int, vector: AnswerVector) -> Bool {
        executionUnpriced[stack] || executionConditions[stack].indices.contains { executionConditions[stack][$0].condition.holds(vector) }
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
