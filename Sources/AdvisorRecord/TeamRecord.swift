import AdvisorCore

/// The decision record's team parts: a summary line, "Where the team disagreed" and each person's
/// answers for a team decision, and the ranges behind the cost bands whenever answers are ranges. The
/// sections go before the options' pros and cons, so the record keeps MADR's order; reference material
/// (the non-decisive disagreements, the band tables, the participants' files) is folded.
public enum TeamRecord {
    /// The whole record every front end writes: the template's record for the advice, with the team's
    /// disagreements when there is a team and the ranges behind the cost bands when answers are ranges.
    /// The headless run, `team` and the wizard's export all call this, so their records are the same bytes.
    /// `alternative`: answers pinned as what-if A in a review, with the engine's A against these answers.
    public static func render(_ advice: Advice, team: TeamAdvice? = nil, engine: Engine,
                              options: RecordOptions, template: String, file: String,
                              alternative: (pinned: Advice, whatIf: WhatIf)? = nil) throws(DiagnosticError)
        -> (text: String, slug: String, answersDigest: String) {
        var data = DecisionRecord.data(advice, engine: engine, options: options)
        if let team { data.summary.team = summaryLine(team, engine: engine) }
        var record = try DecisionRecord.render(data, template: template, file: file)
        if let team { record = insert(section(team, engine: engine), into: record) }
        if let bands = advice.ranges { record = insert(rangesSection(bands, advice: advice, engine: engine), into: record) }
        if let alternative {
            record = insert(AlternativeRecord.section(pinned: alternative.pinned, whatIf: alternative.whatIf, engine: engine),
                            into: record)
        }
        return (record, data.slug, data.answers.sha256)
    }

    /// `**Team:** 3 people; not robust (…); rests on 1 unsettled split: …; overrides: …`, one line.
    static func summaryLine(_ team: TeamAdvice, engine: Engine) -> String {
        var parts = ["\(team.participants.count) people answered separately and this record scores their consensus"]
        let dissent = team.participants.filter { $0.winner != team.advice.recommendation }
        parts.append(dissent.isEmpty ? "robust: each person's own answers pick it too"
            : "not robust: " + dissent.map { "\($0.name)'s own answers pick \(engine.stackName($0.winner))" }.joined(separator: ", "))
        if let splits = TeamText.splitSentence(team, engine: engine) { parts.append(withoutFinalPeriod(splits)) }
        for item in team.overrides {
            parts.append("\(engine.teamLabel(item.question)) is \(item.consensusValue), \(item.settledBy)")
        }
        return "**Team:** " + MarkdownText.escape(parts.joined(separator: "; ") + ".")
    }

