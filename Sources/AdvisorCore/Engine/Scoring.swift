/// One rule's part in a fit: "+0.40 because …".
public struct Contribution: Hashable, Sendable {
    /// The rule's id, or `Contribution.costRule` for the part cost plays.
    public var rule: String
    public var delta: Double
    public var because: Cited

    /// The id under which the cost engine's part in a fit is listed.
    public static let costRule = "cost-fit"
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

    /// How much the modelled cost moved this fit (nil on axes cost does not touch).
    public var costAdjustment: Double? { contributions.first { $0.rule == Contribution.costRule }?.delta }
}

/// How a stack stands against one floor that applies to the answers.
public struct FloorResult: Hashable, Sendable {
    public var floor: String
    /// How sentences name it: "sandbox threat model floor", "session lifetime".
    public var name: String
    /// Its name in a table cell: "sandbox threat model", "session lifetime".
    public var label: String { name.hasSuffix(" floor") ? String(name.dropLast(6)) : name }
    public var axis: AxisID
    public var status: FloorStatus
    public var reason: String
    /// What to confirm, when the status is unverified.
    public var confirm: String?
    public var because: Cited
}

public struct StackScore: Hashable, Sendable {
    public var stack: StackID
    public var rank: Int
    public var total: Double
    public var axes: [AxisScore]
    /// Every floor that applies, met or not.
    public var floors: [FloorResult]

    public var floorFailures: [FloorResult] { floors.filter { $0.status == .failed } }
    public var unverifiedFloors: [FloorResult] { floors.filter { $0.status == .unverified } }
    /// Where the stack stands against the floors that apply: the one word every surface uses.
    public var standing: FloorStanding {
        floors.isEmpty ? .none : floors.contains { $0.status == .failed } ? .failed
            : floors.contains { $0.status == .unverified } ? .unverified : .met
    }
    /// How far cost moved the weighted total (the cost axis's adjustment times its share of the weights).
    public var costEffect: Double {
        let weightSum = axes.reduce(0) { $0 + $1.weight }
        guard weightSum > 0 else { return 0 }
        return axes.reduce(0) { $0 + ($1.costAdjustment ?? 0) * $1.weight } / weightSum
    }

    public func axis(_ id: AxisID) -> AxisScore? { axes.first { $0.axis == id } }
}

/// The stacks in rank order: those failing no floor first, then by weighted total, then (on an exact tie) those
/// meeting every floor outright, then by id.
public struct Ranking: Hashable, Sendable {
    public var scores: [StackScore]
    public var profiles: [Profile]
    /// How far the winner leads the runner-up that also fails no floor (0 when there is none).
    public var margin: Double
    public var isClose: Bool
    /// Stacks whose total equals the winner's: a tie the ranking's order does not decide.
    public var tiedWith: [StackID]
    /// When the winner's floor is unverified: the best stack that meets every floor outright.
    public var fallback: StackID?

    public var winner: StackScore { scores[0] }
    /// Every weight is 0: nothing to rank by, so no stack leads (the wizard's weights can pass through this).
    public var isWeightless: Bool { scores.first?.axes.allSatisfy { $0.weight == 0 } ?? true }
    public func score(_ stack: StackID) -> StackScore? { scores.first { $0.stack == stack } }
    /// What the team must confirm before the recommendation holds (empty when it is unconditional).
    public var condition: [String] { winner.unverifiedFloors.compactMap(\.confirm) }
}

/// Where a stack, or the recommendation, stands against the floors that apply to one answer set.
/// There is no "meets the floors" boolean: an unverified floor is neither met nor failed.
public enum FloorStanding: String, CaseIterable, Sendable {
    /// Every floor that applies is met outright.
    case met
    /// No floor fails, but at least one can only be met once the team confirms something.
    case unverified
    /// At least one floor fails: the stack ranks after every stack that fails none.
    case failed
    /// No floor applies to these answers.
    case none

    /// Meets every floor that applies outright, or none applies: nothing to confirm.
    public var meetsEveryFloor: Bool { self == .met || self == .none }

