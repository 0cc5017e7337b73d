import AdvisorCore

/// What the tool does, how old its knowledge is, and how to begin (or resume).
struct WelcomeView {
    let state: WizardState
    let charset: Charset

    func render(into grid: inout CellGrid) {
        let kb = state.engine.knowledgeBase
        Chrome.header("Welcome", state: state, into: &grid) { grid, area in
            Paragraph("knowledge base as of \(kb.meta.asOf)", style: .dim, alignment: .right).render(into: &grid, area: area)
        }
        let body = Self.body(width: grid.width, height: grid.height)
        let inner = Block(title: "Where should your AI agents run?", charset: charset).render(into: &grid, area: body)
        let content = inner.inset(left: 1, right: 1)
        let choices = Self.choicesArea(content, count: choiceLabels.count)
        document(width: content.width).render(into: &grid, area: content.inset(bottom: choices.height + 1), scroll: 0)
        let glyphs = Glyphs(charset)
        for (index, label) in choiceLabels.enumerated() {
            let selected = index == state.welcomeChoice
            let row = Rect(x: choices.x, y: choices.y + index, width: choices.width, height: 1)
            if selected { grid.fill(row, style: .selection) }
            grid.put(spans: [Span(selected ? " \(glyphs.pointer) " : "   ", style: selected ? .selection : .accent),
                             // A long review path gives way in the middle: its file name stays.
                             Span("\(index + 1)  " + DisplayWidth.truncateMiddle(label, to: max(1, row.width - 6),
                                                                               ellipsis: glyphs.ellipsis),
                                  style: selected ? .selection : .normal)],
                     x: row.x, y: row.y, maxWidth: row.width)
        }
        Chrome.footer(hints, state: state, charset: charset, into: &grid)
    }

    /// The choices sit at the bottom of the box, one per row.
    static func choicesArea(_ content: Rect, count: Int) -> Rect {
        Rect(x: content.x, y: content.maxY - count - 1, width: content.width, height: count)
    }

    var hints: [KeyHints.Hint] {
        let arrows = charset == .unicode ? "↑↓" : "j/k"
        var hints = [KeyHints.Hint("Enter", state.context.recoveries.isEmpty ? "start" : "choose")]
        if !state.context.recoveries.isEmpty { hints.append(.init(arrows, "choose")) }
        return hints + [.init("r", "results"), .init("?", "all keys"), .init("q", "quit")]
    }

    static func body(width: Int, height: Int) -> Rect { Rect(x: 0, y: 1, width: width, height: height - 2) }

    /// What the tool does and how old its knowledge is. Candidates by full name where there is room.
    func document(width: Int) -> Document {
        let engine = state.engine
        let kb = engine.knowledgeBase
        var page = Document(width: width)
        page.blank()
        let axes = kb.axes.map { $0.name.lowercased() }
        page.paragraph("Scores \(kb.stacks.count) candidate stacks for running AI agents on \(axes.count) axes ("
                       + axes.joined(separator: ", ") + ") against a knowledge base of vendor facts and prices, "
                       + "projects monthly costs as line items, and shows which answer or weight would change the "
                       + "recommendation.")
        page.blank()
        let names = width >= 100 ? engine.stackIDs.map(engine.stackName)
            : engine.stackIDs.map { kb.stack($0)?.short ?? $0 }
        page.paragraph([Span("Candidates: ", style: Style.accent), Span(names.joined(separator: "; ") + ".")])
        page.blank()
        let age = kb.age(on: state.today)
        let ageText = age < 0 ? DayCount.phrase(age, before: "today") : age == 1 ? "1 day old" : "\(age) days old"
        page.paragraph("Knowledge base: \(kb.meta.name), as of \(kb.meta.asOf) (\(ageText)).")
        if let book = engine.priceBook { page.paragraph(PriceText.book(book), style: .warning) }
        if kb.isStale(on: state.today) {
            page.paragraph("Prices are more than \(kb.meta.staleAfterDays) days old: check the vendors' pricing pages "
                           + "before committing.", style: .warning, bullet: "! ")
        }
        page.blank()
        page.paragraph("\(state.steps.count) steps, then the results. A live ranking beside the questions follows "
                       + "every answer; ? explains the question in front of you.", style: .dim)
        if let problem = state.context.recoveryProblem {
            page.blank()
            page.paragraph(problem, style: .warning)
        }
        return page
    }

    var choiceLabels: [String] {
        var labels = [state.context.reviewFile.map { "Review the answers from \($0)" } ?? "Start new answers"]
        for offered in state.context.recoveries {
            let recovery = offered.answers
            let given = state.questionnaire.questions.count - recovery.answers.defaulted.count
            let step = state.steps.indices.contains(recovery.step) ? state.steps[recovery.step].title : "?"
            // One line at 80 columns: when, and where it stopped. These answers were never saved to a file.
            if let savedAt = offered.savedAt {
                labels.append("Resume unsaved answers from \(savedAt), on step \(recovery.step + 1)")
            } else {
                labels.append("Resume unsaved answers (\(given) answered, last on step \(recovery.step + 1): \(step))")
            }
        }
        return labels
    }

    /// The welcome choice drawn on screen row `y`, for mouse clicks.
    static func choice(atY y: Int, state: WizardState) -> Int? {
        let content = body(width: state.width, height: state.height).inset(by: 1).inset(left: 1, right: 1)
        let count = 1 + state.context.recoveries.count
        let area = choicesArea(content, count: count)
        return (area.y..<area.maxY).contains(y) ? y - area.y : nil
    }
}
