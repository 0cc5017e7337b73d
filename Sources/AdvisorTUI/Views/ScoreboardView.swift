import AdvisorCore

/// The live ranking beside the questions: every stack in rank order with its score bar and
/// monthly cost, floors flagged, and the cheapest complete stack meeting the floors. Recomputed by the engine on
/// every change (`WizardState.ranking`, `.costs`); nothing here calculates.
struct ScoreboardView {
    let state: WizardState
    let charset: Charset

    func render(into grid: inout CellGrid, area: Rect) {
        let inner = Block(title: "Live ranking", charset: charset).render(into: &grid, area: area)
        let whole = inner.inset(left: 1, right: 1)
        guard !whole.isEmpty else { return }
        let missing = state.unansweredRequired
        guard missing.isEmpty else { return waitingForAnswers(missing, into: &grid, area: whole) }
        let glyphs = Glyphs(charset)
        let kb = state.engine.knowledgeBase
        let ranking = state.ranking
        guard !ranking.isWeightless else {
            var page = Document(width: whole.width)
            page.paragraph("All weights are 0: nothing to rank by, so no stack leads. Set a weight above 0 on the Weights step.",
                           style: .warning)
            return page.render(into: &grid, area: whole, scroll: 0)
        }
        // The symbols drawn are said on screen, at the foot of the board, not only in `?`.
        let legend = self.legend(width: whole.width, glyphs: glyphs)
        legend.render(into: &grid, area: Rect(x: whole.x, y: whole.maxY - legend.lines.count, width: whole.width,
                                              height: legend.lines.count), scroll: 0)
        let content = whole.inset(bottom: legend.lines.count)
        // Per-axis fits under each stack when there is room (40-row terminals).
        let showAxes = content.height >= ranking.scores.count * 3 + 7
        var y = content.y
        for score in ranking.scores {
            guard y < content.maxY else { break }
            let short = kb.stack(score.stack)?.short ?? score.stack
            let isWinner = score.rank == 1
            let failing = score.standing == .failed
            let nameStyle: Style = failing ? .bad : (isWinner ? Style.accent : .normal)
            Bar(fraction: score.total, label: "\(score.rank) " + short, labelWidth: 15,
                valueText: Format.score(score.total), style: failing ? .bad : Style(.chart(score.rank - 1)),
                labelStyle: nameStyle, charset: charset)
                .render(into: &grid, area: Rect(x: content.x, y: y, width: content.width, height: 1))
            y += 1
            guard y < content.maxY else { break }
            let detail = detailLine(score, width: content.width, glyphs: glyphs)
            grid.put(spans: detail, x: content.x, y: y, maxWidth: content.width)
            y += 1
            if showAxes, y < content.maxY {
                let fits = score.axes.map { "\(String((kb.axis($0.axis)?.name ?? $0.axis).prefix(1))) \(Format.score($0.fit))" }
                grid.put(spans: Paragraph.fitted([Span("  " + fits.joined(separator: "  "))], width: content.width),
                         x: content.x, y: y, maxWidth: content.width)
                y += 1
            }
        }
        summary(into: &grid, area: Rect(x: content.x, y: y + 1, width: content.width, height: content.maxY - y - 1),
                axisKey: showAxes)
    }

    /// What each symbol the board draws means, for the symbols its lines draw now (a line that has room
    /// says "floor unverified" or "at least" in words and needs no legend).
    private func legend(width: Int, glyphs: Glyphs) -> Document {
        let drawn = state.ranking.scores.map { detailLine($0, width: width, glyphs: glyphs).map(\.text).joined() }
        var entries: [String] = []
        if drawn.contains(where: { $0.hasPrefix("  ? ") && !$0.hasPrefix("  ? floor unverified") }) { entries.append("? floor unverified") }
        if drawn.contains(where: { $0.hasPrefix("  " + glyphs.cross + " ") }) { entries.append(glyphs.cross + " fails a floor") }
        let atLeast = charset == .unicode ? "≥" : ">="
        if drawn.contains(where: { $0.contains(atLeast + " ") }) { entries.append(atLeast + " at least") }
        var page = Document(width: width)
        if !entries.isEmpty { page.paragraph(entries.joined(separator: ", "), style: .hint) }
        return page
    }

    /// No ranking from defaults nobody chose: what is still to answer instead.
    private func waitingForAnswers(_ missing: [Question], into grid: inout CellGrid, area: Rect) {
        var page = Document(width: area.width)
        page.paragraph("Answer the required questions to see a ranking.", style: .warning)
        page.blank()
        let total = state.questionnaire.questions.filter(\.required).count
        page.paragraph("\(total - missing.count) of \(total) required answered. Still to answer:")
        let bullet = Glyphs(charset).bullet
        var byStep: [(step: Int, count: Int)] = []
        for question in missing {
            guard let step = state.location(of: question.id)?.step else { continue }
            if byStep.last?.step == step { byStep[byStep.count - 1].count += 1 } else { byStep.append((step, 1)) }
        }
        for (step, count) in byStep {
            page.paragraph([Span("Step \(step + 1) \(state.steps[step].title): \(count)")], first: Span(bullet + " "))
        }
        page.render(into: &grid, area: area, scroll: 0)
    }

