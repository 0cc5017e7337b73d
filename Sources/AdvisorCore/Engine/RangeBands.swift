/// What ranged workload numbers do to the advice. Every cost is monotone in each workload input, so
/// its band is exact at the corners of the ranges: each corner is evaluated, none is sampled.
public struct RangeBands: Hashable, Sendable {
    /// One corner: each ranged question at its low or its high.
    public struct Corner: Hashable, Sendable {
        public var values: [(question: QuestionID, value: Double)]

        public static func == (a: Corner, b: Corner) -> Bool {
            a.values.map(\.question) == b.values.map(\.question) && a.values.map(\.value) == b.values.map(\.value)
        }
        public func hash(into hasher: inout Hasher) {
            for entry in values { hasher.combine(entry.question); hasher.combine(entry.value) }
        }
    }

    /// A change of winner or cheapest stack at one corner.
    public struct Change: Hashable, Sendable {
        public var corner: Corner
        public var stack: StackID?
    }

    /// The ranged questions, in questionnaire order, with their ranges.
    public var ranges: [(question: QuestionID, range: ValueRange)]
    public var corners: Int
    /// Each stack's modelled monthly total at its cheapest and dearest corner, in stack-id order.
    public var monthly: [(stack: StackID, low: Double, high: Double)]
    /// The first corner (in corner order) where another stack wins, nil when the winner holds everywhere.
    public var winnerChange: Change?
    /// The first corner where the cheapest complete total meeting every floor is another stack's.
    public var cheapestChange: Change?

    public var holds: Bool { winnerChange == nil && cheapestChange == nil }

    public func band(_ stack: StackID) -> (low: Double, high: Double)? {
        monthly.first { $0.stack == stack }.map { ($0.low, $0.high) }
    }

    public static func == (a: RangeBands, b: RangeBands) -> Bool {
        a.ranges.map(\.question) == b.ranges.map(\.question) && a.ranges.map(\.range) == b.ranges.map(\.range)
            && a.corners == b.corners && a.monthly.map(\.stack) == b.monthly.map(\.stack)
            && a.monthly.map(\.low) == b.monthly.map(\.low) && a.monthly.map(\.high) == b.monthly.map(\.high)
            && a.winnerChange == b.winnerChange && a.cheapestChange == b.cheapestChange
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(corners)
        for entry in ranges { hasher.combine(entry.question) }
    }
}

extension Engine {
    /// The cost bands and the winner's and cheapest stack's stability across every corner of the
    /// answers' ranges; nil when no answer is a range.
    public func rangeBands(_ answers: Answers) -> RangeBands? {
        let ranged = questionnaire.questions.filter { answers.ranges[$0.id] != nil }
        guard !ranged.isEmpty else { return nil }
        let ranges = ranged.map { ($0.id, answers.ranges[$0.id]!) }
        let positions = ranged.map { questionnaire.position(of: $0.id) ?? 0 }
        let base = questionnaire.vector(answers)
        let baseEvaluation = evaluate(base)
        let winner = baseEvaluation.order[0]
        let baseCheapest = cheapestComplete(baseEvaluation.costs, eligible: eligibility(base))
        var low = [Double](repeating: .infinity, count: stacks.count)
        var high = [Double](repeating: -.infinity, count: stacks.count)
        var winnerChange: RangeBands.Change?, cheapestChange: RangeBands.Change?
        let count = 1 << ranged.count
        for mask in 0..<count {
            var vector = base
            for (bit, position) in positions.enumerated() {
                vector.values[position] = mask & (1 << bit) == 0 ? ranges[bit].1.low : ranges[bit].1.high
            }
            let evaluation = evaluate(vector)
            for stack in stacks.indices {
                low[stack] = min(low[stack], evaluation.costs.totals[stack])
                high[stack] = max(high[stack], evaluation.costs.totals[stack])
            }
            func corner() -> RangeBands.Corner {
                RangeBands.Corner(values: positions.indices.map { (ranged[$0].id, vector.values[positions[$0]]) })
            }
            if winnerChange == nil, evaluation.order[0] != winner {
                winnerChange = .init(corner: corner(), stack: stacks[evaluation.order[0]].id)
            }
            let cheapest = cheapestComplete(evaluation.costs, eligible: eligibility(vector))
            if cheapestChange == nil, cheapest != baseCheapest {
                cheapestChange = .init(corner: corner(), stack: cheapest.map { stacks[$0].id })
            }
        }
        return RangeBands(ranges: ranges, corners: count,
                          monthly: stacks.indices.map { (stacks[$0].id, low[$0], high[$0]) },
                          winnerChange: winnerChange, cheapestChange: cheapestChange)
    }

    /// Stacks that meet every floor outright for an answer vector.
    func eligibility(_ vector: AnswerVector) -> [Bool] {
        let standing = floorStanding(vector)
        return stacks.indices.map { !standing.failing[$0] && !standing.unverified[$0] }
    }
}
