import AdvisorCore

/// The re-check for scripts (`recheck --format json`). Field names are stable: `holds`,
/// `recorded.stack`, `current.stack`, `costs[]` (`before_usd`, `after_usd`, `change_usd`, `status`,
/// `before_lower_bound`, `after_lower_bound`), `changed_facts`, `newer[]`, `answers_digest`,
/// `knowledge_base_digest`, `meter_changes[]`, `score_changes[]`, `rule_changes[]`, `stale`. Every key is always present (null when
/// there is no value); keys are sorted and money is rounded to cents, so the same re-check gives the
/// same bytes.
public enum RecheckJSON {
    public static func render(_ result: RecheckResult, engine: Engine, toolVersion: String) -> String {
        document(result, engine: engine, toolVersion: toolVersion).rendered()
    }

    public static func document(_ result: RecheckResult, engine: Engine, toolVersion: String) -> JSONValue {
        let record = result.record
        let advice = result.advice
        let current = advice.ranking.winner
        return .object([
            "tool": .object(["name": .string("runtime-advisor"), "version": .string(toolVersion)]),
            "record": .object([
                "file": .string(record.file), "date": .optional(record.date?.description),
                "status": .optional(record.status), "tool_version": .optional(record.toolVersion),
                "knowledge_base_as_of": .string(record.knowledgeBaseAsOf.description),
            ]),
            "knowledge_base": .object([
                "name": .string(advice.knowledgeBase.name), "as_of": .string(advice.knowledgeBase.asOf.description),
                "today": .string(advice.today.description),
            ]),
            "stale": .bool(advice.isStale),
            "holds": .bool(result.holds),
            "recorded": stack(result.recordedWinner, advice: advice, engine: engine,
                              recordedScore: record.scores[result.recordedWinner]),
            "current": stack(current.stack, advice: advice, engine: engine, recordedScore: record.scores[current.stack]),
            "costs": .array(result.costs.map(cost)),
            "changed_facts": .strings(result.changedFacts),
            "changed_prices": .strings(result.changedPrices.map(\.stack)),
            "deciding_rules": .strings(result.decidingRules),
            "rules_added": .strings(result.rulesAdded),
            "rules_removed": .strings(result.rulesRemoved),
            "newer": .array(result.newer.map { item in
                .object(["stack": .optional(item.stack), "kind": .string(item.kind), "id": .string(item.id),
                         "as_of": .string(item.asOf.description)])
            }),
            "answers_digest": .string(digestStatus(record.answersMatchDigest)),
            "knowledge_base_digest": .string(digestStatus(result.sameKnowledgeBase)),
            "meter_changes": .array(result.meterChanges.map { meter in
                .object(["stack": .string(meter.stack), "meter": .string(meter.meter), "name": .string(meter.name),
                         "unit": .string(meter.unit), "before_usd": .optional(meter.before), "after_usd": .optional(meter.after)])
            }),
            "score_changes": .array(result.scoreChanges.map { change in
                .object(["stack": .string(change.stack), "before": .number(Format.rounded4(change.before)),
                         "after": .number(Format.rounded4(change.after)),
                         "axes": .array(change.axes.map { axis in
                             .object(["axis": .string(axis.axis), "before": .number(Format.rounded4(axis.before)),
                                      "after": .number(Format.rounded4(axis.after))])
                         })])
            }),
            "rule_changes": .array(result.ruleChanges.map { change in
                .object(["rule": .string(change.rule), "kind": .string(change.kind.rawValue), "deciding": .bool(change.deciding)])
            }),
        ])
    }

    /// A stack as the record scored it and as it ranks now (null rank and score when it is gone).
    private static func stack(_ id: StackID, advice: Advice, engine: Engine, recordedScore: Double?) -> JSONValue {
        let now = advice.ranking.score(id)
        return .object([
            "stack": .string(id), "name": .optional(engine.knowledgeBase.stack(id)?.name),
            "recorded_score": .optional(recordedScore.map(Format.rounded4)),
            "score": .optional(now.map { Format.rounded4($0.total) }),
            "rank": .optional(now.map { Double($0.rank) }),
        ])
    }

    private static func cost(_ change: RecheckResult.CostChange) -> JSONValue {
        let before = change.before.flatMap { $0 }
        let difference: Double? = before.flatMap { old in change.after.map { Format.cents($0) - Format.cents(old) } }
        return .object([
            "stack": .string(change.stack), "status": .string(change.status.rawValue),
            "before_usd": .optional(before.map(Format.cents)), "after_usd": .optional(change.after.map(Format.cents)),
            "change_usd": .optional(difference.map(Format.cents)),
            "before_lower_bound": .bool(change.beforeIsLowerBound), "after_lower_bound": .bool(change.afterIsLowerBound),
        ])
    }

    /// `match`, `mismatch` (the answers block was edited after the record was written) or `absent`.
    private static func digestStatus(_ match: Bool?) -> String {
        switch match {
        case .some(true): return "match"
        case .some(false): return "mismatch"
        case .none: return "absent"
        }
    }
}
