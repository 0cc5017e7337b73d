/// The `kb lint` report.
public enum LintText {
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
        lines.append("")
        lines.append("Stacks that can never win: " + list(report.neverWinning) + (report.neverWinning.isEmpty ? "" : "  (error)"))
        lines.append("Rules that never change a ranking: " + list(report.idleRules))
        lines.append("Questions whose answer never changes the winner: " + list(report.mutedQuestions))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}
