/// Two stacks side by side for one set of answers: where each stands, each axis's fits with every rule
/// that separates them (and the sentence behind it), the floors, the monthly bill line by line, what
/// to confirm, the main risk, and the nearest answer change that would put the other one ahead. The
/// engine makes every figure and sentence; `compare`, its JSON and Markdown, and the wizard render it.
/// (Not the team comparison view, which puts people side by side.)
public struct SideBySide: Hashable, Sendable {
    /// One stack's column.
    public struct Side: Hashable, Sendable {
        public var score: StackScore
        public var cost: StackCost
        /// Where it stands against the floors, in words.
        public var standing: Sentence
        /// What to confirm before it holds (empty when no floor is unverified).
        public var conditions: [Sentence]
        /// What to confirm in one place: `conditions`, or that there is nothing to confirm.
        public var toConfirm: [Sentence]
        /// Its most severe open risk, with the count.
        public var mainRisk: Sentence
        public var stack: StackID { score.stack }
    }

    /// One axis: both fits, the weight, and the rules that move the two apart, the widest gap first.
    public struct AxisRow: Hashable, Sendable {
        public var axis: AxisID
        public var weight: Double
        /// The first stack's fit and the second's.
        public var fits: [Double]
        /// How much this axis adds to the first stack's lead in the weighted total (negative: the second's).
        public var lead: Double
        public var separations: [SeparatingRule]
    }

    /// A rule that separates the two, as a sentence: whom it favours, by how much fit, and why.
    public struct SeparatingRule: Hashable, Sendable {
        public var separation: Separation
        public var sentence: Sentence
    }

    /// A floor that applies, and how each stack stands against it.
    public struct FloorRow: Hashable, Sendable {
        public var floor: String
        public var axis: AxisID
        /// The first stack's result and the second's.
        public var results: [FloorResult]
    }

    /// The two stacks in the order asked for.
    public var sides: [Side]
    /// Which ranks ahead, where each ranks and by how much.
    public var headline: Sentence
    public var axes: [AxisRow]
    public var floors: [FloorRow]
    /// Where each stands against the floors, in words; one sentence when neither has a floor to meet.
    public var standings: [Sentence]
    /// Both whole monthly bills and the difference, at your prices when a price book is used.
    public var costNote: Sentence
    /// The nearest answer change that puts the other stack ahead; nil when none of one or two answers does.
    public var flip: WinnerFlip?
    /// `flip` in words, or that no change of one or two answers does it.
    public var flipSentence: Sentence
    /// The stacks as asked for.
    public var stacks: [StackID] { sides.map(\.stack) }

    /// A rank in words: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st.
    public static func ordinal(_ number: Int) -> String {
        switch (number % 10, number % 100) {
        case (_, 11...13): "\(number)th"
        case (1, _): "\(number)st"
        case (2, _): "\(number)nd"
        case (3, _): "\(number)rd"
        default: "\(number)th"
        }
    }
}

extension Engine {
    /// `first` and `second` side by side for the answers `advice` was made from (its ranking and costs are
    /// used as they are); nil when either is not a stack these answers rank (unknown, or ruled out).
    public func sideBySide(_ first: StackID, _ second: StackID, in advice: Advice) -> SideBySide? {
        if let scoped = rescoped(for: advice.answers) { return scoped.sideBySide(first, second, in: advice) }
        guard first != second, let a = side(first, advice), let b = side(second, advice),
              let firstIndex = stacks.firstIndex(where: { $0.id == first }),
              let secondIndex = stacks.firstIndex(where: { $0.id == second }) else { return nil }
        let weightSum = a.score.axes.reduce(0) { $0 + $1.weight }
        let axes = a.score.axes.compactMap { axis -> SideBySide.AxisRow? in
            guard let other = b.score.axis(axis.axis) else { return nil }
            let rules = separations(axis, other, first: first, second: second, costs: advice.costs).map { separating($0) }
            return SideBySide.AxisRow(axis: axis.axis, weight: axis.weight, fits: [axis.fit, other.fit],
                                      lead: weightSum > 0 ? axis.weight * (axis.fit - other.fit) / weightSum : 0,
                                      separations: rules)
        }
        let floors = a.score.floors.compactMap { floor -> SideBySide.FloorRow? in
            guard let other = b.score.floors.first(where: { $0.floor == floor.floor }) else { return nil }
            return SideBySide.FloorRow(floor: floor.floor, axis: floor.axis, results: [floor, other])
        }
        let flip = nearestPairFlips(questionnaire.vector(advice.answers), firstIndex, secondIndex).first
        let standings = a.standing == b.standing ? [a.standing] : [a.standing, b.standing]
        return SideBySide(sides: [a, b], headline: pairHeadline(a.score, b.score), axes: axes, floors: floors, standings: standings,
                          costNote: pairCostNote(a.cost, b.cost, costs: advice.costs), flip: flip,
                          flipSentence: pairFlipSentence(flip, a.score, b.score))
    }

