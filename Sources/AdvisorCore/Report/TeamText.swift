/// The `team` text report: who said what, the consensus and its rule, the disagreement map (decisive
/// first), then the consensus's own report. Pure: the same team gives the same bytes.
public enum TeamText {
    public static func render(_ team: TeamAdvice, engine: Engine, detail: ReportDetail = .summary,
                              style: TextStyle = .plain) -> String {
        style.apply(to: PrintableText.joinedLines(lines(team, engine: engine)) + "\n\n")
            + TextReport.render(team.advice, engine: engine, detail: detail, style: style)
    }

    static func lines(_ team: TeamAdvice, engine: Engine) -> [String] {
        let winner = team.advice.recommendation
        var out = ["Team decision: \(team.participants.count) participants; consensus \(engine.stackName(winner)) (\(winner)), "
                   + "score \(Format.score(team.advice.ranking.winner.total))"]
        if let splits = splitSentence(team, engine: engine) { out.append("WARNING: " + splits) }
        for item in team.overrides {
            out.append("Override: \(engine.teamLabel(item.question)) is \(item.consensusValue), \(item.settledBy).")
        }
        out.append(team.robust ? "Robust: every participant's own answers pick \(engine.stackName(winner)) too."
                   : "Not robust: some participants' own answers pick another stack.")
        if let ruledOut = team.ruledOut { out.append(ruledOut.full) }
        out.append("Consensus rule: " + Consensus.rule)
        out.append("")
        var table = TextTable(headers: ["Participant", "File", "Own winner", "Score"], alignments: [.left, .left, .left, .right])
        for participant in team.participants {
            table.rows.append([participant.name, PrintableText.escapedPath(participant.file), participant.winner,
                               Format.score(participant.score)])
        }
        out += table.render()
        out.append("")
        out += disagreementLines(team, engine: engine)
        return out
    }

    /// `The decision rests on 2 unsettled splits: untrusted content (yes stands in for yes or no); …`, or
    /// nil when no split stands. The record's summary and the comparison view say the same.
    public static func splitSentence(_ team: TeamAdvice, engine: Engine) -> String? {
        guard !team.split.isEmpty else { return nil }
        let items = team.split.map { split in
            let values = split.values.map(\.display)
            return "\(engine.teamLabel(split.question)) (\(values.first ?? "") stands in for \(values.joined(separator: " or ")))"
        }
        let count = team.split.count
        return "the decision rests on \(count) unsettled split\(count == 1 ? "" : "s"): " + items.joined(separator: "; ")
            + ". Settle \(count == 1 ? "it" : "them") before accepting."
    }

    static func disagreementLines(_ team: TeamAdvice, engine: Engine) -> [String] {
        guard !team.disagreements.isEmpty else { return ["Where the team disagreed: nowhere; every answer is shared."] }
        var out = ["Where the team disagreed (decisive first; decisive = someone's answer in place of the consensus changes the winner; — = did not answer)"]
        for item in team.disagreements {
            let label = engine.teamLabel(item.question)
            var marks = [item.split ? "SPLIT, the team must settle it" : item.decisive ? "DECISIVE" : "not decisive"]
            if item.overridden { marks.append("OVERRIDE") }
            out.append("  \(label): \(marks.joined(separator: ", "))")
            out.append("    " + item.values.map { "\($0.participant) \($0.value)" }.joined(separator: "; ")
                       + "; consensus \(item.consensusValue) (\(item.settledBy))")
            if item.changing.isEmpty { out.append("    no one's answer changes the winner") }
            for whatIf in item.changing {
                out.append("    with \(whatIf.value): \(engine.stackName(whatIf.stack)) would win")
            }
        }
        return out
    }
}

/// The `team --format json` contract: `participants[]`, `consensus`, `disagreements[]`, and every key of
/// the single-run JSON for the consensus (`recommendation`, `ranking`, `costs`, `sensitivity`, `caveats`).
public enum TeamJSON {
    public static func render(_ team: TeamAdvice, engine: Engine, toolVersion: String) -> String {
        guard case .object(var document) = JSONReport.document(team.advice, engine: engine, toolVersion: toolVersion) else {
            return ""
        }
        document["participants"] = .array(team.participants.map {
            .object(["name": .string($0.name), "file": .string($0.file), "winner": .string($0.winner),
                     "score": .number(Format.rounded4($0.score))])
        })
        guard case .object(let answers)? = document["answers"] else { return JSONValue.object(document).rendered() }
        document["consensus"] = .object([
            "stack": .string(team.advice.recommendation), "answers": .object(answers), "robust": .bool(team.robust),
            "rule": .string(Consensus.rule),
            "ruled_out": team.ruledOut.map { .string($0.full) } ?? .null,
            "settled": .object(Dictionary(uniqueKeysWithValues: team.provenance.map { ($0.key, provenance($0.value)) })),
            "split": .array(team.split.map { split in
                .object(["question": .string(split.question), "values": .strings(split.values.map(\.display)),
                         "winner_if": .array(team.disagreements.first { $0.question == split.question }?.winnerIf.map(whatIf) ?? [])])
            }),
        ])
        document["disagreements"] = .array(team.disagreements.map { item in
            .object(["question": .string(item.question),
                     "values": .object(Dictionary(item.values.map { ($0.participant, JSONValue.string($0.value)) },
                                                  uniquingKeysWith: { a, _ in a })),
                     "consensus_value": .string(item.consensusValue), "decisive": .bool(item.decisive),
                     "split": .bool(item.split), "settled_by": .string(item.provenance.method.rawValue),
                     "settled": provenance(item.provenance), "overridden": .bool(item.overridden),
                     "winner_if": .array(item.winnerIf.map(whatIf))])
        })
        return JSONValue.object(document).rendered()
    }

    /// `{method, text, votes, answered, participants, participant, overrides, zero_weights}`; every key always present.
    static func provenance(_ how: Provenance) -> JSONValue {
        .object([
            "method": .string(how.method.rawValue), "text": .string(how.text),
            "votes": .number(Double(how.votes)), "answered": .number(Double(how.answered)),
            "participants": .number(Double(how.participants)), "participant": .optional(how.participant),
            "was_split": .bool(how.wasSplit), "zero_weights": .strings(how.zeroWeights),
            "overrides": how.overrides.map { rule in
                JSONValue.object(["method": .string(rule.method.rawValue), "value": .string(rule.value),
                                  "votes": .number(Double(rule.votes)), "answered": .number(Double(rule.answered))])
            } ?? .null,
        ])
    }

    private static func whatIf(_ item: TeamAdvice.WhatIf) -> JSONValue {
        .object(["value": .string(item.value), "stack": .string(item.stack), "changes_winner": .bool(item.changesWinner)])
    }
}
