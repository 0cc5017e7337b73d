/// Every combination of the discrete answers (choices and flags that feed an axis or a profile),
/// scored with one workload and one set of weights: what `kb lint` and the benchmark run.
public struct Sweep: Sendable {
    /// The questions varied, in questionnaire order, with how many values each takes.
    public var questions: [(id: QuestionID, values: Int)]
    /// The winner's stack index for every answer set, in mixed-radix order of `questions`.
    public var winners: [Int]
    public var stacks: [StackID]
    /// Answer sets whose winner is level with another stack.
    public var ties: Int = 0
    /// Answer sets whose winner leaves a floor unverified, so the recommendation is conditional.
    public var conditional: Int = 0

    public var count: Int { winners.count }

    public func wins(_ stack: StackID) -> Int {
        guard let index = stacks.firstIndex(of: stack) else { return 0 }
        return winners.reduce(0) { $0 + ($1 == index ? 1 : 0) }
    }
}

/// What `kb lint` finds: the share of answer sets each stack wins, and parts of the knowledge base
/// that never make a difference.
public struct LintReport: Sendable {
    public var sweep: Sweep
    public var neverWinning: [StackID]
    /// Rules whose removal changes no ranking in any answer set.
    public var idleRules: [String]
    /// Discrete questions whose answer never changes the winner, other answers held.
    public var mutedQuestions: [QuestionID]
    /// Each of the scout's profiles on its home ground.
    public var homeGrounds: [HomeGroundShare]
}

/// How often the stacks the scout names win where its profile decides.
public struct HomeGroundShare: Sendable {
    public var ground: HomeGround
    /// Answer sets the ground covers once exclusions are taken out.
    public var size: Int
    /// Answer sets left out by each exclusion (an answer set counts under the first that holds).
    public var excluded: [Int]
    public var wins: Int
    /// Of the wins, those where the winner leaves a floor unverified (a conditional recommendation).
    public var conditionalWins: Int
    /// Who wins the rest, most often first.
    public var others: [(stack: StackID, count: Int)]

    public var share: Double { size > 0 ? Double(wins) / Double(size) : 1 }
}

extension Engine {
    /// Positions of the questions the sweep varies.
    var sweptQuestions: [Int] {
        questionnaire.questions.indices.filter { index in
            let question = questionnaire.questions[index]
            let feedsScoring = question.feeds.contains { $0 == "profile" || axisIDs.contains($0) }
            return (question.kind == .choice || question.kind == .boolean) && feedsScoring
        }
    }

    /// Scores every discrete answer set, keeping `base`'s numbers and weights.
    public func sweep(base: Answers) -> Sweep {
        let positions = sweptQuestions
        let radices = positions.map { questionnaire.questions[$0].kind == .boolean ? 2 : questionnaire.questions[$0].options.count }
        var vector = questionnaire.vector(base)
        let costs = meterPrices(workload(vector))  // the sweep keeps the workload, so prices hold for every set
        let total = radices.reduce(1, *)
        var winners = [Int](repeating: 0, count: total)
        var ties = 0, conditional = 0
        var digits = [Int](repeating: 0, count: radices.count)
        for set in 0..<total {
            for (slot, position) in positions.enumerated() { vector.values[position] = Double(digits[slot]) }
            let evaluation = evaluate(vector, fixedCosts: costs)
            winners[set] = evaluation.order[0]
            if !evaluation.tiedWithWinner.isEmpty { ties += 1 }
            if evaluation.unverified[evaluation.order[0]] { conditional += 1 }
            var slot = radices.count - 1
            while slot >= 0 {
                digits[slot] += 1
                if digits[slot] < radices[slot] { break }
                digits[slot] = 0
                slot -= 1
            }
        }
        return Sweep(questions: zip(positions, radices).map { (questionnaire.questions[$0].id, $1) },
                     winners: winners, stacks: stacks.map(\.id), ties: ties, conditional: conditional)
    }

