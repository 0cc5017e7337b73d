import AdvisorCore

/// The Costs tab's chart: every priced stack's monthly total against the idle fraction, 0 to 95%,
/// with the break-evens and the answered idle fraction marked. Each stack keeps one symbol and
/// colour, from its place in the knowledge base, in every run and in the legend.
struct CostChartView {
    let chart: CostChartData
    let engine: Engine
    let charset: Charset
    var scale: LineChart.YScale = .fitted

    static func automaticScale(_ chart: CostChartData) -> LineChart.YScale {
        LineChart.automaticScale(chart.series.map { LineChart.Series(name: $0.name, points: $0.points, index: 0) })
    }

    /// The stack's fixed slot: its position among the knowledge base's stacks.
    func slot(_ stack: StackID) -> Int {
        engine.knowledgeBase.stacks.firstIndex { $0.id == stack } ?? 0
    }

    /// Legend entries carry the monthly total at the answered idle fraction: "AgentCore $527.55".
    var lineChart: LineChart {
        let atLeast = charset == .unicode ? "≥" : ">="
        let series = chart.series.map { line in
            LineChart.Series(name: line.name + " " + (line.isLowerBound ? atLeast : "") + MoneyText.short(line.monthly),
                             points: line.points, index: slot(line.stack), shortName: line.name)
        }
        var markers = [LineChart.Marker(x: chart.answeredIdle, label: "you \(Format.percent(chart.answeredIdle))", style: .accent)]
        markers += chart.breakEvens.map { LineChart.Marker(x: $0.idleFraction, label: "= \(Format.percent($0.idleFraction))") }
        var lineChart = LineChart(series: series, markers: markers, xRange: Sensitivity.idleRange, charset: charset)
        lineChart.yScale = scale
        return lineChart
    }

    static func title(_ scale: LineChart.YScale, width: Int) -> String {
        let long = "Monthly runtime cost in US$ (y, \(scale.label)) against the idle fraction of a session (x)"
        return DisplayWidth.of(long) <= width ? long : "Monthly runtime (\(scale.label)) by idle fraction"
    }

    func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        lineChart.render(into: &grid, area: area)
    }
}

/// The Costs tab's text under the chart: the monthly summary, break-evens, then every stack's line
/// items with how each quantity was reached, readings, unpriced items, exposures and assumptions.
struct CostsPage {
    let advice: Advice
    let chart: CostChartData
    let engine: Engine

    func document(width: Int) -> Document {
        var page = Document(width: width)
        let report = advice.costs
        let ordered = advice.ranking.scores.compactMap { report.cost($0.stack) }
        let idle = Format.percent(report.workload.idleFraction)
        if let prices = advice.verdict.prices {
            page.paragraph(prices.full, style: .warning)
        }
        if let ranges = advice.verdict.ranges {
            page.paragraph(ranges.full, style: .warning)
        }
        if chart.breakEvens.isEmpty {
            let cheapest = report.cheapest.map(engine.stackName) ?? "none"
            page.paragraph("No break-even from 0% to 95% idle: the \(report.cheapestMeaning) stays \(cheapest) "
                           + "(you answered \(idle)).", style: .dim)
        }
        for point in chart.breakEvens {
            page.paragraph("Break-even (=) at \(Format.percent(point.idleFraction)) idle: the cheapest changes from "
                           + "\(engine.stackName(point.from)) to \(engine.stackName(point.to)) (you answered \(idle)).")
        }
        if !chart.notCharted.isEmpty {
            page.paragraph("Not on the chart (nothing priced): " + chart.notCharted.map(engine.stackName).joined(separator: ", ") + ".",
                           style: .dim)
        }
        page.blank()
        // The whole bill, tokens included, as on every surface; the runtime part is in the note.
        let money = max(7, ordered.map { DisplayWidth.of($0.totalText) }.max() ?? 0)
        page.line([Span("Stack         ", style: Style.title), Span("Monthly".leftPadded(money) + "  ", style: Style.title),
                   Span("Note", style: Style.title)])
        for cost in ordered {
            let short = engine.knowledgeBase.stack(cost.stack)?.short ?? cost.stack
            var notes: [String] = []
            if let breakdown = cost.breakdownText { notes.append(breakdown) }
            if cost.stack == report.cheapest { notes.append(report.cheapestMeaning) }
            if cost.isLowerBound { notes.append("lower bound: running the agents is not priced") }
            if cost.lineItems.isEmpty { notes.append("nothing priced in the knowledge base") }
            if report.priceBook != nil, cost.differsFromList { notes.append("list \(PriceText.list(cost))") }
            if !cost.isUnpriced, let band = advice.ranges?.band(cost.stack) {
                notes.append("across the ranges " + Format.money(band.low) + " to " + Format.money(band.high))
            }
            // The notes wrap under their own column, so the table never loses a word at the edge.
            let lead = [Span(short.padding(14)),
                        Span(cost.totalText.leftPadded(money) + "  ", style: cost.stack == report.cheapest ? .good : Style.accent)]
            let noteLines = Paragraph(notes.joined(separator: "; ")).lines(width: max(10, width - 16 - money))
            for (index, note) in noteLines.enumerated() {
                page.line((index == 0 ? lead : [Span(String(repeating: " ", count: 16 + money))]) + note)
            }
        }
        for cost in ordered { Self.stackDetail(cost, engine: engine, into: &page) }
        if let tokens = report.tokens {
            page.heading("Tokens, the same on every stack: \(Format.money(tokens.monthly)) a month")
            page.paragraph("\(tokens.basis) × \(Format.unitPrice(tokens.usdPerMillion)) per million", style: .dim, indent: 2)
        }
        page.heading("Assumptions")
        for line in report.assumptions { page.paragraph(line, bullet: "- ") }
        return page
    }