    public static func section(_ team: TeamAdvice, engine: Engine) -> String {
        let winner = team.advice.recommendation
        var lines = ["## Where the team disagreed", ""]
        if let splits = TeamText.splitSentence(team, engine: engine) {
            lines += ["> **Warning:** " + MarkdownText.escape(upperFirst(splits)), ""]
        }
        let own = team.participants.map { "\($0.name), \(engine.stackName($0.winner)) \(Format.score($0.score))" }
        lines.append(MarkdownText.escape("\(team.participants.count) people answered separately; the recommendation scores "
            + "their consensus, and the decision is " + (team.robust
                ? "robust: each person's own answers also pick \(engine.stackName(winner))."
                : "not robust: some people's own answers pick another stack.")
            + " Each person's own winner: " + own.joined(separator: "; ") + ". How each answer was settled is given with it; "
            + "\u{201C}—\u{201D} is a question someone left out."))
        lines.append("")
        // What the team decided in the room is shown with what decides the outcome; the rest is folded.
        func stands(_ item: TeamAdvice.Disagreement) -> Bool {
            item.decisive || item.split || item.overridden || !item.provenance.isRule
        }
        let shown = team.disagreements.filter(stands)
        let folded = team.disagreements.filter { !stands($0) }
        if team.disagreements.isEmpty { lines += ["Everyone gave the same answers.", ""] }
        if !shown.isEmpty { lines += shown.map { bullet($0, engine: engine) } + [""] }
        // One fold for the reference material, so the section costs a reviewer few lines.
        let others = folded.isEmpty ? "" : "\(folded.count) \(shown.isEmpty ? "" : "other ")disagreement\(folded.count == 1 ? "" : "s") "
            + "that do not change the winner, "
        lines += ["<details>", "<summary>\(others)the consensus rule, and each participant's answers</summary>", ""]
        if !folded.isEmpty { lines += folded.map { bullet($0, engine: engine) } + [""] }
        lines += [MarkdownText.escape("The consensus rule: " + Consensus.rule), ""]
        lines += answersSection(team.participants, engine: engine)
        lines += ["", "</details>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `* What is your model strategy? (decisive). Amara: claude; …. Settled as claude: majority 2 of 3; with …`
    static func bullet(_ item: TeamAdvice.Disagreement, engine: Engine) -> String {
        let label = engine.questionnaire.question(item.question)?.text ?? item.question
        var marks = [item.split ? "split, to be settled by the team" : item.decisive ? "decisive" : "not decisive"]
        if item.overridden { marks.append("overrides the rule") }
        let values = item.values.map { "\($0.participant): \($0.value)" }.joined(separator: "; ")
        let ifs = item.changing.map { "with \($0.value), \(engine.stackName($0.stack)) would win" }.joined(separator: "; ")
        return "* " + MarkdownText.escape("\(label) (\(marks.joined(separator: ", "))). \(values). "
            + "Settled as \(item.consensusValue): \(item.settledBy)" + (ifs.isEmpty ? "; no one's answer changes the winner." : "; \(ifs)."))
    }

    /// Each participant's answers as an answers file, so the team decision can be re-run (`team`) and
    /// re-checked. `recheck` reads the record's own answers block, which has no `participant:` line.
    static func answersSection(_ participants: [TeamAdvice.ParticipantResult], engine: Engine) -> [String] {
        var lines = [MarkdownText.escape("Each participant's answers, to re-run with runtime-advisor team; answers a "
                        + "person left out are left out here too."), ""]
        for participant in participants {
            var answers = participant.answers
            answers.participant = participant.name
            let yaml = AnswersWriter.yaml(answers, questionnaire: engine.questionnaire, includeDefaults: false)
            let fence = MarkdownText.fence(for: yaml)
            lines += [MarkdownText.escape("\(participant.name), from \(PrintableText.escapedPath(participant.file)):"), "", fence + "yaml"]
            lines += yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            lines += [fence, ""]
        }
        return Array(lines.dropLast())
    }

    /// The ranges behind the cost bands, and whether the winner and cheapest stack hold across them.
    public static func rangesSection(_ bands: RangeBands, advice: Advice, engine: Engine) -> String {
        var lines = ["## Ranges behind the cost bands", "",
                     MarkdownText.escape(advice.verdict.ranges?.full ?? ""), "",
                     "<details>", "<summary>The ranges and each option's cost band</summary>", "",
                     "| Answer | Low | High | Point estimate |", "| --- | --: | --: | --: |"]
        for entry in bands.ranges {
            lines.append("| \(MarkdownText.escape(entry.question)) | \(Format.plain(entry.range.low)) | \(Format.plain(entry.range.high)) "
                         + "| \(Format.plain(entry.range.point)) |")
        }
        lines += ["", "| Option | Monthly at the point estimate | Band across the ranges |", "| --- | --: | --: |"]
        for score in advice.ranking.scores {
            guard let cost = advice.costs.cost(score.stack), !cost.lineItems.isEmpty, let band = bands.band(score.stack) else {
                continue
            }
            // A lower bound stays one at every corner: say so on both ends.
            let atLeast = cost.isLowerBound ? "at least " : ""
            lines.append("| \(MarkdownText.escape(engine.stackName(score.stack))) "
                         + "| \(MarkdownText.escape(atLeast + Format.money(cost.monthly))) "
                         + "| \(MarkdownText.escape(atLeast + Format.money(band.low) + " to " + atLeast + Format.money(band.high))) |")
        }
        lines += ["", "</details>"]
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

    static func upperFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
