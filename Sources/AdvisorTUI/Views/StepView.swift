import AdvisorCore

/// One step of the questionnaire: header with progress, the questions on the left, the live
/// scoreboard on the right, key hints at the bottom.
struct StepView {
    let state: WizardState
    let charset: Charset

    struct Layout {
        var pane: Rect
        var board: Rect
    }

    static func layout(width: Int, height: Int, banner: Int = 0) -> Layout {
        let body = Rect(x: 0, y: 1 + banner, width: width, height: height - 2 - banner)
        let boardWidth = max(32, min(46, width * 36 / 100))
        let columns = body.splitColumns([.fill(), .fixed(boardWidth)])
        return Layout(pane: columns[0], board: columns[1])
    }

    /// Opened from a result: where from and what the line said, over the questions, in the accent style.
    static func banner(state: WizardState, width: Int) -> [[Span]] {
        guard let origin = state.jumpedFrom else { return [] }
        // What to press is in the footer ("Enter/Esc back to …"): two rows at most at 80 columns.
        let text = "From the \(origin.tab.title) tab: \(origin.context)."
        return Array(Paragraph(spans: [Span(text, style: Style.accent)]).lines(width: width - 2).prefix(3))
    }

    func render(into grid: inout CellGrid) {
        let banner = Self.banner(state: state, width: grid.width)
        for (row, spans) in banner.enumerated() { grid.put(spans: spans, x: 1, y: 1 + row, maxWidth: grid.width - 2) }
        let layout = Self.layout(width: grid.width, height: grid.height, banner: banner.count)
        let step = state.currentStep
        Chrome.header(step.title, state: state, into: &grid) { grid, area in
            ProgressBar(step: state.step + 1, of: state.steps.count, charset: charset).render(into: &grid, area: area)
        }
        let inner = Block(title: step.title, charset: charset).render(into: &grid, area: layout.pane)
        let pane = QuestionPane(state: state, charset: charset, width: inner.width - 2)
        let content = inner.inset(left: 1, right: 1)
        let scroll = pane.scrollOffset(height: content.height)
        pane.render(into: &grid, area: content, scroll: scroll)
        if scroll > 0 {
            grid.put(" more above ", x: layout.pane.maxX - 14, y: layout.pane.y, style: .dim)
        }
        if pane.lines.count - scroll > content.height {
            grid.put(" more below ", x: layout.pane.maxX - 14, y: layout.pane.maxY - 1, style: .dim)
        }
        ScoreboardView(state: state, charset: charset).render(into: &grid, area: layout.board)
        Chrome.footer(hints, state: state, charset: charset, into: &grid)
    }

    var hints: [KeyHints.Hint] {
        let arrows = charset == .unicode ? "↑↓" : "j/k"
        let sideways = charset == .unicode ? "←→" : "<>"
        guard let question = state.focusedQuestion else { return [] }
        var hints: [KeyHints.Hint]
        switch question.kind {
        case .choice, .boolean:
            let count = question.kind == .boolean ? 2 : question.options.count
            hints = [.init("Enter", "choose", priority: 1), .init(arrows, "move", priority: 3), .init("1-\(count)", "pick", priority: 4)]
        case .integer, .number:
            hints = [.init("0-9", "type", priority: 1), .init(sideways, "step by", priority: 4), .init("Enter", "next", priority: 2),
                     .init(arrows, "move", priority: 3)]
        case .text, .list:
            if state.field?.isTextEntry == true {
                return [.init("Enter", "done", priority: 0), .init("Esc", "cancel", priority: 0), .init("Ctrl-U", "clear"),
                        .init(sideways, "cursor"), .init("Tab", "next")]
                    + (question.kind == .list ? [.init(",", "separates names")] : [])
            }
            hints = [.init("Enter", "edit", priority: 1), .init(arrows, "move", priority: 3)]
        }
        // Kept longest: help, moving between steps and back; then results and quit.
        let all = hints + [.init("?", "all keys", priority: 0), .init("PgUp/PgDn", "step", priority: 1),
                        .init("Esc", "back", priority: 1), .init("r", "results", priority: 2), .init("q", "quit", priority: 3),
                        .init("s", "save", priority: 4), .init("e", "export", priority: 4)]
        // Opened from a result, Enter and Esc go back there (Esc undoes typing first, as ever).
        guard let origin = state.jumpedFrom, state.field?.isTextEntry != true else { return all }
        return [.init("Enter/Esc", "back to \(origin.tab.title), re-scored", priority: 0)]
            + all.filter { $0.key != "Enter" && $0.key != "Esc" }
    }

    /// The question and option under a screen cell, for mouse clicks.
    static func target(atX x: Int, y: Int, state: WizardState) -> (question: Int, option: Int?)? {
        let layout = layout(width: state.width, height: state.height, banner: banner(state: state, width: state.width).count)
        let content = layout.pane.inset(by: 1).inset(left: 1, right: 1)
        guard content.contains(x: x, y: y) else { return nil }
        let pane = QuestionPane(state: state, charset: state.context.charset, width: content.width)
        let index = y - content.y + pane.scrollOffset(height: content.height)
        guard pane.lines.indices.contains(index), let question = pane.lines[index].question else { return nil }
        return (question, pane.lines[index].option)
    }
}