    /// The line under a stack's bar: its floor flag and monthly cost. Tried from the most words to
    /// the fewest, so the figure is shortened ($1.35T) rather than cut.
    private func detailLine(_ score: StackScore, width: Int, glyphs: Glyphs) -> [Span] {
        let kb = state.engine.knowledgeBase
        let axis = score.floorFailures.first.flatMap { kb.axis($0.axis)?.name.split(separator: " ").first }.map { $0.lowercased() + " " }
        var flags: [[Span]] = [[]]
        switch score.standing {
        case .unverified:
            flags = [[Span("? floor unverified  ", style: .warning)], [Span("? floor  ", style: .warning)], [Span("?  ", style: .warning)]]
        case .failed:
            flags = [[Span(glyphs.cross + " \(axis ?? "")floor  ", style: .bad)], [Span(glyphs.cross + " floor  ", style: .bad)],
                     [Span(glyphs.cross + "  ", style: .bad)]]
        case .met, .none:
            break
        }
        let cost = state.costs.cost(score.stack)
        let isCheapest = state.costs.cheapest == score.stack
        let atLeast = charset == .unicode ? "≥ " : ">= "
        // Most words first; then a shorter flag, "≥" for "at least", the short figure, no tag.
        var candidates: [[Span]] = []
        for (flag, lowerBound, short) in [(0, "at least ", false), (1, "at least ", false), (1, atLeast, false),
                                          (1, atLeast, true), (2, atLeast, true)] {
            let flagSpans = flags[min(flag, flags.count - 1)]
            for tag in [" cheapest", ""] where isCheapest || tag.isEmpty {
                candidates.append([Span("  ")] + flagSpans
                                  + costSpans(cost, short: short, lowerBound: lowerBound, cheapestTag: isCheapest ? tag : nil))
            }
        }
        return candidates.first { $0.reduce(0) { $0 + $1.width } <= width } ?? Paragraph.withEllipsis(candidates.last ?? [], width: width)
    }

    private func costSpans(_ cost: StackCost?, short: Bool, lowerBound: String, cheapestTag: String?) -> [Span] {
        // The whole bill, tokens included, as on every surface.
        guard let cost, !cost.isUnpriced else { return [Span(short ? "not priced" : "cost not modelled")] }
        let money = short ? MoneyText.short(cost.total) : Format.money(cost.total)
        if cost.totalIsLowerBound { return [Span("\(lowerBound)\(money)/mo")] }
        guard let cheapestTag else { return [Span("\(money)/mo")] }
        return [Span("\(money)/mo", style: .good), Span(cheapestTag, style: .good)]
    }

    private func summary(into grid: inout CellGrid, area: Rect, axisKey: Bool) {
        guard !area.isEmpty else { return }
        var page = Document(width: area.width)
        if let cheapest = state.costs.cheapest, let cost = state.costs.cost(cheapest) {
            let short = state.engine.knowledgeBase.stack(cheapest)?.short ?? cheapest
            page.paragraph([Span(state.costs.cheapestMeaning.prefix(1).uppercased() + state.costs.cheapestMeaning.dropFirst() + ": "),
                            Span("\(short), \(MoneyText.short(cost.total)) a month", style: .good)])
        } else {
            let meaning = state.costs.cheapestMeaning
            page.paragraph("No stack has a " + (meaning.hasPrefix("cheapest ") ? String(meaning.dropFirst(9)) : meaning) + ".")
        }
        if let book = state.costs.priceBook { page.paragraph("Costs at your prices: " + book.name, style: .hint) }
        let ranking = state.ranking
        // The leader only leaves a floor unverified: the room must see the condition, not just the bar.
        for sentence in state.engine.conditions(ranking) + [state.engine.fallbackSentence(ranking)].compactMap({ $0 }) {
            page.paragraph(sentence.short, style: .warning)
        }
        if ranking.winner.standing != .failed, let runnerUp = ranking.scores.dropFirst().first(where: { $0.standing != .failed }) {
            let short = state.engine.knowledgeBase.stack(runnerUp.stack)?.short ?? runnerUp.stack
            var spans = [Span("Lead \(Format.score(ranking.margin)) over \(short)")]
            if ranking.isClose { spans.append(Span(" (close call)", style: .warning)) }
            page.paragraph(spans)
        }
        for profile in ranking.profiles { page.paragraph("Profile: " + profile.name) }
        if state.rankingIsStale {
            page.paragraph("Typing: the ranking follows when the answer is committed (Enter).", style: .warning)
        }
        if axisKey {
            let names = state.engine.knowledgeBase.axes.map { "\($0.name.prefix(1)) \($0.name.lowercased())" }
            page.blank()
            page.paragraph("Fits: " + names.joined(separator: ", "), style: .hint)
        }
        page.render(into: &grid, area: area, scroll: 0, markOverflow: true)
    }
}