    /// `1,460 vCPU-hour × $0.0895`, or, for a unit that is itself a count, `0 × (1,000 events at $0.25)`,
    /// so a quantity never reads as part of the unit ("0 1,000 events").
    static func quantityTimesPrice(_ item: LineItem) -> String {
        let quantity = Format.quantity(item.quantity), price = Format.unitPrice(item.unitPrice)
        return item.unit.first?.isNumber == true ? "\(quantity) × (\(item.unit) at \(price))" : "\(quantity) \(item.unit) × \(price)"
    }

    /// One stack's bill line by line: this tab and the side-by-side view both show it.
    static func stackDetail(_ cost: StackCost, engine: Engine, into page: inout Document) {
        page.heading("\(engine.stackName(cost.stack)): " + cost.totalText + (cost.breakdownText.map { " (\($0))" } ?? ""))
        for item in cost.lineItems {
            page.paragraph([Span(item.name + "  "),
                            Span(Self.quantityTimesPrice(item) + " = ", style: .dim),
                            Span(Format.money(item.cost), style: Style.accent)], indent: 2)
            page.paragraph([Span(item.basis, style: .dim)] + Span.sources(item.sources), indent: 6)
            if let change = PriceText.change(item) { page.paragraph([Span("Price book: ", style: .warning), Span(change)], indent: 6) }
        }
        for alternate in cost.alternates {
            page.paragraph([Span("Other reading, if \(alternate.reading): ", style: .warning),
                            Span("runtime " + Format.money(alternate.monthly) + ". "),
                            Span(alternate.why, style: .dim)] + Span.sources(alternate.sources), indent: 2)
        }
        for item in cost.notModelled {
            let rate = item.rate.map { " at \(Format.unitPrice($0)) per \(item.unit)" } ?? ""
            page.paragraph([Span("Not modelled: ", style: .warning), Span(item.name + rate + ". "), Span(item.why, style: .dim)]
                           + Span.sources(item.sources), indent: 2)
        }
        for exposure in cost.exposures {
            page.paragraph([Span("Exposure, \(exposure.totalNote): ", style: .warning),
                            Span("\(exposure.name), \(Format.money(exposure.monthly)) a month. "), Span(exposure.why, style: .dim)]
                           + Span.sources(exposure.sources), indent: 2)
        }
    }
}

extension String {
    /// Spaces before the text up to `width` columns, for right-aligned figures; never cut.
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(self))) + self
    }

    /// Cut or padded with spaces to exactly `width` columns.
    func padding(_ width: Int) -> String {
        let cut = DisplayWidth.truncate(self, to: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }
}
