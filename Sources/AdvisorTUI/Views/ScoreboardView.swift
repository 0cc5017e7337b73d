import AdvisorCore

/// The live ranking beside the questions: every stack in rank order with its score bar and
/// monthly cost, floors flagged, and the cheapest complete stack meeting the floors. Recomputed by the engine on
/// every change (`WizardState.ranking`, `.costs`); nothing here calculates.
struct ScoreboardView {
    let state: WizardState
    let charset: Charset

    func render(into grid: inout CellGrid, area: Rect) {
        let inner = Block(title: "Live ranking", charset: charset).render(into: &grid, area: area)
        let content = inner.inset(left: 1, right: 1)
        guard !content.isEmpty else { return }
        let missing = state.unansweredRequired
        guard missing.isEmpty else { return waitingForAnswers(missing, into: &grid, area: content) }
        let glyphs = Glyphs(charset)
        let kb = state.engine.knowledgeBase
        let ranking = state.ranking, costs = state.costs
        // Per-axis fits under each stack when there is room (40-row terminals).
        let showAxes = content.height >= ranking.scores.count * 3 + 7
        var y = content.y
        for score in ranking.scores {
            guard y < content.maxY else { break }
            let short = kb.stack(score.stack)?.short ?? score.stack
            let isWinner = score.rank == 1
            let nameStyle: Style = !score.meetsFloors ? .bad : (isWinner ? Style.accent : .normal)
            Bar(fraction: score.total, label: "\(score.rank) " + short, labelWidth: 15,
                valueText: Format.score(score.total), style: score.meetsFloors ? Style(.chart(score.rank - 1)) : .bad,
                labelStyle: nameStyle, charset: charset)
                .render(into: &grid, area: Rect(x: content.x, y: y, width: content.width, height: 1))
            y += 1
            guard y < content.maxY else { break }
            var detail: [Span] = [Span("  ")]
            if score.meetsFloors, !score.floorsVerified {
                detail.append(Span(content.width >= 40 ? "? floor unverified  " : "? floor  ", style: .warning))
            }
            if !score.meetsFloors {
                // Which floor is on the Ranking tab; here the flag has to fit beside the cost.
                let axis = score.floorFailures.first.flatMap { kb.axis($0.axis)?.name.split(separator: " ").first }
                let wide = content.width >= 40
                detail.append(Span(glyphs.cross + (wide ? " \(axis.map { $0.lowercased() + " " } ?? "")floor  " : " floor  "),
                                   style: .bad))
            }
            detail += costSpans(costs.cost(score.stack), isCheapest: costs.cheapest == score.stack)
            grid.put(spans: detail, x: content.x, y: y, maxWidth: content.width)
            y += 1
            if showAxes, y < content.maxY {
                let fits = score.axes.map { "\(String((kb.axis($0.axis)?.name ?? $0.axis).prefix(1))) \(Format.score($0.fit))" }
                grid.put("  " + fits.joined(separator: "  "), x: content.x, y: y, style: .dim, maxWidth: content.width)
                y += 1
            }
        }
        summary(into: &grid, area: Rect(x: content.x, y: y + 1, width: content.width, height: content.maxY - y - 1),
                axisKey: showAxes)
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

    private func costSpans(_ cost: StackCost?, isCheapest: Bool) -> [Span] {
        guard let cost, !cost.lineItems.isEmpty else { return [Span("cost not modelled", style: .dim)] }
        if cost.isLowerBound { return [Span("at least \(Format.money(cost.monthly))/mo", style: .dim)] }
        return [Span("\(Format.money(cost.monthly))/mo", style: isCheapest ? .good : .dim)]
            + (isCheapest ? [Span(" cheapest", style: .good)] : [])
    }

    private func summary(into grid: inout CellGrid, area: Rect, axisKey: Bool) {
        guard !area.isEmpty else { return }
        var page = Document(width: area.width)
        if let cheapest = state.costs.cheapest, let cost = state.costs.cost(cheapest) {
            let short = state.engine.knowledgeBase.stack(cheapest)?.short ?? cheapest
            page.paragraph([Span("Cheapest fully priced: ", style: .dim),
                            Span("\(short), \(Format.money(cost.monthly)) a month", style: .good)])
        } else {
            page.paragraph("No stack is fully priced for these answers.", style: .dim)
        }
        let ranking = state.ranking
        if let runnerUp = ranking.scores.dropFirst().first(where: \.meetsFloors), ranking.winner.meetsFloors {
            let short = state.engine.knowledgeBase.stack(runnerUp.stack)?.short ?? runnerUp.stack
            var spans = [Span("Lead \(Format.score(ranking.margin)) over \(short)", style: .dim)]
            if ranking.isClose { spans.append(Span(" (close call)", style: .warning)) }
            page.paragraph(spans)
        }
        for profile in ranking.profiles { page.paragraph("Profile: " + profile.name, style: .dim) }
        if state.rankingIsStale {
            page.paragraph("Typing: the ranking follows when the answer is committed (Enter).", style: .warning)
        }
        if axisKey {
            let names = state.engine.knowledgeBase.axes.map { "\($0.name.prefix(1)) \($0.name.lowercased())" }
            page.blank()
            page.paragraph("Fits: " + names.joined(separator: ", "), style: .dim)
        }
        page.render(into: &grid, area: area, scroll: 0)
    }
}
