import AdvisorCore

/// The results: a header with the recommendation, the tabs, the current tab's page (scrollable),
/// and the key hints. Everything shown comes from `WizardState.results`, computed once.
struct ResultsView {
    let state: WizardState
    let charset: Charset

    struct Layout {
        var tabs: Rect
        var frame: Rect
        var content: Rect
    }

    static func layout(width: Int, height: Int) -> Layout {
        let frame = Rect(x: 0, y: 2, width: width, height: height - 3)
        return Layout(tabs: Rect(x: 1, y: 1, width: width - 2, height: 1), frame: frame,
                      content: frame.inset(by: 1).inset(left: 1, right: 1))
    }

    /// The Costs tab keeps its chart in view and scrolls the line items under it.
    static func chartHeight(content: Rect) -> Int { max(13, content.height * 60 / 100) }

    /// Where the scrolling text of the current tab is drawn.
    static func scrollArea(state: WizardState, content: Rect) -> Rect {
        guard state.tab == .costs, !state.costChartHidden else { return content }
        return content.inset(top: chartHeight(content: content))
    }

    static func scrollHeight(state: WizardState) -> Int {
        scrollArea(state: state, content: layout(width: state.width, height: state.height).content).height
    }

    static func lineCount(state: WizardState, tab: ResultsTab) -> Int {
        guard let results = state.results else { return 0 }
        let width = layout(width: state.width, height: state.height).content.width
        return ResultsPages.page(tab, results: results, state: state, width: width,
                                 charset: state.context.charset).lines.count
    }

    static func tabs(_ state: WizardState, charset: Charset) -> Tabs {
        Tabs(titles: ResultsTab.allCases.map { "\($0.rawValue + 1) \($0.title)" }, selected: state.tab.rawValue,
             charset: charset)
    }

    static func tab(atX x: Int, y: Int, state: WizardState) -> ResultsTab? {
        let area = layout(width: state.width, height: state.height).tabs
        guard y == area.y, let index = tabs(state, charset: state.context.charset).index(atX: x, area: area) else { return nil }
        return ResultsTab(rawValue: index)
    }

    func render(into grid: inout CellGrid) {
        guard let results = state.results else { return }
        let layout = Self.layout(width: grid.width, height: grid.height)
        let engine = state.engine
        let winner = results.advice.ranking.winner
        Chrome.header("Results", state: state, into: &grid) { grid, area in
            let text = "Recommended: \(engine.knowledgeBase.stack(winner.stack)?.short ?? winner.stack) "
                + Format.score(winner.total)
            Paragraph(text, style: Style.accent, alignment: .right).render(into: &grid, area: area)
        }
        Self.tabs(state, charset: charset).render(into: &grid, area: layout.tabs)
        let scale = state.costScale ?? CostChartView.automaticScale(results.chart)
        let title = state.tab != .costs ? nil
            : state.costChartHidden ? "Monthly costs (c shows the chart)" : CostChartView.title(scale, width: layout.frame.width - 6)
        Block(title: title, charset: charset).render(into: &grid, area: layout.frame)
        let content = layout.content
        if state.tab == .costs, !state.costChartHidden {
            let chartArea = Rect(x: content.x, y: content.y, width: content.width, height: Self.chartHeight(content: content))
            CostChartView(chart: results.chart, engine: engine, charset: charset, scale: scale).render(into: &grid, area: chartArea)
        }
        let area = Self.scrollArea(state: state, content: content)
        let page = ResultsPages.page(state.tab, results: results, state: state, width: content.width, charset: charset)
        let scroll = max(0, min(state.scroll[state.tab] ?? 0, page.lines.count - area.height))
        page.render(into: &grid, area: area, scroll: scroll)
        if let query = state.search {
            Self.highlight(query, in: &grid, area: area)
            matchCount(query, page: page, frame: layout.frame, into: &grid)
        }
        if let focus = Self.focusedLink(state: state, page: page) {
            // A pointer in the margin by its first line, so the bars and colours of the line stay as they are.
            grid.put(Glyphs(charset).pointer, x: area.x - 1, y: area.y + page.links[focus].lines.lowerBound - scroll, style: Style.accent)
        }
        scrollIndicator(lines: page.lines.count, scroll: scroll, area: area, frame: layout.frame, into: &grid)
        Chrome.footer(hints(page: page), state: state, charset: charset, into: &grid)
    }

