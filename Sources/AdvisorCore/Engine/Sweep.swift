/// Every combination of the discrete answers (choices and flags that feed an axis or a profile),
/// scored with one workload and one set of weights: what `kb lint` and the benchmark run.
public struct Sweep: Sendable {
    /// The questions varied, in questionnaire order, with how many values each takes.
    public var questions: [(id: QuestionID, values: Int)]
    /// The winner's stack index for every answer set, in mixed-radix order of `questions`.
    public var winners: [Int]
    public var stacks: [StackID]

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
        let total = radices.reduce(1, *)
        var winners = [Int](repeating: 0, count: total)
        var digits = [Int](repeating: 0, count: radices.count)
        for set in 0..<total {
            for (slot, position) in positions.enumerated() { vector.values[position] = Double(digits[slot]) }
            winners[set] = winner(vector)
            var slot = radices.count - 1
            while slot >= 0 {
                digits[slot] += 1
                if digits[slot] < radices[slot] { break }
                digits[slot] = 0
                slot -= 1
            }
        }
        return Sweep(questions: zip(positions, radices).map { (questionnaire.questions[$0].id, $1) },
                     winners: winners, stacks: stacks.map(\.id))
    }

    public func lint(base: Answers) -> LintReport {
        let sweep = sweep(base: base)
        let neverWinning = sweep.stacks.indices.filter { index in !sweep.winners.contains(index) }.map { sweep.stacks[$0] }
        return LintReport(sweep: sweep, neverWinning: neverWinning, idleRules: idleRules(base: base, sweep: sweep),
                          mutedQuestions: mutedQuestions(sweep))
    }

    /// A rule is idle if, in every answer set where it matches, the ranking without it is the same.
    private func idleRules(base: Answers, sweep: Sweep) -> [String] {
        let positions = sweptQuestions
        var vector = questionnaire.vector(base)
        var matters = [Bool](repeating: false, count: rules.count)
        for set in 0..<sweep.count {
            var remainder = set
            for (slot, position) in positions.enumerated().reversed() {
                vector.values[position] = Double(remainder % sweep.questions[slot].values)
                remainder /= sweep.questions[slot].values
            }
            let full = evaluate(vector)
            for index in full.matchedRules where !matters[index] {
                if evaluate(vector, skippingRule: index).order != full.order { matters[index] = true }
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
