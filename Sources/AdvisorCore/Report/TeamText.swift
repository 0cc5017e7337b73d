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
        out.append(team.robust ? "Robust: every participant's own answers pick \(engine.stackName(winner)) too."
                   : "Not robust: some participants' own answers pick another stack.")
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

    static func disagreementLines(_ team: TeamAdvice, engine: Engine) -> [String] {
        guard !team.disagreements.isEmpty else { return ["Where the team disagreed: nowhere; every answer is shared."] }
        var out = ["Where the team disagreed (decisive first; decisive = someone's answer in place of the consensus changes the winner)"]
        for item in team.disagreements {
            let label = engine.teamLabel(item.question)
            let mark = item.split ? "SPLIT, the team must settle it" : item.decisive ? "DECISIVE" : "not decisive"
            out.append("  \(label): \(mark)")
            out.append("    " + item.values.map { "\($0.participant) \($0.value)" }.joined(separator: "; ")
                       + "; consensus \(item.consensusValue) (\(item.split ? "tied; first value stands in" : item.settledBy))")
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
                     "split": .bool(item.split), "settled_by": .string(item.settledBy),
                     "winner_if": .array(item.winnerIf.map(whatIf))])
        })
        return JSONValue.object(document).rendered()
    }

    private static func whatIf(_ item: TeamAdvice.WhatIf) -> JSONValue {
        .object(["value": .string(item.value), "stack": .string(item.stack), "changes_winner": .bool(item.changesWinner)])
    }
}
