import AdvisorCore

/// The team comparison view: one row per contested question, one column per participant (scrolling
/// sideways when they do not all fit), the answer as it stands now, and the live ranking beside it.
/// Decisive rows are marked `!`, settled rows `=`; the highlighted cell is the answer Enter settles on.
struct ComparisonView {
    let state: WizardState
    let charset: Charset

    static let labelWidth = 20
    static let cellWidth = 13

    /// Below this width the live ranking shrinks to one line above the table, so the people fit.
    static let boardWidth = 110

    static func tableArea(width: Int, height: Int) -> (table: Rect, board: Rect?) {
        if width < boardWidth { return (Rect(x: 0, y: 1, width: width, height: height - 2), nil) }
        let layout = StepView.layout(width: width, height: height)
        return (layout.pane, layout.board)
    }

    /// How many participant columns fit beside the label and the current answer.
    static func participantColumns(width: Int) -> Int {
        let table = tableArea(width: width, height: 24).table.width - 2
        return max(1, (table - labelWidth - cellWidth) / cellWidth)
    }

    func render(into grid: inout CellGrid) {
        guard let team = state.team else { return }
        let layout = Self.tableArea(width: grid.width, height: grid.height)
        Chrome.header("Team comparison", state: state, into: &grid) { grid, area in
            let text = "\(team.participants.count) people, \(team.rows.count) contested"
            grid.put(DisplayWidth.truncate(text, to: area.width), x: area.maxX - min(area.width, DisplayWidth.of(text)),
                     y: area.y, style: .normal)
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
        let columns = Self.participantColumns(width: grid.width)
        let shown = Array(team.participants.indices.dropFirst(team.firstColumn).prefix(columns))
        var y = content.y
        var x = content.x + Self.labelWidth
        grid.put("Question", x: content.x, y: y, style: .title)
        for index in shown {
            grid.put(DisplayWidth.truncate(team.participants[index].name, to: Self.cellWidth - 1), x: x, y: y, style: .title)
            x += Self.cellWidth
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
        let visibleRows = max(1, content.maxY - y - 3)
        let first = max(0, min(team.row - visibleRows + 1, team.rows.count - visibleRows))
        for (offset, id) in team.rows.enumerated().dropFirst(first).prefix(visibleRows) {
            guard let question = state.questionnaire.question(id), let item = team.disagreement(id) else { continue }
            let focused = offset == team.row
            let mark = team.settled.contains(id) ? "=" : item.decisive ? "!" : " "
            let markStyle: Style = team.settled.contains(id) ? .good : item.decisive ? .warning : .normal
            grid.put(mark, x: content.x, y: y, style: markStyle)
            grid.put(DisplayWidth.truncate(Self.shortLabel(state.engine.teamLabel(question.id)), to: Self.labelWidth - 3), x: content.x + 2, y: y,
                     style: focused ? Style.accent : (item.decisive ? .warning : .normal))
            x = content.x + Self.labelWidth
            for index in shown {
                let value = item.values.indices.contains(index) ? item.values[index].value : ""
                let differs = value != item.consensusValue
                let style: Style = focused && index == team.column ? .selection : differs ? .warning : .normal
                grid.put(DisplayWidth.truncate(value, to: Self.cellWidth - 1), x: x, y: y, style: style)
                x += Self.cellWidth
            }
            grid.put(DisplayWidth.truncate(item.consensusValue, to: max(1, content.maxX - x)), x: x, y: y, style: .accent)
            y += 1
        }
        if team.rows.isEmpty {
            grid.put("Everyone gave the same answers: nothing to settle.", x: content.x, y: y, style: .normal)
        }
        let legend = "! decisive: someone's answer here changes the winner   = settled"
        grid.put(DisplayWidth.truncate(legend, to: content.width), x: content.x, y: content.maxY - 2, style: .hint)
        if let id = team.focusedQuestion, let item = team.disagreement(id) {
            let changing = item.changing.map { "\($0.value) → \(state.engine.knowledgeBase.stack($0.stack)?.short ?? $0.stack)" }
            let line = changing.isEmpty ? "No one's answer here changes the winner."
                : "Would change the winner: " + changing.joined(separator: "; ")
            grid.put(DisplayWidth.truncate(line, to: content.width), x: content.x, y: content.maxY - 1,
                     style: changing.isEmpty ? .normal : .warning)
        }
        if let board = layout.board { ScoreboardView(state: state, charset: charset).render(into: &grid, area: board) }
        let arrows = charset == .unicode ? "↑↓" : "j/k"
        let sideways = charset == .unicode ? "←→" : "<>"
        Chrome.footer([.init("Enter", "settle"), .init(arrows, "question"), .init(sideways, "person"),
                       .init("r", "results"), .init("s", "save"), .init("e", "export"), .init("?", "help"), .init("q", "quit")],
                      state: state, charset: charset, into: &grid)
    }

    /// The question's short label ("fleet size"), capitalised for the first column.
    static func shortLabel(_ label: String) -> String {
        label.prefix(1).uppercased() + label.dropFirst()
    }
}
