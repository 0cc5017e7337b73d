/// `compare --format json`: the pair as `stacks[]` (each with the ranking entry, the cost entry, its
/// `standing`, `conditions` and `main_risk` sentences, as in `--format json`), `axes[]` with both fits and
/// every separating rule, `floors[]`, `cost_note`, and `flip` (the nearest answer change that puts the
/// other ahead, or null). Keys sorted, money in cents, every key always present.
public enum SideBySideJSON {
    public static func render(_ pair: SideBySide, advice: Advice, engine: Engine, toolVersion: String) -> String {
        let sentence = JSONReport.sentence
        return JSONValue.object([
            "tool": .object(["name": .string("runtime-advisor"), "version": .string(toolVersion)]),
            "knowledge_base": .object(["name": .string(advice.knowledgeBase.name), "as_of": .string(advice.knowledgeBase.asOf.description),
                                       "stale": .bool(advice.isStale), "today": .string(advice.today.description)]),
            "price_book": advice.costs.priceBook.map(JSONReport.priceBook) ?? .null,
            "excluded": .strings(advice.answers.exclusions.map(\.stack)),
            "headline": sentence(pair.headline),
            "stacks": .array(pair.sides.map { side in
                .object(["stack": .string(side.stack), "name": .string(engine.stackName(side.stack)),
                         "ranking": JSONReport.ranking(side.score, engine: engine),
                         "cost": JSONReport.cost(side.cost, cheapest: advice.costs.cheapest, band: advice.ranges?.band(side.stack)),
                         "standing": sentence(side.standing), "conditions": .array(side.conditions.map(sentence)),
                         "main_risk": sentence(side.mainRisk)])
            }),
            "axes": .array(pair.axes.map { row in
                .object(["axis": .string(row.axis), "weight": .number(row.weight), "fits": .array(row.fits.map { .number(Format.rounded4($0)) }),
                         "lead": .number(Format.rounded4(row.lead)),
                         "separating_rules": .array(row.separations.map { rule in
                             .object(["rule": .string(rule.separation.rule), "favours": .string(rule.separation.favours),
                                      "gap": .number(Format.rounded4(rule.separation.gap)),
                                      "deltas": .array(rule.separation.deltas.map { .number(Format.rounded4($0)) }),
                                      "text": .string(rule.sentence.full), "short": .string(rule.sentence.short),
                                      "sources": .numbers(rule.sentence.sources)])
                         })])
            }),
            "floors": .array(pair.floors.map { row in
                .object(["floor": .string(row.floor), "axis": .string(row.axis), "results": .array(row.results.map(JSONReport.floor))])
            }),
            "cost_note": sentence(pair.costNote),
            "flip": pair.flip.map { flip in
                .object(["changes": .array(flip.changes.map {
                            .object(["question": .string($0.question), "from": .string($0.from.display), "to": .string($0.to.display)])
                         }),
                         "ahead": .string(flip.winner), "distance": .number(Format.rounded4(flip.distance))])
            } ?? .null,
            "flip_text": sentence(pair.flipSentence),
        ]).rendered()
    }
}