    /// The word for a table cell.
    public var word: String {
        switch self {
        case .met: "met"
        case .unverified: "unverified"
        case .failed: "FAILS"
        case .none: "none apply"
        }
    }
}

/// How each stack (by index) stands against the floors that apply to one answer set.
struct FloorTally {
    var failing: [Bool]
    var unverified: [Bool]
    /// Indices of the floors that apply.
    var matched: [Int]

    /// Stacks that meet every floor outright: the ones "cheapest" and the cost reference choose among.
    var eligible: [Bool] { zip(failing, unverified).map { !$0 && !$1 } }
}

/// The numbers behind a ranking, without names or sentences: cheap enough to compute thousands of times.
struct Evaluation {
    var vector: AnswerVector
    var fits: [Double]
    var totals: [Double]
    var failing: [Bool]
    var unverified: [Bool]
    var matchedRules: [Int]
    var matchedFloors: [Int]
    var weights: [Double]
    var order: [Int]
    var matchedProfiles: [Int]
    var costs: CostFigures
    var costReference: Int?
    var costAdjustments: [Double]

    /// Totals closer than this are a tie: sums of the same adjustments in another order differ by rounding only.
    static let tieTolerance = 1e-9

    /// Stacks level with the winner and sharing its floor standing (an exact tie between a stack that
    /// meets every floor and one that leaves a floor unverified is decided by the floors, not reported).
    var tiedWithWinner: [Int] {
        let winner = order[0]
        return order.dropFirst().filter {
            failing[$0] == failing[winner] && unverified[$0] == unverified[winner]
                && abs(totals[$0] - totals[winner]) <= Evaluation.tieTolerance
        }
    }

    /// The best-ranked stack that meets every floor outright, when the winner's standing is unverified.
    var fallback: Int? {
        guard unverified[order[0]], !failing[order[0]] else { return nil }
        return order.first { !failing[$0] && !unverified[$0] }
    }
}

extension Engine {
    public func rank(_ answers: Answers) -> Ranking {
        if let scoped = rescoped(for: answers) { return scoped.rank(answers) }
        let vector = questionnaire.vector(answers)
        return ranking(from: evaluate(vector))
    }

    /// Which stacks fail or are unverified against the floors that apply, and which floors apply.
    func floorStanding(_ vector: AnswerVector) -> FloorTally {
        var failing = [Bool](repeating: false, count: stacks.count)
        var unverified = failing
        var matched: [Int] = []
        // By index, so no floor is copied (with its texts) to be tested.
        for index in floors.indices where floors[index].condition.holds(vector) {
            matched.append(index)
            for failure in floors[index].failing { failing[failure.stack] = true }
            for item in floors[index].unverified { unverified[item.stack] = true }
        }
        return FloorTally(failing: failing, unverified: unverified, matched: matched)
    }

