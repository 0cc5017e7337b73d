import AdvisorCore

/// Two stacks side by side (`c` on the Ranking tab), every figure and sentence from the engine's
/// `SideBySide`: the fits, floors and bills in two columns, then what separates them axis by axis,
/// both bills line by line, what to confirm, the main risks and the answer change that flips the pair.
/// Not the team comparison view, which puts people side by side.
struct SideBySideView {
    let state: WizardState
    let charset: Charset

    static func frame(width: Int, height: Int) -> Rect { Rect(x: 0, y: 1, width: width, height: height - 2) }

    static func content(width: Int, height: Int) -> Rect {
        frame(width: width, height: height).inset(by: 1).inset(left: 1, right: 1)
    }

    static func pageHeight(state: WizardState) -> Int { content(width: state.width, height: state.height).height }

    static func lineCount(state: WizardState) -> Int {
        guard let pair = state.pair, let results = state.results else { return 0 }
        return SideBySidePage(pair: pair.sideBySide, advice: results.advice, engine: state.engine, charset: state.context.charset)
            .document(width: content(width: state.width, height: state.height).width).lines.count
    }

    func render(into grid: inout CellGrid) {
        guard let pair = state.pair, let results = state.results else { return }
        let names = pair.sideBySide.stacks.map(state.engine.shortName)
        Chrome.header("\(names[0]) against \(names[1])", state: state, into: &grid) { _, _ in }
        let frame = Self.frame(width: grid.width, height: grid.height)
        Block(title: "Side by side", charset: charset).render(into: &grid, area: frame)
        let content = Self.content(width: grid.width, height: grid.height)
        let page = SideBySidePage(pair: pair.sideBySide, advice: results.advice, engine: state.engine, charset: charset)
            .document(width: content.width)
        let scroll = max(0, min(pair.scroll, page.lines.count - content.height))
        page.render(into: &grid, area: content, scroll: scroll)
        if page.lines.count > content.height {
            let text = " lines \(scroll + 1)-\(min(page.lines.count, scroll + content.height)) of \(page.lines.count) "
            grid.put(text, x: frame.maxX - DisplayWidth.of(text) - 2, y: frame.maxY - 1, style: .dim)
        }
        let arrows = charset == .unicode ? "↑↓" : "j/k"
        Chrome.footer([.init("Esc", "back to the ranking", priority: 0), .init(arrows, "scroll", priority: 1),
                       .init("PgUp/PgDn", "page", priority: 2), .init("Home/End", "top/end", priority: 3),
                       .init("q", "quit", priority: 1), .init("?", "all keys", priority: 0)],
                      state: state, charset: charset, into: &grid)
    }
}

/// The side-by-side text at one width.
struct SideBySidePage {
    let pair: SideBySide
    let advice: Advice
    let engine: Engine
    let charset: Charset

    func document(width: Int) -> Document {
        var page = Document(width: width)
        let glyphs = Glyphs(charset)
        let names = pair.stacks.map(engine.shortName)
        page.paragraph(pair.headline.full, style: Style.title)
        page.blank()
        table(names, into: &page)

        page.heading("What separates them, axis by axis (fit \(names[0]) against \(names[1]))")
        for row in pair.axes {
            let fits = "\(Format.score(row.fits[0])) against \(Format.score(row.fits[1]))"
            page.paragraph([Span(engine.axisName(row.axis), style: .normal.bold),
                            Span(": " + fits + (row.separations.isEmpty ? "; no rule separates them." : ""))])
            for rule in row.separations {
                page.paragraph([Span(rule.sentence.full)] + Span.sources(rule.sentence.sources), indent: 2,
                               first: Span(glyphs.bullet + " "))
            }
        }

        page.heading("Floors")
        for standing in pair.standings {
            page.paragraph([Span(standing.full)] + Span.sources(standing.sources), first: Span(glyphs.bullet + " "))
        }

        page.heading("Monthly cost, line by line")
        page.paragraph(pair.costNote.full, style: Style.accent)
        for side in pair.sides { CostsPage.stackDetail(side.cost, engine: engine, into: &page) }

        page.heading("What to confirm, and the main risks")
        for side in pair.sides {
            for sentence in side.toConfirm + [side.mainRisk] {
                page.paragraph([Span(sentence.full)] + Span.sources(sentence.sources), first: Span(glyphs.bullet + " "))
            }
        }

        page.heading("What would put the other ahead")
        page.paragraph(pair.flipSentence.full)
        return page
    }

    /// Rank, total, each axis's fit with its weight, floors and the monthly bill, a column per stack.
    private func table(_ names: [String], into page: inout Document) {
        var rows: [(String, String, String)] = [
            ("Rank", SideBySide.ordinal(pair.sides[0].score.rank), SideBySide.ordinal(pair.sides[1].score.rank)),
            ("Total", Format.score(pair.sides[0].score.total), Format.score(pair.sides[1].score.total)),
        ]
        for row in pair.axes {
            rows.append(("\(engine.axisName(row.axis)) (weight \(Format.plain(row.weight)))",
                         Format.score(row.fits[0]), Format.score(row.fits[1])))
        }
        rows.append(("Monthly" + (advice.costs.priceBook == nil ? "" : " at your prices"),
                     pair.sides[0].cost.totalText, pair.sides[1].cost.totalText))
        if advice.costs.priceBook != nil, pair.sides.contains(where: \.cost.differsFromList) {
            rows.append(("Monthly at list", pair.sides[0].cost.listTotalText, pair.sides[1].cost.listTotalText))
        }
        let label = max(6, rows.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        let column = max(12, ([names[0], names[1]] + rows.flatMap { [$0.1, $0.2] }).map(DisplayWidth.of).max() ?? 0) + 2
        // The floors in the table only where both fit whole; the Floors section below says them in full.
        let floors = ("Floors", engine.floorPhrase(pair.sides[0].score), engine.floorPhrase(pair.sides[1].score))
        if max(DisplayWidth.of(floors.1), DisplayWidth.of(floors.2)) + 2 <= column { rows.insert(floors, at: 2 + pair.axes.count) }
        page.line([Span("".padding(label)), Span(names[0].leftPadded(column), style: Style.title),
                   Span(names[1].leftPadded(column), style: Style.title)])
        for row in rows {
            page.line([Span(row.0.padding(label)), Span(row.1.leftPadded(column)), Span(row.2.leftPadded(column))])
        }
    }
}
