/// One rule's part in a fit: "+0.40 because …".
public struct Contribution: Hashable, Sendable {
    public var rule: String
    public var delta: Double
    public var because: Cited
}

/// A stack's fit on one axis, with every rule that moved it.
public struct AxisScore: Hashable, Sendable {
    public var axis: AxisID
    public var fit: Double
    public var neutral: Double
    public var weight: Double
    public var contributions: [Contribution]
    /// True when the rules pushed the fit past 0 or 1 and it was held there.
    public var clamped: Bool
}

/// A hard floor this stack does not meet, and why.
public struct FloorFailure: Hashable, Sendable {
    public var floor: String
    public var axis: AxisID
    public var reason: String
    public var because: Cited
}

public struct StackScore: Hashable, Sendable {
    public var stack: StackID
    public var rank: Int
    public var total: Double
    public var axes: [AxisScore]
    public var floorFailures: [FloorFailure]
    public var meetsFloors: Bool { floorFailures.isEmpty }

    public func axis(_ id: AxisID) -> AxisScore? { axes.first { $0.axis == id } }
}

/// The stacks in rank order: those meeting every floor first, then by weighted total, then by id.
public struct Ranking: Hashable, Sendable {
    public var scores: [StackScore]
    public var profiles: [Profile]
    /// How far the winner leads the runner-up that also meets the floors (0 when there is none).
    public var margin: Double
    public var isClose: Bool

    public var winner: StackScore { scores[0] }
    public func score(_ stack: StackID) -> StackScore? { scores.first { $0.stack == stack } }
}

/// The numbers behind a ranking, without names or sentences: cheap enough to compute thousands of times.
struct Evaluation {
    var fits: [Double]
    var totals: [Double]
    var failing: [Bool]
    var matchedRules: [Int]
    var matchedFloors: [Int]
    var weights: [Double]
    var order: [Int]
    var matchedProfiles: [Int]
}

extension Engine {
    public func rank(_ answers: Answers) -> Ranking {
        ranking(from: evaluate(questionnaire.vector(answers)))
    }

    /// Scores one answer set. Rules are summed in rule-id order, so neither file order nor rule order
    /// in the knowledge base can change a result.
    func evaluate(_ vector: AnswerVector, skippingRule skipped: Int? = nil) -> Evaluation {
        let axisCount = axes.count, stackCount = stacks.count
        var fits = [Double](repeating: 0, count: stackCount * axisCount)
        for stack in 0..<stackCount {
            for axis in 0..<axisCount { fits[stack * axisCount + axis] = axes[axis].neutral }
        }
        var matchedRules: [Int] = []
        for (index, rule) in rules.enumerated() where index != skipped && rule.condition.holds(vector) {
            matchedRules.append(index)
            for adjustment in rule.adjustments { fits[adjustment.stack * axisCount + rule.axis] += adjustment.delta }
        }
        for index in fits.indices { fits[index] = min(1, max(0, fits[index])) }
        var failing = [Bool](repeating: false, count: stackCount)
        var matchedFloors: [Int] = []
        for (index, floor) in floors.enumerated() where floor.condition.holds(vector) {
            matchedFloors.append(index)
            for failure in floor.failing { failing[failure.stack] = true }
        }
        let weights = weightPositions.map { max(0, vector.values[$0]) }
        let weightSum = weights.reduce(0, +)
        var totals = [Double](repeating: 0, count: stackCount)
        for stack in 0..<stackCount {
            var sum = 0.0
            for axis in 0..<axisCount { sum += weights[axis] * fits[stack * axisCount + axis] }
            totals[stack] = weightSum > 0 ? sum / weightSum : 0
        }
        // Stacks are held in id order, so the index breaks ties the same way the id would.
        let order = (0..<stackCount).sorted { a, b in
            if failing[a] != failing[b] { return !failing[a] }
            if totals[a] != totals[b] { return totals[a] > totals[b] }
            return a < b
        }
        let profileConditions = self.profileConditions
        let matchedProfiles = profileConditions.indices.filter { profileConditions[$0].holds(vector) }
        return Evaluation(fits: fits, totals: totals, failing: failing, matchedRules: matchedRules,
                          matchedFloors: matchedFloors, weights: weights, order: order,
                          matchedProfiles: matchedProfiles)
    }

    /// Index of the winning stack for an answer set.
    func winner(_ vector: AnswerVector) -> Int { evaluate(vector).order[0] }

    /// Names, sentences and sources for an evaluation: the "why" a person can read.
    func ranking(from evaluation: Evaluation) -> Ranking {
        let axisCount = axes.count
        let scores = evaluation.order.enumerated().map { rank, stack -> StackScore in
            let axisScores = axes.indices.map { axis -> AxisScore in
                let contributions = evaluation.matchedRules.compactMap { index -> Contribution? in
                    let rule = rules[index]
                    guard rule.axis == axis, let adjustment = rule.adjustments.first(where: { $0.stack == stack }) else {
                        return nil
                    }
                    return Contribution(rule: rule.rule.id, delta: adjustment.delta, because: rule.rule.because)
                }
                let raw = axes[axis].neutral + contributions.reduce(0) { $0 + $1.delta }
                return AxisScore(axis: axes[axis].id, fit: evaluation.fits[stack * axisCount + axis],
                                 neutral: axes[axis].neutral, weight: evaluation.weights[axis],
                                 contributions: contributions, clamped: raw < -1e-12 || raw > 1 + 1e-12)
            }
            let failures = evaluation.matchedFloors.flatMap { index -> [FloorFailure] in
                let floor = floors[index]
                return floor.failing.filter { $0.stack == stack }.map {
                    FloorFailure(floor: floor.floor.id, axis: floor.floor.axis, reason: $0.reason, because: floor.floor.because)
                }
            }
            return StackScore(stack: stacks[stack].id, rank: rank + 1, total: evaluation.totals[stack],
                              axes: axisScores, floorFailures: failures)
        }
        let eligible = scores.filter(\.meetsFloors)
        let margin = eligible.count > 1 ? eligible[0].total - eligible[1].total : 0
        return Ranking(scores: scores, profiles: evaluation.matchedProfiles.map { profiles[$0] }, margin: margin,
                       isClose: eligible.count > 1 && margin < knowledgeBase.meta.closeMargin)
    }
}
