import AdvisorCore

/// A pinned what-if under the ranking: the engine's `WhatIf` (A, pinned with `p`, against the answers
/// now) as its sentences and one row per stack with both scores, both bills and the changes.
struct WhatIfSection {
    let whatIf: WhatIf
    let engine: Engine

    func add(to page: inout Document) {
        page.heading("What-if: now against A (pinned with p)")
        page.paragraph(whatIf.changed.full, link: .about(whatIf.changed))
        page.paragraph(whatIf.winner.full, style: whatIf.winnerBefore == whatIf.winnerAfter ? .normal : .warning)
        let money = max(10, whatIf.rows.flatMap { [bill($0.costBefore), bill($0.costAfter)] }.map(DisplayWidth.of).max() ?? 0)
        let change = max(6, whatIf.rows.map { DisplayWidth.of($0.monthlyChangeText) }.max() ?? 0)
        page.line([Span("Stack".padding(13) + "score A".leftPadded(7) + "now".leftPadded(6) + "change".leftPadded(8)
                        + "monthly A".leftPadded(money + 2) + "now".leftPadded(money + 2) + "change".leftPadded(change + 2),
                        style: Style.title)])
        for row in whatIf.rows {
            let short = engine.knowledgeBase.stack(row.stack)?.short ?? row.stack
            let scoreChange = row.scoreChange.map(Format.delta) ?? "—"
            page.line([Span(short.padding(13)),
                       Span(score(row.before).leftPadded(7)), Span(score(row.after).leftPadded(6), style: Style.accent),
                       Span(scoreChange.leftPadded(8), style: style(row.scoreChange, goodWhenUp: true)),
                       Span(bill(row.costBefore).leftPadded(money + 2)),
                       Span(bill(row.costAfter).leftPadded(money + 2), style: Style.accent),
                       Span(row.monthlyChangeText.leftPadded(change + 2), style: style(row.monthlyChange, goodWhenUp: false))])
        }
        var notes = ["Scores run from 0 to 1; monthly bills in US dollars"]
        if whatIf.rows.contains(where: { [$0.costBefore, $0.costAfter].contains { $0?.totalIsLowerBound == true && $0?.isUnpriced == false } }) {
            notes.append("≥ at least (running the agents is not priced)")
        }
        if whatIf.rows.contains(where: { $0.before == nil || $0.after == nil }) { notes.append("out: ruled out on that side") }
        page.paragraph(notes.joined(separator: "; ") + ".", style: .dim)
        for condition in whatIf.conditions { page.paragraph(condition.full, style: .warning) }
    }

    private func score(_ score: StackScore?) -> String { score.map { Format.score($0.total) } ?? "out" }

    /// The whole bill in a cell: "≥" for "at least", as the live ranking writes it where room is short.
    private func bill(_ cost: StackCost?) -> String {
        guard let cost else { return "out" }
        if cost.isUnpriced { return "not modelled" }
        return (cost.totalIsLowerBound ? "≥ " : "") + Format.money(cost.total)
    }

    private func style(_ change: Double?, goodWhenUp: Bool) -> Style {
        guard let change, abs(change) >= 0.005 else { return .dim }
        return (change > 0) == goodWhenUp ? .good : .bad
    }
}