    public func lint(base: Answers) -> LintReport {
        let sweep = sweep(base: base)
        let neverWinning = sweep.stacks.indices.filter { index in !sweep.winners.contains(index) }.map { sweep.stacks[$0] }
        return LintReport(sweep: sweep, neverWinning: neverWinning, idleRules: idleRules(base: base, sweep: sweep),
                          mutedQuestions: mutedQuestions(sweep), homeGrounds: homeGroundShares(base: base, sweep: sweep))
    }

    /// The answer vector of one answer set of a sweep, by its index.
    private func vector(ofSet set: Int, sweep: Sweep, base: AnswerVector) -> AnswerVector {
        var vector = base
        var remainder = set
        for (slot, position) in sweptQuestions.enumerated().reversed() {
            vector.values[position] = Double(remainder % sweep.questions[slot].values)
            remainder /= sweep.questions[slot].values
        }
        return vector
    }

    private func homeGroundShares(base: Answers, sweep: Sweep) -> [HomeGroundShare] {
        let profileByID = Dictionary(profiles.map { ($0.id, $0.condition) }, uniquingKeysWith: { a, _ in a })
        let baseVector = questionnaire.vector(base)
        return knowledgeBase.homeGrounds.map { ground in
            let condition = questionnaire.compile(ground.condition, profiles: profileByID)
            let exclusions = ground.exclusions.map { questionnaire.compile($0.condition, profiles: profileByID) }
            let expected = Set(ground.expect.compactMap { id in stacks.firstIndex { $0.id == id } })
            var excluded = [Int](repeating: 0, count: exclusions.count)
            var size = 0, wins = 0, conditionalWins = 0
            var others: [Int: Int] = [:]
            for set in 0..<sweep.count {
                let vector = vector(ofSet: set, sweep: sweep, base: baseVector)
                guard condition.holds(vector) else { continue }
                if let index = exclusions.firstIndex(where: { $0.holds(vector) }) {
                    excluded[index] += 1
                    continue
                }
                size += 1
                let winner = sweep.winners[set]
                if expected.contains(winner) {
                    wins += 1
                    if floorStanding(vector).unverified[winner] { conditionalWins += 1 }
                } else {
                    others[winner, default: 0] += 1
                }
            }
            return HomeGroundShare(ground: ground, size: size, excluded: excluded, wins: wins,
                                   conditionalWins: conditionalWins,
                                   others: others.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                                       .map { (stacks[$0.key].id, $0.value) })
        }
    }

    /// A rule is idle if, in every answer set where it matches, the ranking without it is the same.
    private func idleRules(base: Answers, sweep: Sweep) -> [String] {
        let baseVector = questionnaire.vector(base)
        let costs = meterPrices(workload(baseVector))
        var matters = [Bool](repeating: false, count: rules.count)
        for set in 0..<sweep.count {
            let vector = vector(ofSet: set, sweep: sweep, base: baseVector)
            let full = evaluate(vector, fixedCosts: costs)
            for index in full.matchedRules where !matters[index] {
                if evaluate(vector, skippingRule: index, fixedCosts: costs).order != full.order { matters[index] = true }
            }
            if !matters.contains(false) { break }
        }
        return rules.indices.filter { !matters[$0] }.map { rules[$0].rule.id }
    }

    /// A question is muted if changing only its answer never changes the winner.
    private func mutedQuestions(_ sweep: Sweep) -> [QuestionID] {
        var stride = 1
        var strides = [Int](repeating: 1, count: sweep.questions.count)
        for slot in sweep.questions.indices.reversed() {
            strides[slot] = stride
            stride *= sweep.questions[slot].values
        }
        return sweep.questions.indices.filter { slot in
            let radix = sweep.questions[slot].values, step = strides[slot]
            for set in 0..<sweep.count where (set / step) % radix == 0 {
                let first = sweep.winners[set]
                for value in 1..<radix where sweep.winners[set + value * step] != first { return false }
            }
            return true
        }.map { sweep.questions[$0].id }
    }
}
