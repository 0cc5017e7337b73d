/// The idle fraction at which the cheapest fully priced stack changes.
public struct BreakEven: Hashable, Sendable {
    public var idleFraction: Double
    public var from: StackID
    public var to: StackID
    /// nil under the knowledge base's primary readings; otherwise the other reading of one stack's
    /// meter (such as Anthropic's idle time being billed) under which this break-even appears.
    public var reading: String?
}

/// For one axis: the weights within which the winner stays the winner, the others held as they are.
public struct WeightRange: Hashable, Sendable {
    public var axis: AxisID
    public var current: Double
    public var low: Double
    /// nil when no weight up to the question's maximum unseats the winner.
    public var high: Double?
    public var maximum: Double
}

/// Answer changes that make another stack win.
public struct AnswerChange: Hashable, Sendable {
    public var question: QuestionID
    public var from: AnswerValue
    public var to: AnswerValue
}

public struct WinnerFlip: Hashable, Sendable {
    public var changes: [AnswerChange]
    public var winner: StackID
    /// How big the change is: 1 per changed choice or flag; a number counts its share of its range.
    public var distance: Double
}

public struct Sensitivity: Hashable, Sendable {
    /// Idle fractions the break-even search covers.
    public static let idleRange: ClosedRange<Double> = 0...0.95

    public var breakEvens: [BreakEven]
    public var weightRanges: [WeightRange]
    /// Nearest answer sets with a different winner, nearest first.
    public var flips: [WinnerFlip]
}

extension Engine {
    public func sensitivity(_ answers: Answers) -> Sensitivity {
        if let scoped = rescoped(for: answers) { return scoped.sensitivity(answers) }
        let vector = questionnaire.vector(answers)
        let evaluation = evaluate(vector)
        return Sensitivity(
            breakEvens: breakEvens(Workload(answers: answers, monthHours: knowledgeBase.meta.monthHours), vector: vector),
            weightRanges: weightRanges(evaluation),
            flips: nearestFlips(vector, winner: evaluation.order[0]))
    }

    /// Where the cheapest complete total changes as idle time grows, under the primary readings and
    /// then under each other reading a meter has. With the answers' vector, only stacks that meet
    /// every floor outright take part, as for "cheapest".
    public func breakEvens(_ workload: Workload, vector: AnswerVector? = nil) -> [BreakEven] {
        let standing = vector.map(floorStanding)
        let priced = costs(workload, vector: vector).stacks.enumerated().filter { index, cost in
            !cost.isLowerBound && !cost.lineItems.isEmpty && (standing?.eligible[index] ?? true)
        }.map(\.element)
        var result = breakEvens(priced.map(\.stack), workload: workload, alternative: nil, vector: vector)
        for cost in priced {
            for alternate in cost.alternates {
                let changed = breakEvens(priced.map(\.stack), workload: workload, alternative: (cost.stack, alternate.meter),
                                         vector: vector)
                result += changed.filter { !result.contains($0) }.map {
                    BreakEven(idleFraction: $0.idleFraction, from: $0.from, to: $0.to,
                              reading: "\(stackName(cost.stack)): \(alternate.reading)")
                }
            }
        }
        return result
    }

    /// Every meter is linear in the idle fraction, so each stack's cost is a line and the crossings
    /// can be found exactly.
    private func breakEvens(_ priced: [StackID], workload: Workload,
                            alternative: (stack: StackID, meter: String)?, vector: AnswerVector?) -> [BreakEven] {
        guard priced.count > 1 else { return [] }
        let range = Sensitivity.idleRange
        let lines = priced.map { stack -> (id: StackID, start: Double, slope: Double) in
            let meter = alternative?.stack == stack ? alternative?.meter : nil
            let start = monthlyTotal(stack, workload: workload.withIdle(0), alternativeFor: meter, vector: vector)
            return (stack, start, monthlyTotal(stack, workload: workload.withIdle(1), alternativeFor: meter, vector: vector) - start)
        }
        func cheapest(at idle: Double) -> StackID {
            lines.min { ($0.start + $0.slope * idle, $0.id) < ($1.start + $1.slope * idle, $1.id) }!.id
        }
        var crossings: [Double] = []
        for i in lines.indices {
            for j in lines.indices where j > i && lines[i].slope != lines[j].slope {
                let x = (lines[j].start - lines[i].start) / (lines[i].slope - lines[j].slope)
                if x > range.lowerBound, x < range.upperBound { crossings.append(x) }
            }
        }
        var result: [BreakEven] = []
        var current = cheapest(at: range.lowerBound)
        for x in Set(crossings).sorted() {
            let next = cheapest(at: x + 1e-9)
            if next != current {
                result.append(BreakEven(idleFraction: x, from: current, to: next))
                current = next
            }
        }
        return result
    }

