import AdvisorCore

/// A record's answers re-run against the current knowledge base, compared with what the record says.
public struct RecheckResult: Sendable {
    public struct CostChange: Hashable, Sendable {
        public var stack: StackID
        /// nil: the stack was not in the record. `.some(nil)`: the record priced nothing for it.
        public var before: Double??
        /// nil: nothing priced now (or the stack is gone).
        public var after: Double?
        public var isGone: Bool
        /// The record's figure was a lower bound ("at least"); the current one is.
        public var beforeIsLowerBound = false
        public var afterIsLowerBound = false

        public init(stack: StackID, before: Double??, after: Double?, isGone: Bool,
                    beforeIsLowerBound: Bool = false, afterIsLowerBound: Bool = false) {
            self.stack = stack
            self.before = before
            self.after = after
            self.isGone = isGone
            self.beforeIsLowerBound = beforeIsLowerBound
            self.afterIsLowerBound = afterIsLowerBound
        }

        public enum Status: String, Sendable {
            /// Not in the record: the stack is new in the knowledge base.
            case new
            /// In the record, no longer in the knowledge base.
            case gone
            case changed, unchanged
        }

        public var status: Status {
            if before == nil { return .new }
            if isGone { return .gone }
            return changed ? .changed : .unchanged
        }

        public var changed: Bool {
            switch (before, after) {
            case (.some(.some(let old)), .some(let new)): return abs(Format.cents(old) - Format.cents(new)) >= 0.005
            case (.some(.none), .none): return isGone
            default: return true
            }
        }
    }

    public struct DatedItem: Hashable, Sendable {
        public var stack: StackID?
        public var kind: String
        public var id: String
        public var asOf: Day

        public init(stack: StackID?, kind: String, id: String, asOf: Day) {
            self.stack = stack
            self.kind = kind
            self.id = id
            self.asOf = asOf
        }
    }

    public var record: RecordedDecision
    public var advice: Advice
    public var recordedWinner: StackID
    public var currentWinner: StackID
    public var costs: [CostChange]
    /// Stacks whose facts differ from the record's fingerprint, in stack-id order.
    public var changedFacts: [StackID]
    /// Facts, prices and risks dated after the record's knowledge-base as-of date.
    public var newer: [DatedItem]
    /// Rules that apply now and did not when the record was written, and the reverse (empty when the
    /// record does not list its rules).
    public var rulesAdded: [String]
    public var rulesRemoved: [String]
    /// When the winner moved: rules without any one of which the recorded winner would still win.
    public var decidingRules: [String]
    /// Meters whose rate is not the one the record priced (empty for records that kept no rates).
    public var meterChanges: [RecheckFindings.MeterChange] = []
    /// Stacks whose total moved, by axis with the cost term.
    public var scoreChanges: [RecheckFindings.ScoreChange] = []
    /// Rules that changed, apply now and did not, or no longer apply.
    public var ruleChanges: [RecheckFindings.RuleChange] = []
    /// Whether the knowledge base is the one the record used (nil: the record kept no digest).
    public var sameKnowledgeBase: Bool? = nil
    /// Whose prices the re-check used, and list prices that moved under the record's own rates.
    public var prices = RecheckPrices.list

    /// Stacks whose modelled cost changed because their prices changed: named by their meters when the
    /// record kept its rates; otherwise a changed cost for the same (unedited) answers.
    public var changedPrices: [CostChange] {
        if !record.rates.isEmpty {
            let stacks = Set(meterChanges.map(\.stack))
            return costs.filter { stacks.contains($0.stack) }
        }
        return record.answersMatchDigest == false ? [] : costs.filter { $0.status == .changed }
    }

    /// True when the same stack still wins.
    public var holds: Bool { recordedWinner == currentWinner }
}

public enum Recheck {
    /// Re-runs the record's answers on `engine` (at the prices it carries). `pricesGiven`: the engine's
    /// price book was given for this re-check rather than taken from the record. Throws when the
    /// answers no longer read.
    public static func run(_ record: RecordedDecision, engine: Engine, today: Day,
                           pricesGiven: Bool = false) throws(DiagnosticError) -> RecheckResult {
        let answers = try record.answers(questionnaire: engine.questionnaire)
        let advice = engine.advise(answers, today: today)
        let knowledgeBase = engine.knowledgeBase
        let ids = Set(advice.costs.stacks.map(\.stack)).union(record.monthlyUSD.keys).sorted()
        let costs = ids.map { id -> RecheckResult.CostChange in
            let now = advice.costs.cost(id)
            let after = now.flatMap { $0.lineItems.isEmpty ? nil : $0.monthly }
            return .init(stack: id, before: record.monthlyUSD[id], after: after, isGone: knowledgeBase.stack(id) == nil,
                         beforeIsLowerBound: record.lowerBounds.contains(id), afterIsLowerBound: after != nil && now?.isLowerBound == true)
        }
        let changedFacts = knowledgeBase.stacks.map(\.id).sorted().filter { id in
            guard let recorded = record.factsSHA256[id], let stack = knowledgeBase.stack(id) else { return false }
            return recorded != RecordFingerprint.facts(stack)
        }
        let applied = engine.appliedRules(answers)
        let recorded = record.appliedRules ?? applied
        let deciding = engine.rulesKeepingOut(record.chosenStack, answers: answers)
        var result = RecheckResult(record: record, advice: advice, recordedWinner: record.chosenStack,
                                   currentWinner: advice.recommendation, costs: costs, changedFacts: changedFacts,
                                   newer: newer(than: record.knowledgeBaseAsOf, in: knowledgeBase),
                                   rulesAdded: applied.filter { !recorded.contains($0) },
                                   rulesRemoved: recorded.filter { !applied.contains($0) },
                                   decidingRules: deciding,
                                   prices: prices(record, engine: engine, advice: advice, given: pricesGiven))
        result.meterChanges = RecheckFindings.meters(record, knowledgeBase: knowledgeBase)
        result.scoreChanges = RecheckFindings.scores(record, advice: advice)
        result.ruleChanges = RecheckFindings.rules(record, knowledgeBase: knowledgeBase, applied: applied, deciding: deciding)
        result.sameKnowledgeBase = record.knowledgeBaseSHA256.map { $0 == engine.knowledgeBaseSHA256 }
        return result
    }

    /// Everything in the knowledge base dated after `day`.
    static func newer(than day: Day, in knowledgeBase: KnowledgeBase) -> [RecheckResult.DatedItem] {
        var items: [RecheckResult.DatedItem] = []
        for stack in knowledgeBase.stacks.sorted(by: { $0.id < $1.id }) {
            func add(_ kind: String, _ id: String, _ asOf: Day) {
                if asOf > day { items.append(.init(stack: stack.id, kind: kind, id: id, asOf: asOf)) }
            }
            for fact in stack.facts { add("fact", fact.id, fact.statement.asOf) }
            for meter in stack.meters { add("price", meter.id, meter.asOf) }
            for item in stack.notModelled { add("unpriced item", item.id, item.asOf) }
            for exposure in stack.exposures { add("exposure", exposure.id, exposure.asOf) }
        }
        for risk in knowledgeBase.risks.sorted(by: { $0.id < $1.id }) where risk.statement.asOf > day {
            items.append(.init(stack: nil, kind: "risk", id: risk.id, asOf: risk.statement.asOf))
        }
        for rule in knowledgeBase.rules.sorted(by: { $0.id < $1.id }) where rule.because.asOf > day {
            items.append(.init(stack: nil, kind: "rule", id: rule.id, asOf: rule.because.asOf))
        }
        return items
    }
}