    /// Scores one answer set. Rules are summed in rule-id order, so neither file order nor rule order
    /// in the knowledge base can change a result. Cost joins its axis before fits are held to 0...1.
    /// `fixedCosts` are the meter prices of an answer set with the same workload (see `costFigures`);
    /// `costTotals` replace the compared totals (a contested fact's other reading).
    func evaluate(_ vector: AnswerVector, skippingRule skipped: Int? = nil, fixedCosts: MeterPrices? = nil,
                  costTotals: [Double]? = nil) -> Evaluation {
        let axisCount = axes.count, stackCount = stacks.count
        var fits = [Double](repeating: 0, count: stackCount * axisCount)
        for stack in 0..<stackCount {
            for axis in 0..<axisCount { fits[stack * axisCount + axis] = axes[axis].neutral }
        }
        var matchedRules: [Int] = []
        matchedRules.reserveCapacity(rules.count)
        // By index, so no rule is copied (with its texts) to be tested.
        for index in rules.indices where index != skipped && rules[index].condition.holds(vector) {
            matchedRules.append(index)
            let axis = rules[index].axis
            for adjustment in rules[index].adjustments { fits[adjustment.stack * axisCount + axis] += adjustment.delta }
        }
        let standing = floorStanding(vector)
        var costs = costFigures(vector, fixed: fixedCosts)
        if let costTotals { costs.totals = costTotals }
        let reference = cheapestComplete(costs, eligible: standing.eligible)
        let costAdjustments = costAdjustments(costs, reference: reference)
        if let fit = costFit {
            for stack in 0..<stackCount { fits[stack * axisCount + fit.axis] += costAdjustments[stack] }
        }
        for index in fits.indices { fits[index] = min(1, max(0, fits[index])) }
        let weights = weightPositions.map { max(0, vector.values[$0]) }
        let weightSum = weights.reduce(0, +)
        var totals = [Double](repeating: 0, count: stackCount)
        for stack in 0..<stackCount {
            var sum = 0.0
            for axis in 0..<axisCount { sum += weights[axis] * fits[stack * axisCount + axis] }
            totals[stack] = weightSum > 0 ? sum / weightSum : 0
        }
        let failing = standing.failing, unverified = standing.unverified
        // An exact tie goes to the stack that meets every floor outright; stacks are held in id order, so
        // the index puts the rest of a tie in id order, and such ties are reported as ties.
        let order = (0..<stackCount).sorted { a, b in
            if failing[a] != failing[b] { return !failing[a] }
            if abs(totals[a] - totals[b]) > Evaluation.tieTolerance { return totals[a] > totals[b] }
            if unverified[a] != unverified[b] { return !unverified[a] }
            return a < b
        }
        let profileConditions = self.profileConditions
        let matchedProfiles = profileConditions.indices.filter { profileConditions[$0].holds(vector) }
        return Evaluation(vector: vector, fits: fits, totals: totals, failing: failing, unverified: standing.unverified,
                          matchedRules: matchedRules, matchedFloors: standing.matched, weights: weights, order: order,
                          matchedProfiles: matchedProfiles, costs: costs, costReference: reference,
                          costAdjustments: costAdjustments)
    }

    /// Index of the winning stack for an answer set.
    func winner(_ vector: AnswerVector) -> Int { evaluate(vector).order[0] }

    /// Names, sentences and sources for an evaluation: the "why" a person can read.
    func ranking(from evaluation: Evaluation) -> Ranking {
        let axisCount = axes.count
        let scores = evaluation.order.enumerated().map { rank, stack -> StackScore in
            let axisScores = axes.indices.map { axis -> AxisScore in
                var contributions = evaluation.matchedRules.compactMap { index -> Contribution? in
                    let rule = rules[index]
                    guard rule.axis == axis, let adjustment = rule.rule.adjust.first(where: { $0.stack == stacks[stack].id }) else {
                        return nil
                    }
                    return Contribution(rule: rule.rule.id, delta: adjustment.delta,
                                        because: Cited(text: adjustment.why, sources: rule.rule.because.sources,
                                                       asOf: rule.rule.because.asOf))
                }
                if costFit?.axis == axis {
                    contributions.append(costContribution(stack, evaluation: evaluation))
                }
                let raw = axes[axis].neutral + contributions.reduce(0) { $0 + $1.delta }
                return AxisScore(axis: axes[axis].id, fit: evaluation.fits[stack * axisCount + axis],
                                 neutral: axes[axis].neutral, weight: evaluation.weights[axis],
                                 contributions: contributions, clamped: raw < -1e-12 || raw > 1 + 1e-12)
            }
            return StackScore(stack: stacks[stack].id, rank: rank + 1, total: evaluation.totals[stack],
                              axes: axisScores, floors: floorResults(stack, matched: evaluation.matchedFloors,
                                                                     vector: evaluation.vector))
        }
        let eligible = scores.filter { $0.standing != .failed }
        let margin = eligible.count > 1 ? eligible[0].total - eligible[1].total : 0
        return Ranking(scores: scores, profiles: evaluation.matchedProfiles.map { profiles[$0] }, margin: margin,
                       isClose: eligible.count > 1 && margin < knowledgeBase.meta.closeMargin,
                       tiedWith: evaluation.tiedWithWinner.map { stacks[$0].id },
                       fallback: evaluation.fallback.map { stacks[$0].id })
    }