    /// The link the cursor is on: the one last moved to while it shows whole, else the first that shows
    /// whole (so scrolling carries the cursor along), or nil when none shows.
    static func focusedLink(state: WizardState, page: Document) -> Int? {
        let visible = page.visibleLinks(scroll: state.scroll[state.tab] ?? 0, height: scrollHeight(state: state))
        if let stored = state.linkFocus[state.tab], visible.contains(stored) { return stored }
        return visible.first
    }

    /// "“agentcore” 3 of 7" on the frame's bottom edge: which match `n` went to, of how many lines match.
    private func matchCount(_ query: String, page: Document, frame: Rect, into grid: inout CellGrid) {
        let matches = page.matches(query)
        let shown = DisplayWidth.truncate(query, to: 20)
        let count = matches.isEmpty ? "no match"
            : state.searchLine.flatMap { matches.firstIndex(of: $0) }.map { "\($0 + 1) of \(matches.count)" }
                ?? "\(matches.count) match\(matches.count == 1 ? "" : "es")"
        grid.put(" \u{201C}\(shown)\u{201D} \(count) ", x: frame.x + 2, y: frame.maxY - 1, style: .dim)
    }

    /// Marks every match of the search on screen in the selection style (case ignored).
    static func highlight(_ query: String, in grid: inout CellGrid, area: Rect) {
        let needle = Array(query.lowercased())
        guard !needle.isEmpty else { return }
        for y in area.y..<area.maxY {
            let cells = (area.x..<area.maxX).map { x in (x, grid[x, y]) }.filter { !$0.1.isContinuation }
            let text = cells.map { Character(String($0.1.character).lowercased()) }
            guard text.count >= needle.count else { continue }
            var start = 0
            while start + needle.count <= text.count {
                if Array(text[start..<(start + needle.count)]) == needle {
                    let from = cells[start].0, to = cells[start + needle.count - 1].0
                    grid.setStyle(Rect(x: from, y: y, width: to - from + grid[to, y].width, height: 1), style: .selection)
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
    }

    private func scrollIndicator(lines: Int, scroll: Int, area: Rect, frame: Rect, into grid: inout CellGrid) {
        guard lines > area.height else { return }
        let last = min(lines, scroll + area.height)
        let text = " lines \(scroll + 1)-\(last) of \(lines) "
        grid.put(text, x: frame.maxX - DisplayWidth.of(text) - 2, y: frame.maxY - 1, style: .dim)
    }

    func hints(page: Document) -> [KeyHints.Hint] {
        let arrows = charset == .unicode ? "↑↓" : "j/k"
        let sideways = charset == .unicode ? "←→" : "<>"
        let costKeys: [KeyHints.Hint] = state.tab != .costs ? []
            : [.init("c", state.costChartHidden ? "chart" : "hide chart", priority: 1)]
                + (state.costChartHidden ? [] : [.init("z", "scale", priority: 1)])
        if let first = state.comparing {
            return [.init("Enter", "compare \(state.engine.shortName(first)) with this stack", priority: 0),
                    .init(arrows, "choose", priority: 0), .init("Esc", "cancel", priority: 0)]
        }
        let focus = Self.focusedLink(state: state, page: page).map { page.links[$0].link }
        var open: [KeyHints.Hint] = []
        switch focus {
        case .stack(_, ruledOut: false)?: open = [.init("Enter", "compare", priority: 0), .init("x", "rule out", priority: 1)]
        case .stack(_, ruledOut: true)?: open = [.init("x", "take back in", priority: 0)]
        case .question?: open = [.init("Enter", "open its question", priority: 0)]
        case nil: break
        }
        let pin: [KeyHints.Hint] = state.pinned == nil ? [.init("p", "pin A", priority: 2)]
            : [.init("p", "unpin", priority: 2), .init("w", "swap", priority: 3)]
        return costKeys + open + [.init("Tab/\(sideways)", "tab", priority: 1), .init(arrows, page.links.isEmpty ? "scroll" : "move", priority: 1)]
            + pin + [.init("g", "sections", priority: 4), .init("/", "search", priority: 4),
                .init("e", "export", priority: 3), .init("s", "save", priority: 3), .init("q", "quit", priority: 2),
                .init("Esc", "back", priority: 2), .init("?", "all keys", priority: 0),
                .init("PgUp/PgDn", "page", priority: 4), .init("1-6", "tab", priority: 4)]
    }
}
