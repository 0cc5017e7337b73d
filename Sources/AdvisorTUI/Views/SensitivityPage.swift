import AdvisorCore

/// Sensitivity: where the cheapest stack changes with idle time, the weight range within which the
/// winner holds for each axis, and the smallest answer changes that make another stack win.
struct SensitivityPage {
    let advice: Advice
    let engine: Engine
    let charset: Charset

    func document(width: Int) -> Document {
        var page = Document(width: width)
        let sensitivity = advice.sensitivity
        let winner = engine.stackName(advice.recommendation)
        let idle = Format.percent(advice.costs.workload.idleFraction)
        page.paragraph("Break-even idle fraction", style: Style.title)
        if sensitivity.breakEvens.isEmpty {
            let cheapest = advice.costs.cheapest.map(engine.stackName) ?? "none"
            page.paragraph("None from 0% to 95%: the \(advice.costs.cheapestMeaning) stays \(cheapest) (you answered \(idle)).",
                           indent: 2)
        }
        for point in sensitivity.breakEvens {
            let reading = point.reading.map { " if \($0)" } ?? ""
            page.paragraph("At \(Format.percent(point.idleFraction)) idle\(reading): the cheapest changes from "
                           + "\(engine.stackName(point.from)) to \(engine.stackName(point.to)) (you answered \(idle)).",
                           indent: 2, bullet: "- ")
        }

        page.heading("Weights: \(winner) stays the winner while one weight is in the shaded range")
        let barWidth = max(10, min(40, width - 50))
        for range in sensitivity.weightRanges {
            let high = range.high.map { Format.fixed($0, 2) } ?? "\(Format.plain(range.maximum)) (max)"
            page.line([Span("  " + engine.axisName(range.axis).padding(22))] + rangeBar(range, width: barWidth)
                      + [Span("  \(Format.fixed(range.low, 2)) to \(high)"), Span(", now \(Format.plain(range.current))", style: .dim)])
        }
        page.paragraph("Scale 0 to \(Format.plain(sensitivity.weightRanges.first?.maximum ?? 10)); | marks the weight you gave.",
                       style: .dim, indent: 2)

        page.heading("Answer changes that make another stack win")
        if sensitivity.flips.isEmpty {
            page.paragraph("No change of one or two answers changes the winner.", indent: 2)
        }
        for flip in sensitivity.flips.prefix(8) {
            // The same words as the text report: labels and answers as the questionnaire says them.
            let changes = flip.changes.map { ChangeText.describe($0, questionnaire: engine.questionnaire) }
            let context = changes.joined(separator: " and ") + " makes " + engine.stackName(flip.winner) + " win"
            page.paragraph([Span(changes.joined(separator: " and ")), Span(" makes "),
                            Span(engine.stackName(flip.winner), style: Style.accent), Span(" win")],
                           indent: 2, first: Span("- "), link: flip.changes.first.map { .question($0.question, context: context) })
        }
        return page
    }

    /// 0 to the maximum weight: the range in which the winner holds filled, the current weight `|`.
    private func rangeBar(_ range: WeightRange, width: Int) -> [Span] {
        let maximum = max(range.maximum, 1e-9)
        let high = range.high ?? range.maximum
        let column = { (value: Double) in min(width - 1, max(0, Int((value / maximum * Double(width - 1)).rounded()))) }
        let current = column(range.current)
        let (inside, outside): (String, String) = charset == .unicode ? ("█", "░") : ("#", "-")
        var spans: [Span] = []
        for cell in 0..<width {
            let value = Double(cell) / Double(width - 1) * maximum
            if cell == current {
                spans.append(Span("|", style: Style.accent))
            } else if value >= range.low - 1e-9 && value <= high + 1e-9 {
                spans.append(Span(inside, style: .good))
            } else {
                spans.append(Span(outside, style: .dim))
            }
        }
        return spans
    }
}

/// Risks & sources: the recommended stack's open risks, the caveats, and every source cited.
struct RisksPage {
    let advice: Advice
    let engine: Engine
    let charset: Charset

    func document(width: Int) -> Document {
        var page = Document(width: width)
        let glyphs = Glyphs(charset)
        page.paragraph("Open risks of \(engine.stackName(advice.recommendation))", style: Style.title)
        if advice.risks.isEmpty { page.paragraph("None recorded.", indent: 2) }
        for risk in advice.risks.sorted(by: { $0.severity < $1.severity }) {
            let style: Style = risk.severity == .high ? .bad : (risk.severity == .medium ? .warning : .normal)
            page.paragraph([Span("[\(risk.severity.rawValue)] ", style: style), Span(risk.title + ". ", style: .normal.bold),
                            Span(risk.statement.text)] + Span.sources(risk.statement.sources), first: Span(glyphs.bullet + " "))
            page.paragraph([Span("Check: ", style: .dim), Span(risk.check)], indent: 4)
        }
        page.heading("Caveats")
        for caveat in advice.caveats {
            page.paragraph([Span(caveat.text)] + Span.sources(caveat.sources), first: Span(glyphs.bullet + " "))
        }
        page.heading("Sources cited")
        for source in citedSources().compactMap(engine.knowledgeBase.source) {
            page.paragraph(source.citation, indent: 2)
        }
        return page
    }

    /// Every source the results tabs cite, in number order.
    func citedSources() -> [SourceID] {
        var ids = Set<SourceID>()
        advice.reasons.forEach { ids.formUnion($0.sources) }
        for score in advice.ranking.scores {
            score.axes.forEach { $0.contributions.forEach { ids.formUnion($0.because.sources) } }
            score.floorFailures.forEach { ids.formUnion($0.because.sources) }
        }
        advice.ranking.profiles.forEach { ids.formUnion($0.advice.sources) }
        for cost in advice.costs.stacks {
            cost.lineItems.forEach { ids.formUnion($0.sources) }
            cost.alternates.forEach { ids.formUnion($0.sources) }
            cost.notModelled.forEach { ids.formUnion($0.sources) }
            cost.exposures.forEach { ids.formUnion($0.sources) }
        }
        engine.components(advice.recommendation, answers: advice.answers).forEach { ids.formUnion($0.sources) }
        advice.risks.forEach { ids.formUnion($0.statement.sources) }
        advice.caveats.forEach { ids.formUnion($0.sources) }
        return ids.sorted()
    }
}

/// Record: the Markdown decision record as `e` exports it, line by line.
enum RecordPage {
    static func document(_ record: Result<String, RecordUnavailable>, width: Int) -> Document {
        var page = Document(width: width)
        switch record {
        case .success(let text):
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                page.paragraph(String(line), style: line.hasPrefix("#") ? Style.title : .normal)
            }
        case .failure(let unavailable):
            page.line(unavailable.reason, style: .warning)
            page.blank()
            page.paragraph("The other tabs show the same analysis; s saves the answers, and "
                           + "`runtime-advisor --answers FILE` prints the report.", style: .dim)
        }
        return page
    }
}
