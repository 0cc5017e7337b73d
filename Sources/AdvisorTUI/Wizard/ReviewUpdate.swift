import AdvisorCore

/// The review conversation on the results: a cursor on the lines a key can open, two stacks side by
/// side, the question behind a result and back, a pinned what-if, and ruling a stack out.
extension Transition {
    // MARK: The cursor on the results

    /// The link the cursor is on in the current tab (see `ResultsView.focusedLink`).
    var focusedLink: ResultLink? {
        guard let page = currentPage, let index = ResultsView.focusedLink(state: state, page: page) else { return nil }
        return page.links[index].link
    }

    /// Up/Down: to the next (or previous) line a key can open when it shows whole; otherwise the page
    /// scrolls a line, so no text between two links is skipped.
    mutating func moveFocus(forward: Bool) {
        guard let page = currentPage, !page.links.isEmpty else { return scroll(by: forward ? 1 : -1) }
        let top = state.scroll[state.tab] ?? 0
        let current = ResultsView.focusedLink(state: state, page: page)
        let next = current.map { forward ? $0 + 1 : $0 - 1 }
            ?? (forward ? page.links.firstIndex { $0.lines.lowerBound >= top } : page.links.lastIndex { $0.lines.upperBound <= top })
        func shows(_ index: Int) -> Bool {
            page.visibleLinks(scroll: state.scroll[state.tab] ?? 0, height: pageHeight).contains(index)
        }
        guard let next, page.links.indices.contains(next) else { return scroll(by: forward ? 1 : -1) }
        if !shows(next) { scroll(by: forward ? 1 : -1) }
        if shows(next) { state.linkFocus[state.tab] = next }
    }

    /// Enter on a results tab: a stack's row opens it beside the winner (or the stack picked with `C`);
    /// a result opens the question behind it.
    mutating func openFocused() {
        switch focusedLink {
        case .question(let id, let context)?: jump(to: id, context: context)
        case .stack(let stack, ruledOut: false)?: compare(stack)
        case .stack(let stack, ruledOut: true)?:
            state.status = StatusMessage(text: "\(engine.stackName(stack)) is ruled out: x on its row takes it back in", isError: true)
        case nil:
            state.status = StatusMessage(text: "Nothing here to open: \(glyphsArrows) move to a stack or a result first", isError: true,
                                         shorter: "Nothing here to open")
        }
    }

    private var glyphsArrows: String { state.context.charset == .unicode ? "↑↓" : "j/k" }

    /// The stack the cursor is on, when it is a ranked stack's row.
    var focusedLinkStack: StackID? {
        if case .stack(let stack, ruledOut: false)? = focusedLink { return stack }
        return nil
    }

    /// `c` with the cursor on no stack's row: the runner-up beside the winner.
    mutating func compareWithoutCursor() {
        guard let winner = state.results?.advice.ranking.winner.stack else { return }
        compare(winner)
    }

    /// Keeps the tab, its scroll and the cursor's stack across a re-score (the results are remade).
    mutating func refreshKeepingPlace(focusOn stack: StackID? = nil) {
        let tab = state.tab, top = state.scroll[tab] ?? 0, focus = state.linkFocus[tab]
        refreshResults()
        state.scroll[tab] = top
        state.linkFocus[tab] = focus
        clampScroll()
        guard let stack, let page = currentPage,
              let index = page.links.firstIndex(where: { if case .stack(stack, _) = $0.link { true } else { false } }) else { return }
        let lines = page.links[index].lines
        let now = state.scroll[tab] ?? 0
        if lines.lowerBound < now || lines.upperBound > now + pageHeight { scroll(toLine: lines.lowerBound) }
        state.linkFocus[tab] = index
    }

    // MARK: Two stacks side by side

    /// `c` or Enter on a stack: it beside the winner (the winner beside the runner-up), or beside the
    /// stack picked with `C`.
    mutating func compare(_ stack: StackID) {
        guard let ranking = state.results?.advice.ranking else { return }
        if let first = state.comparing {
            guard first != stack else {
                state.status = StatusMessage(text: "Pick another stack to compare with \(engine.shortName(first))", isError: true)
                return
            }
            return openSideBySide(first, stack)
        }
        let winner = ranking.winner.stack
        guard stack != winner else {
            guard let runnerUp = ranking.scores.dropFirst().first?.stack else {
                state.status = StatusMessage(text: "Only one stack is ranked: nothing to compare it with", isError: true)
                return
            }
            return openSideBySide(winner, runnerUp)
        }
        openSideBySide(winner, stack)
    }

    /// `C`: the stack under the cursor is the first of two; Enter or `c` on another picks the second.
    mutating func startPicking() {
        guard let stack = focusedLinkStack else {
            state.status = StatusMessage(text: "Move to a stack's row first (\(glyphsArrows)), then C", isError: true)
            return
        }
        state.comparing = stack
    }

    mutating func openSideBySide(_ first: StackID, _ second: StackID) {
        state.comparing = nil
        guard let advice = state.results?.advice, let pair = engine.sideBySide(first, second, in: advice) else { return }
        state.pair = StackPair(sideBySide: pair)
        state.screen = .sideBySide
    }

    mutating func sideBySideKey(_ key: Key) {
        switch key {
        case .down, .character("j"): scrollPair(by: 1)
        case .up, .character("k"): scrollPair(by: -1)
        case .pageDown, .character(" "): scrollPair(by: max(1, SideBySideView.pageHeight(state: state) - 1))
        case .pageUp: scrollPair(by: -max(1, SideBySideView.pageHeight(state: state) - 1))
        case .home: scrollPair(by: -SideBySideView.lineCount(state: state))
        case .end, .character("G"): scrollPair(by: SideBySideView.lineCount(state: state))
        case .escape, .character("b"), .enter:
            // Back on the Ranking tab, the cursor still on the stack it was on.
            state.screen = .results
            state.tab = .ranking
            clampScroll()
        case .character("?"), .function(1): state.overlay = .help
        case .character("q"): requestQuit()
        default: break
        }
    }

