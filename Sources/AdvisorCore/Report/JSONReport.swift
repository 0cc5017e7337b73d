/// The `--format json` contract. Field names are stable: `recommendation.stack`, `ranking[].stack`,
/// `ranking[].score`, `ranking[].axes`, `costs[].stack`, `costs[].monthly_usd` (at your prices when a
/// price book is used; `list_monthly_usd` beside it), `costs[].line_items[]`, `price_book`,
/// `sensitivity`, `caveats`. Every documented key is always present (null when there is no value),
/// money is rounded to cents and scores to four places, keys are sorted, so the same advice always
/// gives the same bytes.
public enum JSONReport {
    public static func render(_ advice: Advice, engine: Engine, toolVersion: String) -> String {
        document(advice, engine: engine, toolVersion: toolVersion).rendered()
    }

    public static func document(_ advice: Advice, engine: Engine, toolVersion: String) -> JSONValue {
        let winner = advice.ranking.winner
        return .object([
            "tool": .object(["name": .string("runtime-advisor"), "version": .string(toolVersion)]),
            "knowledge_base": .object([
                "name": .string(advice.knowledgeBase.name), "as_of": .string(advice.knowledgeBase.asOf.description),
                "age_days": .number(Double(advice.ageInDays)), "stale": .bool(advice.isStale),
                "today": .string(advice.today.description),
            ]),
            "recommendation": recommendation(advice, engine: engine),
            "ranges": advice.ranges.map(ranges) ?? .null,
            "price_book": advice.costs.priceBook.map(priceBook) ?? .null,
            "cheapest_meaning": .string(advice.costs.cheapestMeaning),
            "answers": answers(advice.answers),
            "defaulted": .strings(advice.answers.defaulted.sorted()),
            "excluded": .array(advice.answers.exclusions.map {
                .object(["stack": .string($0.stack), "name": .string(engine.stackName($0.stack)), "reason": .optional($0.reason)])
            }),
            "profiles": .array(advice.ranking.profiles.map { .object(["id": .string($0.id), "name": .string($0.name)]) }),
            "ranking": .array(advice.ranking.scores.map { ranking($0, engine: engine) }),
            "costs": .array(advice.ranking.scores.compactMap { advice.costs.cost($0.stack) }
                .map { cost($0, cheapest: advice.costs.cheapest, band: advice.ranges?.band($0.stack)) }),
            "tokens": advice.costs.tokens.map { tokens in
                .object(["tokens_per_month": .number(Format.cents(tokens.tokensPerMonth)),
                         "usd_per_million": .number(tokens.usdPerMillion), "monthly_usd": .number(Format.cents(tokens.monthly))])
            } ?? .null,
            "assumptions": .strings(advice.costs.assumptions),
            "sensitivity": sensitivity(advice.sensitivity),
            "caveats": .array(advice.caveats.map { caveat in
                var stack: JSONValue = .null
                if case .stack(let id) = caveat.subject { stack = .string(id) }
                return .object(["kind": .string(caveat.kind.rawValue), "text": .string(caveat.text),
                                "short": .string(caveat.sentence.short), "severity": .string(caveat.severity.rawValue),
                                "subject": .string(advice.role(of: caveat).rawValue), "stack": stack,
                                "sources": .numbers(caveat.sources)])
            }),
            "risks": .array(advice.risks.map {
                .object(["id": .string($0.id), "title": .string($0.title), "severity": .string($0.severity.rawValue),
                         "text": .string($0.statement.text), "check": .string($0.check),
                         "sources": .numbers($0.statement.sources)])
            }),
        ])
    }

