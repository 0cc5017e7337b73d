import AdvisorCore

/// The decision record's team parts: "Where the team disagreed" for a team decision, and the ranges
/// behind the cost bands whenever answers are ranges. Each is a Markdown section placed before the
/// options' pros and cons, so the record keeps MADR's order.
public enum TeamRecord {
    /// The whole record every front end writes: the template's record for the advice, with the team's
    /// disagreements when there is a team and the ranges behind the cost bands when answers are ranges.
    /// The headless run, `team` and the wizard's export all call this, so their records are the same bytes.
    public static func render(_ advice: Advice, team: TeamAdvice? = nil, engine: Engine, options: RecordOptions,
                              template: String, file: String) throws(DiagnosticError)
        -> (text: String, slug: String, answersDigest: String) {
        let data = DecisionRecord.data(advice, engine: engine, options: options)
        var record = try DecisionRecord.render(data, template: template, file: file)
        if let team { record = insert(section(team, engine: engine), into: record) }
        if let bands = advice.ranges { record = insert(rangesSection(bands, advice: advice, engine: engine), into: record) }
        return (record, data.slug, data.answers.sha256)
    }

    public static func section(_ team: TeamAdvice, engine: Engine) -> String {
        let winner = team.advice.recommendation
        var lines = ["## Where the team disagreed", "",
                     MarkdownText.escape("\(team.participants.count) people answered separately; the recommendation scores "
                        + "their consensus. " + Consensus.rule), ""]
        lines.append(team.robust
            ? MarkdownText.escape("The decision is robust: each person's own answers also pick \(engine.stackName(winner)).")
            : MarkdownText.escape("The decision is not robust: some people's own answers pick another stack."))
        lines += ["", "| Participant | Own winner | Score |", "|---|---|---|"]
        for participant in team.participants {
            lines.append("| \(MarkdownText.escape(participant.name)) | \(MarkdownText.escape(engine.stackName(participant.winner))) "
                         + "| \(Format.score(participant.score)) |")
        }
        lines.append("")
        if team.disagreements.isEmpty { lines.append("Everyone gave the same answers.") }
        for item in team.disagreements {
            let label = engine.questionnaire.question(item.question)?.text ?? item.question
            let mark = item.split ? "split, to be settled by the team" : item.decisive ? "decisive" : "not decisive"
            let values = item.values.map { "\($0.participant): \($0.value)" }.joined(separator: "; ")
            let ifs = item.changing.map { "with \($0.value), \(engine.stackName($0.stack)) would win" }.joined(separator: "; ")
            let settled = item.split ? "until the team settles it" : "by \(item.settledBy)"
            lines.append("* " + MarkdownText.escape("\(label) (\(mark)). \(values). Settled as \(item.consensusValue) \(settled)"
                                                     + (ifs.isEmpty ? "; no one's answer changes the winner." : "; \(ifs).")))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The ranges behind the cost bands, and whether the winner and cheapest stack hold across them.
    public static func rangesSection(_ bands: RangeBands, advice: Advice, engine: Engine) -> String {
        var lines = ["## Ranges behind the cost bands", "",
                     MarkdownText.escape(advice.verdict.ranges?.full ?? ""), "",
                     "| Answer | Low | High | Point estimate |", "|---|---|---|---|"]
        for entry in bands.ranges {
            lines.append("| \(MarkdownText.escape(entry.question)) | \(Format.plain(entry.range.low)) | \(Format.plain(entry.range.high)) "
                         + "| \(Format.plain(entry.range.point)) |")
        }
        lines += ["", "| Option | Monthly at the point estimate | Band across the ranges |", "|---|---|---|"]
        for score in advice.ranking.scores {
            guard let cost = advice.costs.cost(score.stack), !cost.lineItems.isEmpty, let band = bands.band(score.stack) else {
                continue
            }
            lines.append("| \(MarkdownText.escape(engine.stackName(score.stack))) | \(MarkdownText.escape(Format.money(cost.monthly))) "
                         + "| \(MarkdownText.escape(Format.money(band.low) + " to " + Format.money(band.high))) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Puts `section` before the pros and cons (or, failing that, before More Information, or at the end).
    public static func insert(_ section: String, into record: String) -> String {
        for heading in ["\n## Pros and Cons of the Options", "\n## More Information"] {
            if let range = record.range(of: heading) {
                return String(record[..<range.lowerBound]) + "\n" + section + String(record[range.lowerBound...])
            }
        }
        return record + "\n" + section
    }
}
