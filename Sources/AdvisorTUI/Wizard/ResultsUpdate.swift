/// Keys on the results tabs.
extension Transition {
    mutating func resultsKey(_ key: Key) {
        let tabs = ResultsTab.allCases
        switch key {
        case .tab, .right, .character("l"): selectTab(tabs[(state.tab.rawValue + 1) % tabs.count])
        case .backTab, .left, .character("h"): selectTab(tabs[(state.tab.rawValue + tabs.count - 1) % tabs.count])
        case .character(let c) where c.isASCII && c.isNumber:
            if let index = Int(String(c)), (1...tabs.count).contains(index) { selectTab(tabs[index - 1]) }
        case .down, .character("j"): moveFocus(forward: true)
        case .up, .character("k"): moveFocus(forward: false)
        case .enter: openFocused()
        case .pageDown, .character(" "): scroll(by: max(1, pageHeight - 1))
        case .pageUp: scroll(by: -max(1, pageHeight - 1))
        case .home: state.scroll[state.tab] = 0
        case .character("g"): if let page = currentPage, !page.headings.isEmpty { state.overlay = .outline(outlineCursor(page)) }
        // Empty each time: the last search is still highlighted until Enter finds another.
        case .character("/"): state.overlay = .search(TextField(""))
        case .character("n"): jumpToMatch(forward: true)
        case .character("N"): jumpToMatch(forward: false)
        case .end, .character("G"): state.scroll[state.tab] = maxScroll
        case .escape where state.comparing != nil: state.comparing = nil
        case .escape, .character("b"):
            if state.team != nil { state.screen = .comparison } else { enterStep(state.steps.count - 1, atEnd: true) }
        case .character("s"): requestSave()
        case .character("e"): requestExport()
        case .character("q"): requestQuit()
        case .character("?"), .function(1): state.overlay = .help
        case .character("r"): refreshResults()
        case .character("c") where state.tab == .ranking:
            if let stack = focusedLinkStack { compare(stack) } else { compareWithoutCursor() }
        case .character("C") where state.tab == .ranking: startPicking()
        case .character("x") where state.tab == .ranking: toggleExclusion()
        case .character("p"): togglePin()
        case .character("w"): swapPinned()
        case .character("c") where state.tab == .costs:
            state.costChartHidden.toggle()
            clampScroll()
        case .character("z") where state.tab == .costs && !state.costChartHidden:
            let scales: [LineChart.YScale] = [.fitted, .fromZero, .log]
            let current = state.costScale ?? state.results.map { CostChartView.automaticScale($0.chart) } ?? .fitted
            state.costScale = scales[((scales.firstIndex(of: current) ?? 0) + 1) % scales.count]
        default: break
        }
    }

    /// The current tab's text, laid out as it is drawn.
    var currentPage: Document? {
        guard let results = state.results else { return nil }
        let width = ResultsView.layout(width: state.width, height: state.height).content.width
        return ResultsPages.page(state.tab, results: results, state: state, width: width, charset: state.context.charset)
    }

    /// The heading of the section in view, where the outline opens.
    func outlineCursor(_ page: Document) -> Int {
        let top = state.scroll[state.tab] ?? 0
        return max(0, (page.headings.lastIndex { $0.line <= top }) ?? 0)
    }

    /// Scrolls the current tab so a line is at the top (or as near as the end allows).
    mutating func scroll(toLine line: Int) {
        state.scroll[state.tab] = max(0, min(maxScroll, line))
    }

    /// `n` / `N`: the next (or previous) line matching the search, wrapping round, in any tab.
    mutating func jumpToMatch(forward: Bool) {
        guard let query = state.search, let page = currentPage else { return }
        let matches = page.matches(query)
        guard !matches.isEmpty else {
            state.status = StatusMessage(text: "\"\(query)\" is not on the \(state.tab.title) tab", isError: true)
            return
        }
        let top = state.scroll[state.tab] ?? 0
        // From the match last gone to while it shows (near the end the page cannot scroll to every match);
        // otherwise from the top line, which counts as the next match itself.
        let from = state.searchLine.flatMap { matches.contains($0) && $0 >= top && $0 < top + pageHeight ? $0 : nil }
            ?? (forward ? top - 1 : top)
        let target = forward ? (matches.first { $0 > from } ?? matches[0]) : (matches.last { $0 < from } ?? matches[matches.count - 1])
        state.searchLine = target
        scroll(toLine: target)
    }

    mutating func selectTab(_ tab: ResultsTab) {
        state.tab = tab
        clampScroll()
    }

    /// Rows of scrollable text the current tab shows at this size.
    var pageHeight: Int { ResultsView.scrollHeight(state: state) }

    var maxScroll: Int {
        max(0, ResultsView.lineCount(state: state, tab: state.tab) - pageHeight)
    }

    mutating func scroll(by delta: Int) {
        state.scroll[state.tab] = max(0, min(maxScroll, (state.scroll[state.tab] ?? 0) + delta))
    }

    /// After a resize or a tab change the text may be shorter than the scroll position.
    mutating func clampScroll() {
        guard state.screen == .results, state.results != nil, !state.isTooSmall else { return }
        state.scroll[state.tab] = max(0, min(maxScroll, state.scroll[state.tab] ?? 0))
    }

    // MARK: Mouse

    mutating func resultsClick(x: Int, y: Int, button: MouseButton) {
        switch button {
        case .scrollDown: scroll(by: 3)
        case .scrollUp: scroll(by: -3)
        case .left:
            if let tab = ResultsView.tab(atX: x, y: y, state: state) { selectTab(tab) }
        default: break
        }
    }

    mutating func welcomeClick(x: Int, y: Int, button: MouseButton) {
        guard button == .left, let choice = WelcomeView.choice(atY: y, state: state) else { return }
        state.welcomeChoice = choice
        chooseOnWelcome()
    }

    mutating func stepClick(x: Int, y: Int, button: MouseButton) {
        switch button {
        case .scrollDown: nextQuestion(cursor: .first)
        case .scrollUp: previousQuestion(cursor: .last)
        case .left:
            guard let target = StepView.target(atX: x, y: y, state: state) else { return }
            if target.question != state.question {
                guard commitField() else { return }
                focus(target.question, cursor: .selected)
            }
            if let option = target.option, let question = state.focusedQuestion { select(option: option, of: question) }
        default: break
        }
    }
}