    mutating func scrollPair(by delta: Int) {
        guard var pair = state.pair else { return }
        let limit = max(0, SideBySideView.lineCount(state: state) - SideBySideView.pageHeight(state: state))
        pair.scroll = max(0, min(limit, pair.scroll + delta))
        state.pair = pair
    }

    // MARK: The question behind a result

    /// Opens the question behind a result, remembering where the results were and what the line said.
    mutating func jump(to id: QuestionID, context: String) {
        guard let place = state.location(of: id) else { return }
        let focus = currentPage.flatMap { ResultsView.focusedLink(state: state, page: $0) }
        state.jumpedFrom = JumpOrigin(tab: state.tab, scroll: state.scroll[state.tab] ?? 0, focus: focus, context: context)
        enterStep(place.step, question: place.question)
    }

    /// Enter or Esc on a question opened from a result: back to that tab and line, re-scored.
    mutating func returnFromJump() {
        guard let origin = state.jumpedFrom, commitField() else { return }
        showResults()
        guard state.screen == .results else { return }
        state.jumpedFrom = nil
        state.tab = origin.tab
        state.scroll[origin.tab] = origin.scroll
        state.linkFocus[origin.tab] = origin.focus
        clampScroll()
    }

    /// Step keys while a question is open from a result: Enter takes the answer and goes back, Esc goes
    /// back (after undoing any typing, as it always does first). True when the key was taken.
    mutating func jumpedStepKey(_ key: Key, question: Question) -> Bool {
        guard state.jumpedFrom != nil else { return false }
        switch key {
        case .enter:
            if question.kind == .text || question.kind == .list, state.field == nil { return false }
            if question.kind == .choice || question.kind == .boolean { select(option: state.optionCursor, of: question) }
            returnFromJump()
        case .escape where state.field == nil:
            returnFromJump()
        case .character("r") where state.field?.isTextEntry != true:
            returnFromJump()
        default:
            return false
        }
        return true
    }

    // MARK: A pinned what-if

    /// `p`: pins the answers as they are as A, or unpins A.
    mutating func togglePin() {
        if state.pinned == nil {
            state.pinned = state.answers
            state.status = StatusMessage(text: "Pinned these answers as A: change an answer and the Ranking tab shows now against A",
                                         isError: false, shorter: "Pinned these answers as A")
        } else {
            state.pinned = nil
            state.status = StatusMessage(text: "Unpinned A", isError: false)
        }
        sessionChanged()
        refreshKeepingPlace()
    }

    /// `w`: the answers now become A and A's answers become the answers now.
    mutating func swapPinned() {
        guard let pinned = state.pinned else {
            state.status = StatusMessage(text: "Nothing pinned to swap with: p pins these answers as A", isError: true)
            return
        }
        state.pinned = state.answers
        state.answers = pinned
        answersChanged()
        refreshKeepingPlace()
        state.status = StatusMessage(text: "Swapped: the answers now are A's, and A holds the answers you had", isError: false,
                                     shorter: "Swapped the answers now with A")
    }

    // MARK: Ruling a stack out

    /// `x` on a stack's row: asks why, to rule it out; on a stack ruled out, takes it back in.
    mutating func toggleExclusion() {
        switch focusedLink {
        case .stack(let stack, ruledOut: true)?:
            state.answers.include(stack)
            answersChanged()
            refreshKeepingPlace(focusOn: stack)
            state.status = StatusMessage(text: "\(engine.shortName(stack)) is back in the ranking", isError: false)
        case .stack(let stack, ruledOut: false)?:
            let ranked = state.results?.advice.ranking.scores.count ?? 0
            guard ranked > 1 else {
                state.status = StatusMessage(text: "\(engine.stackName(stack)) is the only stack left: ruling it out leaves nothing to rank",
                                             isError: true, shorter: "The only stack left cannot be ruled out")
                return
            }
            state.overlay = .excludeReason(stack, TextField("", maxLength: Exclusion.maxReasonLength))
            state.promptError = nil
        default:
            state.status = StatusMessage(text: "Move to a stack's row first (\(glyphsArrows)), then x", isError: true)
        }
    }

    /// The reason prompt: Enter rules the stack out with the reason (none is allowed), Esc leaves it in.
    mutating func excludeReasonKey(_ key: Key, stack: StackID, field: TextField) {
        var field = field
        switch key {
        case .escape:
            state.overlay = nil
            state.promptError = nil
        case .enter:
            let reason = field.text.trimmingSpaces
            if !reason.isEmpty, let problem = Exclusion.reasonProblem(reason) {
                state.promptError = "the reason \(problem.message)"
                return
            }
            state.overlay = nil
            state.promptError = nil
            state.answers.exclude(Exclusion(stack: stack, reason: reason.isEmpty ? nil : reason))
            answersChanged()
            refreshKeepingPlace(focusOn: stack)
            state.status = StatusMessage(text: "Ruled out \(engine.shortName(stack)): x on its row takes it back in", isError: false,
                                         shorter: "Ruled out \(engine.shortName(stack))")
        default:
            guard field.handle(key) != .ignored else { return }
            state.overlay = .excludeReason(stack, field)
            state.promptError = nil
        }
    }
}