    /// The recommendation and the engine's sentences about it, each in its full and short form.
    private static func recommendation(_ advice: Advice, engine: Engine) -> JSONValue {
        let winner = advice.ranking.winner
        let verdict = advice.verdict
        return .object([
            "stack": .string(winner.stack), "name": .string(engine.stackName(winner.stack)),
            "score": .number(Format.rounded4(winner.total)),
            "floor_standing": .string(winner.standing.rawValue),
            "meets_floors": .bool(winner.standing.meetsEveryFloor),
            "close_call": .bool(advice.ranking.isClose), "margin": .number(Format.rounded4(advice.ranking.margin)),
            "headline": sentence(verdict.headline), "standing": sentence(verdict.standing),
            "reasons": .array(verdict.reasons.map(sentence)),
            "condition": advice.condition.isEmpty ? .null : .strings(advice.condition),
            "conditions": .array(verdict.conditions.map(sentence)),
            "fallback": advice.fallback.map { .string($0) } ?? .null,
            "fallback_text": verdict.fallback.map(sentence) ?? .null,
            "tied_with": .strings(advice.tiedWith),
            "main_caveat": sentence(verdict.mainCaveat), "main_risk": sentence(verdict.mainRisk),
            "cost_note": .string(verdict.costNote.full),
            "nearest_change": sentence(verdict.nearestChange),
            "holds_across_ranges": advice.ranges.map { .bool($0.holds) } ?? .null,
            "exclusions": verdict.exclusions.map(sentence) ?? .null,
        ])
    }

    static func sentence(_ sentence: Sentence) -> JSONValue {
        .object(["text": .string(sentence.full), "short": .string(sentence.short), "sources": .numbers(sentence.sources)])
    }

    /// The answers the run used, by question id, defaults included.
    private static func answers(_ answers: Answers) -> JSONValue {
        .object(answers.values.mapValues { value in
            switch value {
            case .choice(let text), .text(let text): return .string(text)
            case .flag(let flag): return .bool(flag)
            case .number(let number): return .number(number)
            case .list(let items): return .strings(items)
            }
        })
    }

    static func ranking(_ score: StackScore, engine: Engine) -> JSONValue {
        var axes: [String: JSONValue] = [:]
        for axis in score.axes {
            axes[axis.axis] = .object([
                "fit": .number(Format.rounded4(axis.fit)), "weight": .number(axis.weight), "neutral": .number(axis.neutral),
                "cost_adjustment": .optional(axis.costAdjustment.map(Format.rounded4)),
                "contributions": .array(axis.contributions.map {
                    .object(["rule": .string($0.rule), "delta": .number($0.delta), "because": .string($0.because.text),
                             "sources": .numbers($0.because.sources)])
                }),
            ])
        }
        return .object([
            "rank": .number(Double(score.rank)), "stack": .string(score.stack), "name": .string(engine.stackName(score.stack)),
            "score": .number(Format.rounded4(score.total)), "axes": .object(axes),
            "floor_standing": .string(score.standing.rawValue), "meets_floors": .bool(score.standing.meetsEveryFloor),
            "cost_effect": .number(Format.rounded4(score.costEffect)),
            "floor_failures": .array(score.floorFailures.map(floor)),
            "floors": .array(score.floors.map(floor)),
        ])
    }

    static func floor(_ result: FloorResult) -> JSONValue {
        .object(["floor": .string(result.floor), "axis": .string(result.axis), "status": .string(result.status.rawValue),
                 "reason": .string(result.reason), "confirm": .optional(result.confirm), "sources": .numbers(result.because.sources)])
    }

    private static func ranges(_ bands: RangeBands) -> JSONValue {
        func change(_ change: RangeBands.Change?) -> JSONValue {
            guard let change else { return .null }
            return .object(["stack": change.stack.map { .string($0) } ?? .null,
                            "corner": .object(Dictionary(uniqueKeysWithValues: change.corner.values.map { ($0.question, JSONValue.number($0.value)) }))])
        }
        return .object([
            "questions": .array(bands.ranges.map {
                .object(["question": .string($0.question), "low": .number($0.range.low), "high": .number($0.range.high),
                         "likely": .optional($0.range.likely), "point": .number($0.range.point)])
            }),
            "corners": .number(Double(bands.corners)),
            "winner_changes_at": change(bands.winnerChange),
            "cheapest_changes_at": change(bands.cheapestChange),
        ])
    }

