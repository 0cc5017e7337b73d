import AdvisorCore

/// What moved between a record and the current knowledge base, found from what the record keeps in its
/// front matter: each meter's rate, each stack's fit per axis (with the cost term), each applied rule's
/// fingerprint and the knowledge base's digest. Kept apart from `Recheck.run` so other sources of prices
/// (a price book) can add their own findings beside these.
public enum RecheckFindings {
    /// One meter whose rate is not what the record priced: `before` nil for a meter new since, `after`
    /// nil for one that is gone.
    public struct MeterChange: Hashable, Sendable {
        public var stack: StackID
        public var meter: String
        /// The meter's name and unit now (or the id, when it is gone).
        public var name: String
        public var unit: String
        public var before: Double?
        public var after: Double?
    }

    /// One axis of one stack whose fit moved; `axis` is `cost` for the cost term inside the billing fit.
    public struct AxisChange: Hashable, Sendable {
        public var axis: String
        public var before: Double
        public var after: Double
    }

    /// A stack whose weighted total moved, with the axes that moved it.
    public struct ScoreChange: Hashable, Sendable {
        public var stack: StackID
        public var before: Double
        public var after: Double
        public var axes: [AxisChange]
    }

    /// A rule that is not as the record applied it.
    public struct RuleChange: Hashable, Sendable {
        public enum Kind: String, Sendable {
            /// Applied then and now, but its condition, adjustments or sentence changed.
            case changed
            /// Applies now and did not then.
            case added
            /// Applied then and no longer applies (or is no longer in the knowledge base).
            case removed
        }
        public var rule: String
        public var kind: Kind
        /// Without it, the recorded choice would still win (set only when the winner moved).
        public var deciding: Bool
    }

    /// Every meter of a stack the record priced whose rate changed, appeared or went, in stack and meter order.
    public static func meters(_ record: RecordedDecision, knowledgeBase: KnowledgeBase) -> [MeterChange] {
        var changes: [MeterChange] = []
        for stackID in record.rates.keys.sorted() {
            let recorded = record.rates[stackID] ?? [:]
            let meters = knowledgeBase.stack(stackID)?.meters ?? []
            for meter in meters {
                let before = recorded[meter.id]
                // Rates are recorded to ten decimal places.
                if before.map({ abs($0 - meter.rate) > 5e-11 }) ?? true {
                    changes.append(.init(stack: stackID, meter: meter.id, name: meter.name, unit: meter.unit,
                                         before: before, after: meter.rate))
                }
            }
            for id in recorded.keys.sorted() where !meters.contains(where: { $0.id == id }) {
                changes.append(.init(stack: stackID, meter: id, name: id, unit: "unit", before: recorded[id], after: nil))
            }
        }
        return changes
    }

    /// Stacks whose total moved by at least 0.0001, each with the axes (and cost term) that moved, in rank order now.
    public static func scores(_ record: RecordedDecision, advice: Advice) -> [ScoreChange] {
        advice.ranking.scores.compactMap { score -> ScoreChange? in
            guard let before = record.scores[score.stack], abs(rounded4(score.total) - before) >= 0.0001 else { return nil }
            let recorded = record.fits[score.stack] ?? [:]
            var axes = score.axes.compactMap { axis -> AxisChange? in
                guard let old = recorded[axis.axis], abs(rounded4(axis.fit) - old) >= 0.0001 else { return nil }
                return AxisChange(axis: axis.axis, before: old, after: axis.fit)
            }
            let cost = score.axes.compactMap(\.costAdjustment).reduce(0, +)
            if let old = recorded["cost"], abs(rounded4(cost) - old) >= 0.0001 {
                axes.append(AxisChange(axis: "cost", before: old, after: cost))
            }
            return ScoreChange(stack: score.stack, before: before, after: score.total, axes: axes)
        }
    }

    /// The rules that changed since the record, from its fingerprints (`rules-sha256`) and rule list;
    /// `deciding` marks those without which `recordedWinner` would still win.
    public static func rules(_ record: RecordedDecision, knowledgeBase: KnowledgeBase, applied: [String],
                             deciding: [String]) -> [RuleChange] {
        let recorded = record.appliedRules ?? applied
        var changes: [RuleChange] = []
        for (id, digest) in (record.ruleDigests ?? [:]).sorted(by: { $0.key < $1.key }) where applied.contains(id) {
            if let rule = knowledgeBase.rules.first(where: { $0.id == id }), rule.fingerprint != digest {
                changes.append(.init(rule: id, kind: .changed, deciding: deciding.contains(id)))
            }
        }
        changes += applied.filter { !recorded.contains($0) }.map { .init(rule: $0, kind: .added, deciding: deciding.contains($0)) }
        changes += recorded.filter { !applied.contains($0) }.map { .init(rule: $0, kind: .removed, deciding: false) }
        return changes
    }

    static func rounded4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
