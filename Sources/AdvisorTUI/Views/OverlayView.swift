import AdvisorCore

/// Boxes drawn over the page: help, the path prompt, and the yes/no questions.
struct OverlayView {
    let state: WizardState
    let charset: Charset

    func render(into grid: inout CellGrid) {
        switch state.overlay {
        case .help: help(into: &grid)
        case .pathPrompt(let kind, let field): pathPrompt(kind, field: field, into: &grid)
        case .confirmReplace(let request):
            confirm("Replace \(request.path)?",
                    "\(request.path) already exists. Replace it with the \(request.kind.noun)? The old file stays as it "
                    + "is unless you say yes.",
                    keys: [.init("y", "replace"), .init("n", "choose another path"), .init("Esc", "cancel")], into: &grid)
        case .confirmQuit:
            confirm("Quit without saving?",
                    "Your answers are not saved to a file. " + (state.recoveryWarned
                        ? "The recovery file could not be written either, so they will be lost."
                        : "They stay in the recovery file, and `runtime-advisor --resume` brings them back."),
                    keys: [.init("s", "save first"), .init("y", "quit"), .init("n", "stay")], into: &grid)
        case .unanswered(let action): unanswered(action, into: &grid)
        case .outline(let cursor): outline(cursor, into: &grid)
        case .search(let field): search(field, into: &grid)
        case .settleValue(let field): settleValue(field, into: &grid)
        case .excludeReason(let stack, let field): excludeReason(stack, field: field, into: &grid)
        case nil: break
        }
    }