    static func cost(_ cost: StackCost, cheapest: StackID?, band: (low: Double, high: Double)?) -> JSONValue {
        let priced = !cost.lineItems.isEmpty
        let billed = !cost.isUnpriced
        return .object([
            "stack": .string(cost.stack),
            "monthly_usd": billed ? .number(Format.cents(cost.total)) : .null,
            "runtime_monthly_usd": priced ? .number(Format.cents(cost.monthly)) : .null,
            "tokens_monthly_usd": .number(Format.cents(cost.tokens)),
            "monthly_usd_low": billed ? band.map { .number(Format.cents($0.low)) } ?? .null : .null,
            "monthly_usd_high": billed ? band.map { .number(Format.cents($0.high)) } ?? .null : .null,
            "lower_bound": .bool(cost.totalIsLowerBound),
            "runtime_lower_bound": .bool(cost.isLowerBound),
            "list_monthly_usd": cost.list.isPriced || cost.tokens > 0 ? .number(Format.cents(cost.list.monthly + cost.tokens)) : .null,
            "list_runtime_monthly_usd": cost.list.isPriced ? .number(Format.cents(cost.list.monthly)) : .null,
            "list_lower_bound": .bool(cost.list.isLowerBound || (!cost.list.isPriced && cost.tokens > 0)),
            "compared_monthly_usd": priced ? .number(Format.cents(cost.comparedMonthly)) : .null,
            "cheapest": .bool(cost.stack == cheapest),
            "line_items": .array(cost.lineItems.map {
                .object(["meter": .string($0.meter), "name": .string($0.name), "quantity": .number(Format.rounded4($0.quantity)),
                         "unit": .string($0.unit), "unit_price_usd": .number($0.unitPrice), "cost_usd": .number(Format.cents($0.cost)),
                         "list_unit_price_usd": .optional($0.listUnitPrice), "list_cost_usd": .optional($0.listCost.map(Format.cents)),
                         "price_change": .optional(PriceText.change($0)),
                         "basis": .string($0.basis), "sources": .numbers($0.sources)])
            }),
            "alternate_readings": .array(cost.alternates.map {
                .object(["meter": .string($0.meter), "reading": .string($0.reading), "monthly_usd": .number(Format.cents(cost.total(of: $0))),
                         "runtime_monthly_usd": .number(Format.cents($0.monthly)),
                         "why": .string($0.why), "sources": .numbers($0.sources)])
            }),
            "not_modelled": .array(cost.notModelled.map {
                .object(["id": .string($0.id), "name": .string($0.name), "scope": .string($0.scope.rawValue),
                         "unit": .string($0.unit), "unit_price_usd": .optional($0.rate), "why": .string($0.why),
                         "sources": .numbers($0.sources)])
            }),
            "exposures": .array(cost.exposures.map {
                .object(["id": .string($0.id), "name": .string($0.name), "quantity": .number(Format.rounded4($0.quantity)),
                         "unit": .string($0.unit), "unit_price_usd": .number($0.unitPrice),
                         "monthly_usd": .number(Format.cents($0.monthly)), "scored_at_upper_end": .bool($0.scoredAtUpperEnd),
                         "why": .string($0.why), "sources": .numbers($0.sources)])
            }),
            "runtime_share": .optional(cost.runtimeShare.map(Format.rounded4)),
        ])
    }

    /// Whose prices `monthly_usd` is: the price book's name, date and the SHA-256 of its file.
    static func priceBook(_ book: PriceBook) -> JSONValue {
        .object(["name": .string(book.name), "as_of": .string(book.asOf.description), "sha256": .string(book.sha256)])
    }

    private static func sensitivity(_ sensitivity: Sensitivity) -> JSONValue {
        .object([
            "break_even": .array(sensitivity.breakEvens.map {
                .object(["idle_fraction": .number(Format.rounded4($0.idleFraction)), "from": .string($0.from),
                         "to": .string($0.to), "reading": .optional($0.reading)])
            }),
            "weight_ranges": .array(sensitivity.weightRanges.map {
                .object(["axis": .string($0.axis), "current": .number($0.current), "low": .number(Format.rounded4($0.low)),
                         "high": .optional($0.high.map(Format.rounded4)), "maximum": .number($0.maximum)])
            }),
            "winner_flips": .array(sensitivity.flips.map { flip in
                .object(["changes": .array(flip.changes.map {
                            .object(["question": .string($0.question), "from": .string($0.from.display), "to": .string($0.to.display)])
                         }),
                         "winner": .string(flip.winner), "distance": .number(Format.rounded4(flip.distance))])
            }),
        ])
    }
}