    /// Weighted totals are linear in any one weight, so each bound is where the winner's lead over a
    /// rival reaches zero.
    func weightRanges(_ evaluation: Evaluation) -> [WeightRange] {
        let winner = evaluation.order[0]
        let axisCount = axes.count
        let rivals = stacks.indices.filter { $0 != winner && evaluation.failing[$0] == evaluation.failing[winner] }
        return axes.indices.map { axis in
            let question = questionnaire.question("weights.\(axes[axis].id)")
            let maximum = question?.maximum ?? 10
            var low = 0.0, high: Double? = maximum
            for rival in rivals {
                var lead = 0.0
                for other in 0..<axisCount where other != axis {
                    lead += evaluation.weights[other]
                        * (evaluation.fits[winner * axisCount + other] - evaluation.fits[rival * axisCount + other])
                }
                let slope = evaluation.fits[winner * axisCount + axis] - evaluation.fits[rival * axisCount + axis]
                if slope > 0 {
                    low = max(low, -lead / slope)
                } else if slope < 0 {
                    high = min(high ?? maximum, -lead / slope)
                } else if lead < 0 {
                    high = 0
                }
            }
            let bounded = high.map { $0 >= maximum ? nil : max($0, 0) } ?? nil
            return WeightRange(axis: axes[axis].id, current: evaluation.weights[axis], low: min(low, maximum),
                               high: bounded, maximum: maximum)
        }
    }

    /// Single answer changes that change the winner; if there are none, pairs of changes.
    func nearestFlips(_ vector: AnswerVector, winner: Int) -> [WinnerFlip] {
        nearestChanges(vector, from: winner) { $0.order[0] }
    }

    /// Single answer changes that put the other of two stacks ahead (`WinnerFlip.winner` is the one that
    /// goes ahead); if there are none, pairs of changes.
    func nearestPairFlips(_ vector: AnswerVector, _ first: Int, _ second: Int) -> [WinnerFlip] {
        func ahead(_ evaluation: Evaluation) -> Int {
            (evaluation.order.firstIndex(of: first) ?? 0) < (evaluation.order.firstIndex(of: second) ?? 0) ? first : second
        }
        return nearestChanges(vector, from: ahead(evaluate(vector)), leader: ahead)
    }

    /// The nearest answer changes after which `leader` names another stack than `current`.
    private func nearestChanges(_ vector: AnswerVector, from current: Int, leader: (Evaluation) -> Int) -> [WinnerFlip] {
        let moves = questionnaire.questions.indices.flatMap { alternatives(question: $0, vector: vector) }
        var flips: [WinnerFlip] = []
        for move in moves {
            var changed = vector
            changed.values[move.index] = move.value
            let newLeader = leader(evaluate(changed))
            if newLeader != current { flips.append(flip([move], from: vector, winner: newLeader)) }
        }
        if flips.isEmpty {
            let discrete = moves.filter { $0.distance == 1 }
            for (i, first) in discrete.enumerated() {
                for second in discrete[(i + 1)...] where second.index != first.index {
                    var changed = vector
                    changed.values[first.index] = first.value
                    changed.values[second.index] = second.value
                    let newLeader = leader(evaluate(changed))
                    if newLeader != current { flips.append(flip([first, second], from: vector, winner: newLeader)) }
                }
            }
        }
        return flips.sorted {
            ($0.distance, $0.changes.map(\.question).joined(separator: ","), $0.winner)
                < ($1.distance, $1.changes.map(\.question).joined(separator: ","), $1.winner)
        }
    }

    private struct Move {
        var index: Int
        var value: Double
        var distance: Double
    }

    private func flip(_ moves: [Move], from vector: AnswerVector, winner: Int) -> WinnerFlip {
        WinnerFlip(changes: moves.map { move in
            let question = questionnaire.questions[move.index]
            return AnswerChange(question: question.id,
                                from: questionnaire.decode(vector.values[move.index], for: question),
                                to: questionnaire.decode(move.value, for: question))
        }, winner: stacks[winner].id, distance: moves.reduce(0) { $0 + $1.distance })
    }

    /// The values worth trying for one question: every other option, the other flag, and for numbers
    /// the values on either side of each threshold the rules test.
    private func alternatives(question index: Int, vector: AnswerVector) -> [Move] {
        let question = questionnaire.questions[index]
        guard question.section != "weights" else { return [] }
        let current = vector.values[index]
        switch question.kind {
        case .choice:
            return question.options.indices.map(Double.init).filter { $0 != current }.map { Move(index: index, value: $0, distance: 1) }
        case .boolean:
            return [Move(index: index, value: current == 0 ? 1 : 0, distance: 1)]
        case .integer, .number:
            let minimum = question.minimum ?? 0, maximum = question.maximum ?? 0
            let span = maximum - minimum
            let nudge = question.kind == .integer ? 1 : (question.step ?? span / 100)
            let candidates = thresholds(of: index).flatMap { [$0, $0 - nudge] }
            return Set(candidates).sorted().filter { $0 >= minimum && $0 <= maximum && $0 != current }.map {
                Move(index: index, value: $0, distance: span > 0 ? abs($0 - current) / span : 1)
            }
        case .text, .list:
            return []
        }
    }

    private func thresholds(of index: Int) -> [Double] {
        func collect(_ condition: CompiledCondition) -> [Double] {
            switch condition {
            case .below(let i, let limit), .atLeast(let i, let limit): return i == index ? [limit] : []
            // Strictly above: one whole unit past the limit crosses it (a session a minute longer).
            case .above(let i, let limit): return i == index ? [limit + 1] : []
            case .any(let parts), .all(let parts): return parts.flatMap(collect)
            case .not(let inner): return collect(inner)
            default: return []
            }
        }
        return rules.flatMap { collect($0.condition) } + floors.flatMap { collect($0.condition) }
    }
}