    private func side(_ stack: StackID, _ advice: Advice) -> SideBySide.Side? {
        guard let score = advice.ranking.score(stack), let cost = advice.costs.cost(stack) else { return nil }
        let conditions = score.unverifiedFloors.map { floor in
            let confirm = ensurePeriod(floor.confirm ?? "Confirm the \(axisName(floor.axis).lowercased()) floor.")
            return Sentence(full: "\(shortName(stack)): " + confirm,
                            shorts: ["\(shortName(stack)): confirm the \(axisName(floor.axis).lowercased()) floor"],
                            sources: floor.because.sources)
        }
        let nothing = Sentence("\(shortName(stack)): nothing to confirm for the floors.")
        return SideBySide.Side(score: score, cost: cost, standing: standingSentence(score, ofWinner: score.rank == 1), conditions: conditions,
                               toConfirm: conditions.isEmpty ? [nothing] : conditions,
                               mainRisk: mainRisk(knowledgeBase.risks(for: stack), winner: stack))
    }

    /// "For AgentCore by 0.40: AgentCore Identity brokers agent credentials through AWS IAM, …".
    private func separating(_ separation: Separation) -> SideBySide.SeparatingRule {
        let lead = "For \(shortName(separation.favours)) by \(Format.gap(separation.gap))"
        let what = separation.rule == Contribution.costRule ? "cost" : separation.rule
        return SideBySide.SeparatingRule(
            separation: separation,
            sentence: Sentence(full: lead + ": " + separation.because.text,
                               shorts: ["\(lead) (\(what))", lead], sources: separation.because.sources))
    }

    /// "AgentCore ranks 1st with 0.78 and Google GEAP 3rd with 0.56: AgentCore is ahead by 0.22."
    private func pairHeadline(_ a: StackScore, _ b: StackScore) -> Sentence {
        let (ahead, behind) = a.rank < b.rank ? (a, b) : (b, a)
        func place(_ score: StackScore) -> String { "\(SideBySide.ordinal(score.rank)) with \(Format.score(score.total))" }
        let why: String
        if ahead.standing != .failed, behind.standing == .failed {
            why = "\(shortName(behind.stack)) does not meet every floor, so it ranks after every stack that does"
        } else if abs(ahead.total - behind.total) <= 1e-9 {
            why = "they score the same; the order is alphabetical"
        } else {
            why = "\(shortName(ahead.stack)) is ahead by \(Format.gap(ahead.total - behind.total))"
        }
        let full = "\(shortName(a.stack)) ranks \(place(a)) and \(shortName(b.stack)) \(place(b)): \(why)."
        return Sentence(full: full, shorts: ["\(shortName(ahead.stack)) is ahead of \(shortName(behind.stack)): \(Format.score(ahead.total)) "
                                             + "against \(Format.score(behind.total))",
                                             "\(shortName(ahead.stack)) is ahead"])
    }

    /// "Monthly: AgentCore $222.65, Google GEAP $508.08; AgentCore costs $285.43 less." Lower bounds are
    /// compared only where the answer is certain.
    private func pairCostNote(_ a: StackCost, _ b: StackCost, costs: CostReport) -> Sentence {
        let prices = costs.priceBook == nil ? "" : " at your prices"
        let head = "Monthly\(prices): \(shortName(a.stack)) \(a.totalText), \(shortName(b.stack)) \(b.totalText)"
        let list = costs.priceBook == nil || (!a.differsFromList && !b.differsFromList) ? ""
            : " (list: \(a.listTotalText), \(b.listTotalText))"
        func known(_ cost: StackCost) -> Bool { !cost.isUnpriced && !cost.totalIsLowerBound }
        let verdict: String
        switch (known(a), known(b)) {
        case (true, true) where Format.cents(a.total) == Format.cents(b.total):
            verdict = "they cost the same"
        case (true, true):
            let (cheaper, dearer) = a.total < b.total ? (a, b) : (b, a)
            verdict = "\(shortName(cheaper.stack)) costs \(Format.money(dearer.total - cheaper.total)) less"
        case (true, false) where !b.isUnpriced && b.total >= a.total, (false, true) where !a.isUnpriced && a.total >= b.total:
            let (cheaper, dearer) = a.total < b.total ? (a, b) : (b, a)
            verdict = "\(shortName(cheaper.stack)) costs at least \(Format.money(dearer.total - cheaper.total)) less"
        default:
            let unknown = [a, b].filter { !known($0) }.map { shortName($0.stack) }.joined(separator: " and ")
            verdict = "which costs less is not known: \(unknown) cannot be fully priced"
        }
        return Sentence(full: head + list + "; " + verdict + ".", shorts: [head + "; " + verdict, head])
    }

    private func pairFlipSentence(_ flip: WinnerFlip?, _ a: StackScore, _ b: StackScore) -> Sentence {
        let (ahead, behind) = a.rank < b.rank ? (a.stack, b.stack) : (b.stack, a.stack)
        guard let flip else {
            return Sentence(full: "No change of one or two answers puts \(stackName(behind)) ahead of \(stackName(ahead)).",
                            shorts: ["No change of one or two answers puts \(shortName(behind)) ahead"])
        }
        let changes = flip.changes.map { ChangeText.describe($0, questionnaire: questionnaire) }.joined(separator: " and ")
        let short = flip.changes.map { change in
            questionnaire.question(change.question).map { "\($0.label) to \($0.describe(change.to))" } ?? change.question
        }.joined(separator: " and ")
        return Sentence(full: "Nearest change that puts \(stackName(behind)) ahead of \(stackName(ahead)): \(changes).",
                        shorts: ["Puts \(shortName(behind)) ahead: \(short)",
                                 "A change of \(flip.changes.count == 1 ? "one answer" : "two answers") puts \(shortName(behind)) ahead"])
    }
}

