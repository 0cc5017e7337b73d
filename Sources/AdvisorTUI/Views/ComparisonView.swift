import AdvisorCore

/// The team comparison view: one row per contested question, one column per participant, the answer
/// as it stands now, and the live ranking beside it (or in one line above, when narrow). Columns
/// narrow so every participant shows at 80 columns (up to seven; more scroll sideways), and the
/// focused row spells out each person's full name and answer and how the answer was settled. Marks:
/// `!` decisive, `~` an open split, `=` settled in this meeting. The highlighted cell is the answer
/// Enter settles on; `t` settles on a value typed in the meeting.
struct ComparisonView {
    let state: WizardState
    let charset: Charset

    static let labelWidth = 18
    static let nowWidth = 12
    static let widestCell = 13
    static let narrowestCell = 6

    /// Below this width the live ranking shrinks to one line above the table, so the people fit.
    static let boardWidth = 110

    static func tableArea(width: Int, height: Int) -> (table: Rect, board: Rect?) {
        if width < boardWidth { return (Rect(x: 0, y: 1, width: width, height: height - 2), nil) }
        let layout = StepView.layout(width: width, height: height)
        return (layout.pane, layout.board)
    }

    /// How wide each participant's column is and how many show at once: all of them when each gets
    /// at least `narrowestCell` columns.
    static func columns(width: Int, people: Int) -> (cell: Int, visible: Int) {
        let room = tableArea(width: width, height: 24).table.width - 4 - labelWidth - nowWidth
        let count = max(1, people)
        let cell = min(widestCell, max(narrowestCell, room / count))
        return (cell, max(1, min(count, room / cell)))
    }

    func render(into grid: inout CellGrid) {
        guard let team = state.team else { return }
        let layout = Self.tableArea(width: grid.width, height: grid.height)
        let open = team.team.split.count
        Chrome.header("Team comparison", state: state, into: &grid) { grid, area in
            // With splits open, they matter more than the head count (the table shows the people).
            let text = open > 0 ? "\(team.rows.count) contested, \(open) open split\(open == 1 ? "" : "s")"
                : "\(team.participants.count) people, \(team.rows.count) contested"
            grid.put(DisplayWidth.truncate(text, to: area.width), x: area.maxX - min(area.width, DisplayWidth.of(text)),
                     y: area.y, style: open > 0 ? .warning : .normal)
        }
        let inner = Block(title: "Where the team disagrees", charset: charset).render(into: &grid, area: layout.table)
        var content = inner.inset(left: 1, right: 1)
        if layout.board == nil {
            // No room for the scoreboard: the standing in one line, updated as answers settle.
            let top = state.ranking.scores.prefix(3).map {
                "\($0.rank) \(state.engine.knowledgeBase.stack($0.stack)?.short ?? $0.stack) \(Format.score($0.total))"
            }
            grid.put(DisplayWidth.truncate("Ranking now: " + top.joined(separator: " · "), to: content.width),
                     x: content.x, y: content.y, style: .accent)
            content = Rect(x: content.x, y: content.y + 2, width: content.width, height: max(0, content.height - 2))
        }
        let (cell, count) = Self.columns(width: grid.width, people: team.participants.count)
        let shown = Array(team.participants.indices.dropFirst(team.firstColumn).prefix(count))
        var y = content.y
        var x = content.x + Self.labelWidth
        grid.put("Question", x: content.x, y: y, style: .title)
        for index in shown {
            grid.put(DisplayWidth.truncate(team.participants[index].name, to: cell - 1), x: x, y: y,
                     style: index == team.column ? .accent : .title)
            x += cell
        }
        grid.put("Now", x: x, y: y, style: .title)
        y += 1
        let more = team.participants.count - shown.count
        if more > 0 {
            let arrows = charset == .unicode ? "←→" : "<>"
            grid.put("\(more) more \(more == 1 ? "person" : "people"): \(arrows) scrolls", x: content.x, y: y, style: .hint,
                     maxWidth: content.width)
            y += 1
        }
        let visibleRows = max(1, content.maxY - y - 6)
        let first = max(0, min(team.row - visibleRows + 1, team.rows.count - visibleRows))
        for (offset, id) in team.rows.enumerated().dropFirst(first).prefix(visibleRows) {
            guard let question = state.questionnaire.question(id), let item = team.disagreement(id) else { continue }
            let focused = offset == team.row
            let (mark, markStyle) = Self.mark(item, settled: team.settled.contains(id))
            grid.put(mark, x: content.x, y: y, style: markStyle)
            grid.put(DisplayWidth.truncate(Self.shortLabel(state.engine.teamLabel(question.id)), to: Self.labelWidth - 3), x: content.x + 2, y: y,
                     style: focused ? Style.accent : (item.decisive ? .warning : .normal))
            x = content.x + Self.labelWidth
            for index in shown {
                let value = item.values.indices.contains(index) ? item.values[index].value : ""
                let differs = value != item.consensusValue && value != Engine.abstained
                let style: Style = focused && index == team.column ? .selection : differs ? .warning : .normal
                grid.put(DisplayWidth.truncate(value, to: cell - 1), x: x, y: y, style: style)
                x += cell
            }
            grid.put(DisplayWidth.truncate(item.consensusValue, to: max(1, content.maxX - x)), x: x, y: y, style: .accent)
            y += 1
        }
        if team.rows.isEmpty {
            grid.put("Everyone gave the same answers: nothing to settle.", x: content.x, y: y, style: .normal)
        }
        let legend = "! decisive   ~ split to settle   = settled here   — no answer"
        grid.put(DisplayWidth.truncate(legend, to: content.width), x: content.x, y: content.maxY - 5, style: .hint)
        if let id = team.focusedQuestion, let item = team.disagreement(id) {
            // The focused row in full: every name and answer, and how the answer now stands was reached.
            let each = item.values.map { "\($0.participant) \($0.value)" }.joined(separator: " · ")
            Paragraph("Now \(item.consensusValue): \(item.settledBy). " + each, maxLines: 3)
                .render(into: &grid, area: Rect(x: content.x, y: content.maxY - 4, width: content.width, height: 3))
            let changing = item.changing.map { "\($0.value) → \(state.engine.knowledgeBase.stack($0.stack)?.short ?? $0.stack)" }
            let line = changing.isEmpty ? "No one's answer here changes the winner."
                : "Would change the winner: " + changing.joined(separator: "; ")
            grid.put(DisplayWidth.truncate(line, to: content.width), x: content.x, y: content.maxY - 1,
                     style: changing.isEmpty ? .normal : .warning)
        }
        if let board = layout.board { ScoreboardView(state: state, charset: charset).render(into: &grid, area: board) }
        let arrows = charset == .unicode ? "↑↓" : "j/k"
        let sideways = charset == .unicode ? "←→" : "<>"
        Chrome.footer([.init("Enter", "settle"), .init("t", "type a value"), .init(arrows, "question"), .init(sideways, "person"),
                       .init("?", "all keys", priority: 0), .init("s", "save"), .init("e", "export"), .init("r", "results"), .init("q", "quit")],
                      state: state, charset: charset, into: &grid)
    }

    /// `=` settled in this meeting, `~` a split still open, `!` decisive.
    static func mark(_ item: TeamAdvice.Disagreement, settled: Bool) -> (String, Style) {
        if settled { return ("=", .good) }
        if item.split { return ("~", .warning) }
        if item.decisive { return ("!", .warning) }
        return (" ", .normal)
    }

    /// The question's short label ("fleet size"), capitalised for the first column.
    static func shortLabel(_ label: String) -> String {
        label.prefix(1).uppercased() + label.dropFirst()
    }
}