    /// Results or export refused: which required questions are still unanswered, by step.
    private func unanswered(_ action: BlockedAction, into grid: inout CellGrid) {
        let missing = state.unansweredRequired
        let what = action == .results ? "The results" : "The decision record"
        let boxWidth = min(72, grid.width - 4)
        var page = Document(width: boxWidth - 4)
        page.paragraph("\(what) would treat the defaults as your answers. Still to answer:")
        let bullet = Glyphs(charset).bullet
        for question in missing {
            let step = state.location(of: question.id).map { "Step \($0.step + 1): " } ?? ""
            page.paragraph([Span(step + question.text)], first: Span("\(bullet) ", style: .warning))
        }
        let title = "\(missing.count) required question\(missing.count == 1 ? "" : "s") unanswered"
        let inner = box(title: title, width: boxWidth, height: page.lines.count + 5, into: &grid)
        page.render(into: &grid, area: inner.inset(top: 1, bottom: 2), scroll: 0)
        KeyHints([.init("Enter", "go to the first"), .init("Esc", "stay here")])
            .render(into: &grid, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }

    /// `g`: the tab's headings; the one under the cursor highlighted, kept in view.
    private func outline(_ cursor: Int, into grid: inout CellGrid) {
        guard let results = state.results else { return }
        let width = ResultsView.layout(width: state.width, height: state.height).content.width
        let headings = ResultsPages.page(state.tab, results: results, state: state, width: width, charset: charset).headings
        let inner = box(title: "Sections of \(state.tab.title)", width: 72, height: min(grid.height - 2, headings.count + 3), into: &grid)
        let rows = inner.height - 1
        let first = max(0, min(cursor - rows / 2, headings.count - rows))
        for (row, index) in (first..<min(headings.count, first + rows)).enumerated() {
            let text = DisplayWidth.truncate(String(headings[index].text.drop { $0 == "#" }).trimmingSpaces, to: inner.width - 2)
            let y = inner.y + row
            if index == cursor { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: .selection) }
            grid.put(text, x: inner.x + 1, y: y, style: index == cursor ? .selection : .normal, maxWidth: inner.width - 1)
        }
        KeyHints([.init("Enter", "go there"), .init(charset == .unicode ? "↑↓" : "j/k", "choose"), .init("Esc", "close")])
            .render(into: &grid, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }

    /// `/`: what to look for on the tab.
    private func search(_ field: TextField, into grid: inout CellGrid) {
        let inner = box(title: "Search the \(state.tab.title) tab", width: 72, height: 7, into: &grid)
        grid.put("Find ", x: inner.x, y: inner.y + 1)
        grid.put(spans: [Span("[")] + FieldBox.spans(field, width: inner.width - 8, showCursor: true) + [Span("]")],
                 x: inner.x + 5, y: inner.y + 1, maxWidth: inner.width - 5)
        if let note = field.note {
            Paragraph(note, style: .warning, maxLines: 1)
                .render(into: &grid, area: Rect(x: inner.x + 5, y: inner.y + 3, width: inner.width - 5, height: 1))
        } else if let results = state.results, !field.text.trimmingSpaces.isEmpty {
            // How many lines match as it is typed, so a search that finds nothing is known before Enter.
            let width = ResultsView.layout(width: state.width, height: state.height).content.width
            let count = ResultsPages.page(state.tab, results: results, state: state, width: width, charset: charset)
                .matches(field.text.trimmingSpaces).count
            grid.put(count == 0 ? "No line matches" : "\(count) line\(count == 1 ? "" : "s") match", x: inner.x + 5, y: inner.y + 3,
                     style: .dim, maxWidth: inner.width - 5)
        }
        KeyHints([.init("Enter", "find; then n next, N previous"), .init("Esc", "cancel")])
            .render(into: &grid, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }

    /// `x` on a stack of the Ranking tab: why the team rules it out (kept with the answers).
    private func excludeReason(_ stack: StackID, field: TextField, into grid: inout CellGrid) {
        let inner = box(title: "Rule out " + state.engine.stackName(stack), width: 72, height: 9, into: &grid)
        grid.put("Why, in a line (procurement, a contract…); saved with the answers", x: inner.x, y: inner.y + 1, style: .dim,
                 maxWidth: inner.width)
        grid.put("Reason ", x: inner.x, y: inner.y + 3)
        grid.put(spans: [Span("[")] + FieldBox.spans(field, width: inner.width - 10, showCursor: true) + [Span("]")],
                 x: inner.x + 7, y: inner.y + 3, maxWidth: inner.width - 7)
        if let error = state.promptError {
            grid.put(Glyphs(charset).cross + " " + error, x: inner.x, y: inner.y + 5, style: .bad, maxWidth: inner.width)
        } else if let note = field.note {
            Paragraph(note, style: .warning, maxLines: 1)
                .render(into: &grid, area: Rect(x: inner.x, y: inner.y + 5, width: inner.width, height: 1))
        }
        KeyHints([.init("Enter", "rule it out"), .init("Esc", "keep it"), .init("Ctrl-U", "clear")])
            .render(into: &grid, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }

    /// `t` in the comparison view: a value for the focused question, typed in the meeting.
    private func settleValue(_ field: TextField, into grid: inout CellGrid) {
        guard let id = state.team?.focusedQuestion, let question = state.questionnaire.question(id) else { return }
        let inner = box(title: "Settle: " + ComparisonView.shortLabel(state.engine.teamLabel(id)), width: 72, height: 9, into: &grid)
        let expected = question.options.isEmpty ? question.expectation : question.options.map(\.value).joined(separator: ", ")
        grid.put("The value agreed in the meeting (\(expected))", x: inner.x, y: inner.y + 1, style: .dim,
                 maxWidth: inner.width)
        grid.put("Value ", x: inner.x, y: inner.y + 3)
        grid.put(spans: [Span("[")] + FieldBox.spans(field, width: inner.width - 9, showCursor: true) + [Span("]")],
                 x: inner.x + 6, y: inner.y + 3, maxWidth: inner.width - 6)
        if let error = state.promptError {
            grid.put(Glyphs(charset).cross + " " + error, x: inner.x, y: inner.y + 5, style: .bad, maxWidth: inner.width)
        }
        KeyHints([.init("Enter", "settle"), .init("Esc", "cancel")])
            .render(into: &grid, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }

    /// A box centred on the screen, cleared, with a border and title; returns the area inside.
    private func box(title: String, width: Int, height: Int, into grid: inout CellGrid) -> Rect {
        let area = grid.area.centered(width: min(width, grid.width - 4), height: min(height, grid.height - 2))
        grid.fill(area, style: .normal)
        return Block(title: title, borderStyle: Style.accent, charset: charset).render(into: &grid, area: area)
            .inset(left: 1, right: 1)
    }

    private func confirm(_ title: String, _ text: String, keys: [KeyHints.Hint], into grid: inout CellGrid) {
        let inner = box(title: title, width: 64, height: 8, into: &grid)
        Paragraph(text).render(into: &grid, area: inner.inset(top: 1, bottom: 2))
        KeyHints(keys).render(into: &grid, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }

    private func pathPrompt(_ kind: WriteKind, field: TextField, into grid: inout CellGrid) {
        let title = kind == .answers ? "Save the answers" : "Export the decision record"
        let inner = box(title: title, width: 96, height: 10, into: &grid)
        let what = kind == .answers ? "Answers file (YAML; `runtime-advisor --answers FILE` reads it back):"
            : "Markdown decision record:"
        grid.put(what, x: inner.x, y: inner.y + 1, style: .dim, maxWidth: inner.width)
        grid.put("Path ", x: inner.x, y: inner.y + 3)
        let fieldWidth = inner.width - 7
        grid.put(spans: [Span("[", style: .dim)] + FieldBox.spans(field, width: fieldWidth, showCursor: true) + [Span("]", style: .dim)],
                 x: inner.x + 5, y: inner.y + 3, maxWidth: inner.width - 5)
        if let error = state.promptError {
            Paragraph(Glyphs(charset).cross + " " + error, style: .bad, maxLines: 2)
                .render(into: &grid, area: Rect(x: inner.x, y: inner.y + 5, width: inner.width, height: 2))
        } else if let note = field.note {
            Paragraph(note, style: .warning, maxLines: 2)
                .render(into: &grid, area: Rect(x: inner.x, y: inner.y + 5, width: inner.width, height: 2))
        } else if DisplayWidth.of(field.text) > fieldWidth - 1 {
            // Too long for the field: the whole path, wrapped, so nothing is written somewhere unseen.
            Paragraph(field.text, style: .dim, maxLines: 2)
                .render(into: &grid, area: Rect(x: inner.x, y: inner.y + 5, width: inner.width, height: 2))
        }
        KeyHints([.init("Enter", kind == .answers ? "save" : "export"), .init("Esc", "cancel"), .init("Ctrl-U", "clear")])
            .render(into: &grid, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }

    static func helpBox(width: Int, height: Int) -> (width: Int, height: Int) { (min(width - 8, 100), height - 4) }

    /// Columns of help text: the box less its border and padding.
    static func helpContentWidth(width: Int) -> Int { helpBox(width: width, height: 0).width - 4 }

    /// Rows of help text shown at once (the last row of the box holds the keys).
    static func helpPageHeight(width: Int, height: Int) -> Int { helpBox(width: width, height: height).height - 3 }

    private func help(into grid: inout CellGrid) {
        let size = Self.helpBox(width: grid.width, height: grid.height)
        let inner = box(title: "Help", width: size.width, height: size.height, into: &grid)
        let page = HelpPage(state: state, charset: charset).document(width: inner.width)
        let area = inner.inset(bottom: 1)
        let scroll = max(0, min(state.helpScroll, page.lines.count - area.height))
        page.render(into: &grid, area: area, scroll: scroll)
        var hints = [KeyHints.Hint("Esc", "close")]
        if page.lines.count > area.height {
            hints.append(.init(charset == .unicode ? "↑↓" : "j/k", "scroll (lines \(scroll + 1)-\(min(page.lines.count, scroll + area.height)) of \(page.lines.count))"))
        }
        KeyHints(hints).render(into: &grid, area: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1))
    }
}

/// What `?` shows: the focused question's help, options and sources, then the keys.
struct HelpPage {
    let state: WizardState
    let charset: Charset

    static let tabHelp: [(ResultsTab, String)] = [
        (.ranking, "each stack's total and its fit on every axis, as bars; stacks below a floor are flagged and ranked last"),
        (.why, "why the winner won, then the scoring trace: every rule that moved a fit, with its sources [n]"),
        (.costs, "monthly cost against the idle share of a session (0 to 95%) for every priced stack; = marks a "
            + "break-even, 'you' the idle share you gave; line items and how each was counted below"),
        (.sensitivity, "where the cheapest stack changes, how far each weight can move before the winner changes, "
            + "and the smallest answer changes that make another stack win"),
        (.risks, "open risks of the recommended stack, the caveats, and every source cited"),
        (.record, "the Markdown decision record that e exports"),
    ]

    func document(width: Int) -> Document {
        var page = Document(width: width)
        let glyphs = Glyphs(charset)
        if let question = state.focusedQuestion {
            page.paragraph(question.text, style: Style.title)
            page.paragraph(question.help)
            for option in question.options {
                page.paragraph([Span(option.label, style: Style.accent)] + (option.help.map { [Span(": " + $0, style: .dim)] } ?? []),
                               first: Span(glyphs.bullet + " "))
            }
            page.paragraph("Answer: \(question.expectation)" + (question.unit.map { " (\($0))" } ?? "")
                           + ". Feeds: \(question.feeds.joined(separator: ", ")).", style: .dim)
            if !question.sources.isEmpty {
                page.line("Sources", style: Style.title)
                for source in question.sources.compactMap(state.engine.knowledgeBase.source) {
                    page.paragraph(source.citation, indent: 2)
                }
            }
            page.blank()
        } else if state.screen == .step {
            page.paragraph(state.currentStep.intro)
        } else if state.screen == .comparison, let team = state.team {
            page.paragraph("Team comparison", style: Style.title)
            page.paragraph("One row for each question the team answered differently, one column for each person, and the answer "
                           + "as it stands now. Settle a row on someone's answer, or on a value agreed in the meeting; the ranking "
                           + "follows. Marks: ! decisive (someone's answer here changes the winner), ~ a split the team must "
                           + "settle (the first tied value stands in), = settled here, — did not answer.")
            page.line("People", style: Style.title)
            for person in team.participants {
                page.paragraph([Span(person.file, style: .dim)], indent: 2, first: Span(person.name + "  ", style: Style.accent))
            }
            page.blank()
        } else if state.screen == .sideBySide {
            page.paragraph("Two stacks side by side", style: Style.title)
            page.paragraph("Where each ranks, each axis's fit and the rules that separate them with their reasons, the floors, "
                           + "both monthly bills line by line, what to confirm, the main risks, and the answer change that would "
                           + "put the other ahead. Every sentence is the engine's, as `runtime-advisor compare` prints it.")
            page.blank()
        } else if state.screen == .results {
            page.line("Tabs", style: Style.title)
            for (tab, text) in Self.tabHelp {
                page.paragraph([Span(text)], indent: 2, first: Span(tab.title.padding(18), style: Style.accent))
            }
            page.blank()
        }
        page.line("Keys", style: Style.title)
        for key in KeyReference.screen(for: state.screen).keys {
            page.paragraph([Span(key.meaning)], indent: 2, first: Span(key.keys.padding(30), style: Style.accent))
        }
        page.paragraph("Answers are kept in a recovery file after every change; `runtime-advisor --resume` restores them.",
                       style: .dim)
        return page
    }
}
