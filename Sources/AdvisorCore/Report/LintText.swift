/// The `kb lint` report.
public enum LintText {
    /// The share of its home ground each profile's answer must win.
    public static let minimumShare = 0.8

    public static func render(_ report: LintReport, engine: Engine) -> String {
        let sweep = report.sweep
        let dimensions = sweep.questions.map { "\($0.id) \($0.values)" }.joined(separator: " × ")
        var lines = ["kb lint: \(Format.fixed(Double(sweep.count), 0)) answer sets (\(dimensions))", "", "Wins by stack"]
        var table = TextTable(headers: ["Stack", "Answer sets won", "Share"], alignments: [.left, .right, .right])
        for stack in sweep.stacks.sorted(by: { (sweep.wins($0), $1) > (sweep.wins($1), $0) }) {
            let wins = sweep.wins(stack)
            table.rows.append([stack, Format.fixed(Double(wins), 0), Format.percent(Double(wins) / Double(max(sweep.count, 1)))])
        }
        lines += table.render()
        lines.append("Exact ties (winner level with another stack): \(Format.fixed(Double(sweep.ties), 0)); "
                     + "conditional recommendations (winner's floor unverified): \(Format.fixed(Double(sweep.conditional), 0))")
        lines += homeGrounds(report, minimum: minimumShare)
        lines.append("")
        lines.append("Stacks that can never win: " + list(report.neverWinning) + (report.neverWinning.isEmpty ? "" : "  (error)"))
        lines.append("Rules that never change a ranking: " + list(report.idleRules))
        lines.append("Questions whose answer never changes the winner: " + list(report.mutedQuestions))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func homeGrounds(_ report: LintReport, minimum: Double) -> [String] {
        guard !report.homeGrounds.isEmpty else { return [] }
        var lines = ["", "Profiles on their home ground (the scout's answer must win at least \(Format.percent(minimum)))"]
        var table = TextTable(headers: ["Profile", "Scout's answer", "Sets", "Won", "Share", "Conditional", "Check"],
                              alignments: [.left, .left, .right, .right, .right, .right, .left])
        for share in report.homeGrounds {
            table.rows.append([share.ground.name, share.ground.expect.joined(separator: " or "),
                               Format.fixed(Double(share.size), 0), Format.fixed(Double(share.wins), 0),
                               share.size == 0 ? "—" : Format.percent(share.share),
                               Format.fixed(Double(share.conditionalWins), 0),
                               share.size == 0 ? "none with this workload" : share.share >= minimum ? "ok" : "BELOW"])
        }
        lines += table.render()
        for share in report.homeGrounds {
            lines.append("  \(share.ground.name): \"\(share.ground.decides.text)\"")
            if !share.others.isEmpty {
                lines.append("    other winners: " + share.others.map { "\($0.stack) \(Format.fixed(Double($0.count), 0))" }
                    .joined(separator: ", "))
            }
            for (exclusion, count) in zip(share.ground.exclusions, share.excluded) {
                lines.append("    left out (\(Format.fixed(Double(count), 0)) sets): \(exclusion.why)")
            }
        }
        return lines
    }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}
