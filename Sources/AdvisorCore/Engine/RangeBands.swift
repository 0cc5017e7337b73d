/// What ranged workload numbers do to the advice. Every cost is monotone in each workload input, so
/// its band is exact at the corners of the ranges: each corner is evaluated, none is sampled.
public struct RangeBands: Hashable, Sendable {
    /// One question's value at a corner.
    public struct Setting: Hashable, Sendable {
        public var question: QuestionID
        public var value: Double
    }

    /// One corner: each ranged question at its low or its high.
    public struct Corner: Hashable, Sendable {
        public var values: [Setting]
    }

    public struct RangedQuestion: Hashable, Sendable {
        public var question: QuestionID
        public var range: ValueRange
    }

    /// A stack's whole monthly bill (runtime plus tokens) at its cheapest and its dearest corner.
    public struct Band: Hashable, Sendable {
        public var stack: StackID
        public var low: Double
        public var high: Double
    }

    /// A change of winner or cheapest stack at one corner.
    public struct Change: Hashable, Sendable {
        public var corner: Corner
        public var stack: StackID?
    }

    /// The ranged questions, in questionnaire order, with their ranges.
    public var ranges: [RangedQuestion]
    public var corners: Int
    /// Each stack's whole monthly bill at its cheapest and dearest corner, in stack-id order.
    public var monthly: [Band]
    /// The first corner (in corner order) where another stack wins, nil when the winner holds everywhere.
    public var winnerChange: Change?
    /// The first corner where the cheapest complete total meeting every floor is another stack's.
    public var cheapestChange: Change?

    public var holds: Bool { winnerChange == nil && cheapestChange == nil }

    public func band(_ stack: StackID) -> (low: Double, high: Double)? {
        monthly.first { $0.stack == stack }.map { ($0.low, $0.high) }
    }
}

extension Engine {
    /// The cost bands and the winner's and cheapest stack's stability across every corner of the
    /// answers' ranges; nil when no answer is a range.
    public func rangeBands(_ answers: Answers) -> RangeBands? {
        if let scoped = rescoped(for: answers) { return scoped.rangeBands(answers) }
        let ranged = questionnaire.questions.filter { answers.ranges[$0.id] != nil }
        guard !ranged.isEmpty else { return nil }
        let ranges = ranged.map { RangeBands.RangedQuestion(question: $0.id, range: answers.ranges[$0.id]!) }
        let positions = ranged.map { questionnaire.position(of: $0.id) ?? 0 }
        let base = questionnaire.vector(answers)
        let baseEvaluation = evaluate(base)
        let winner = baseEvaluation.order[0]
        let baseCheapest = baseEvaluation.costReference
        var low = [Double](repeating: .infinity, count: stacks.count)
        var high = [Double](repeating: -.infinity, count: stacks.count)
        var winnerChange: RangeBands.Change?, cheapestChange: RangeBands.Change?
        let count = 1 << ranged.count
        for mask in 0..<count {
            var vector = base
            for (bit, position) in positions.enumerated() {
                vector.values[position] = mask & (1 << bit) == 0 ? ranges[bit].range.low : ranges[bit].range.high
            }
            let evaluation = evaluate(vector)
            for stack in stacks.indices {
                let bill = evaluation.costs.totals[stack] + evaluation.costs.tokens
                low[stack] = min(low[stack], bill)
                high[stack] = max(high[stack], bill)
            }
            func corner() -> RangeBands.Corner {
                RangeBands.Corner(values: positions.indices.map { .init(question: ranged[$0].id, value: vector.values[positions[$0]]) })
            }
            if winnerChange == nil, evaluation.order[0] != winner {
                winnerChange = .init(corner: corner(), stack: stacks[evaluation.order[0]].id)
            }
            let cheapest = evaluation.costReference
            if cheapestChange == nil, cheapest != baseCheapest {
                cheapestChange = .init(corner: corner(), stack: cheapest.map { stacks[$0].id })
            }
        }
        return RangeBands(ranges: ranges, corners: count,
                          monthly: stacks.indices.map { .init(stack: stacks[$0].id, low: low[$0], high: high[$0]) },
                          winnerChange: winnerChange, cheapestChange: cheapestChange)
    }
}