    func floorName(_ floor: Floor) -> String { floor.name ?? "\(axisName(floor.axis).lowercased()) floor" }

    private func floorResults(_ stack: Int, matched: [Int], vector: AnswerVector) -> [FloorResult] {
        matched.map { index in
            let floor = floors[index]
            if let failure = floor.failing.first(where: { $0.stack == stack }) {
                return FloorResult(floor: floor.floor.id, name: floorName(floor.floor), axis: floor.floor.axis, status: .failed, reason: failure.reason,
                                   confirm: nil, because: floor.floor.because)
            }
            if let item = floor.unverified.firstIndex(where: { $0.stack == stack }) {
                return FloorResult(floor: floor.floor.id, name: floorName(floor.floor), axis: floor.floor.axis, status: .unverified,
                                   reason: floor.unverified[item].reason, confirm: floor.confirm(item, vector),
                                   because: floor.floor.because)
            }
            return FloorResult(floor: floor.floor.id, name: floorName(floor.floor), axis: floor.floor.axis, status: .met,
                               reason: floor.floor.because.text, confirm: nil, because: floor.floor.because)
        }
    }

    /// The sentence behind cost's part in a fit, with the figures it was computed from.
    private func costContribution(_ stack: Int, evaluation: Evaluation) -> Contribution {
        let costs = evaluation.costs
        let delta = evaluation.costAdjustments[stack]
        let sources = Array(Set(meters(stack, evaluation.vector).flatMap(\.sources) + stacks[stack].exposures.filter(\.scoredAtUpperEnd)
            .flatMap(\.sources))).sorted()
        let asOf = knowledgeBase.meta.asOf
        func because(_ text: String) -> Contribution {
            Contribution(rule: Contribution.costRule, delta: delta, because: Cited(text: text, sources: sources, asOf: asOf))
        }
        guard costs.priced[stack] else {
            return because("Nothing of this stack is priced in the knowledge base, so cost does not move its fit.")
        }
        guard let reference = evaluation.costReference, let fit = costFit else {
            return because("No stack that meets every floor has a complete monthly total, so cost moves no fit.")
        }
        var own = (costs.complete[stack] ? "" : "at least ") + Format.money(costs.totals[stack])
        if costs.scoredExposure[stack] > 0 {
            let names = stacks[stack].exposures.filter(\.scoredAtUpperEnd).map { lowercasedFirst($0.name) }
            own += " (counting \(names.joined(separator: " and ")) at the upper end, "
                + "\(Format.money(costs.scoredExposure[stack])) of it)"
        }
        // With a price book every figure here is at your prices; said once, beside the stack's own.
        let month = priceBook == nil ? "a month" : "a month at your prices"
        let floor = Format.money(costs.totals[reference])
        if stack == reference {
            return because("At \(own) \(month) this is the cheapest complete total among the stacks that meet every floor, "
                           + "so cost takes nothing off.")
        }
        let extra = costs.totals[stack] - costs.totals[reference]
        guard extra > 0 else {
            return because("It costs \(own) \(month), no more than \(floor) for \(stackName(stacks[reference].id)), the cheapest "
                           + "complete total that meets every floor, so cost takes nothing off.")
        }
        let share = extra / (costs.totals[stack] + costs.tokens)
        let spend = costs.tokens > 0 ? "runtime plus tokens" : "runtime spend (no token cost was given)"
        return because("It costs \(own) \(month) against \(floor) for \(stackName(stacks[reference].id)), the cheapest complete "
                       + "total that meets every floor; the extra \(Format.money(extra)) is \(Format.percent(share)) of its "
                       + "\(spend), so cost takes \(Format.score(fit.weight)) × \(Format.percent(share)) off.")
    }
}
