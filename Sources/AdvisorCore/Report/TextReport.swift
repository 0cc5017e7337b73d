/// The headless text report at a level of detail: the one-screen summary, or (`full`) recommendation,
/// ranking, trace, costs, sensitivity, caveats, risks and sources, in that order; `why` and `costs`
/// put the trace or the cost line items after the summary. Pure: the same advice gives the same bytes.
public struct TextReport {
    let engine: Engine
    let advice: Advice
    private var cited = Set<SourceID>()

    public static func render(_ advice: Advice, engine: Engine, detail: ReportDetail = .full,
                              style: TextStyle = .plain) -> String {
        var report = TextReport(engine: engine, advice: advice)
        return style.apply(to: PrintableText.joinedLines(report.lines(detail)) + "\n")
    }

    init(engine: Engine, advice: Advice) {
        self.engine = engine
        self.advice = advice
    }

    private mutating func lines(_ detail: ReportDetail) -> [String] {
        let summary = TextSummary(engine: engine, advice: advice)
        switch detail {
        case .full: return lines()
        case .summary: return summary.lines()
        case .why: return summary.lines(more: false) + [""] + trace() + [""] + sources() + ["", TextSummary.moreLine]
        case .costs: return summary.lines(more: false) + [""] + costs() + [""] + sources() + ["", TextSummary.moreLine]
        }
    }

    private mutating func lines() -> [String] {
        var out = header()
        out += [""] + recommendation()
        out += [""] + ranking()
        out += [""] + trace()
        out += [""] + costs()
        out += [""] + sensitivity()
        out += [""] + caveats()
        out += [""] + risks()
        out += [""] + sources()
        return out
    }

    /// One stack's bill line by line, with how each line was counted, the other readings, what is not
    /// modelled and the exposures: the full report's cost section and `compare` both use it.
    static func costLines(_ cost: StackCost, name: String, cite: ([SourceID]) -> String) -> [String] {
        var lines = ["  \(name): " + cost.totalText + (cost.breakdownText.map { " (\($0))" } ?? "")]
        if !cost.lineItems.isEmpty {
            let book = cost.lineItems.contains { $0.price != nil }
            var items = TextTable(headers: ["Meter", "Quantity", "Unit", "Unit price"] + (book ? ["List price"] : []) + ["Cost"],
                                  alignments: [.left, .right, .left, .right] + (book ? [.right] : []) + [.right])
            for item in cost.lineItems {
                let list = item.price == nil ? "" : item.listUnitPrice.map(Format.unitPrice) ?? "none"
                items.rows.append([item.name, Format.quantity(item.quantity), item.unit, Format.unitPrice(item.unitPrice)]
                                  + (book ? [list] : []) + [Format.money(item.cost)])
            }
            lines += items.render(indent: "    ")
            for item in cost.lineItems {
                let change = PriceText.change(item).map { "; \($0)" } ?? ""
                lines.append("      \(item.name): \(item.basis)\(change)" + cite(item.sources))
            }
        }
        for alternate in cost.alternates {
            lines.append("    Other reading, if \(alternate.reading): runtime \(Format.money(alternate.monthly)). \(alternate.why)"
                         + cite(alternate.sources))
        }
        for item in cost.notModelled {
            let rate = item.rate.map { " at \(Format.unitPrice($0)) per \(item.unit)" } ?? ""
            lines.append("    Not modelled: \(item.name)\(rate). \(item.why)" + cite(item.sources))
        }
        for exposure in cost.exposures {
            lines.append("    Exposure, \(exposure.totalNote): \(exposure.name), \(Format.money(exposure.monthly)) a month. \(exposure.why)"
                         + cite(exposure.sources))
        }
        return lines
    }

    private mutating func cite(_ ids: [SourceID]) -> String {
        guard !ids.isEmpty else { return "" }
        cited.formUnion(ids)
        return " [" + ids.map(String.init).joined(separator: ", ") + "]"
    }

    private func name(_ stack: StackID) -> String { engine.stackName(stack) }

    private func header() -> [String] {
        let meta = advice.knowledgeBase
        var lines = ["runtime-advisor: \(meta.name), knowledge base as of \(meta.asOf) (\(DayCount.phrase(advice.ageInDays, before: advice.today.description)))",
                     "  \u{201C}The scout\u{201D} below is " + engine.knowledgeBase.scoutName + " [\(meta.derivedFrom.id)]."]
        if advice.isStale {
            lines.append("WARNING: the knowledge base is older than \(meta.staleAfterDays) days; prices and facts may have changed.")
        }
        if let prices = PriceText.summary(advice.costs, order: advice.ranking.scores.map(\.stack), name: name) { lines.append(prices) }
        return lines
    }

    private mutating func recommendation() -> [String] {
        let verdict = advice.verdict
        var lines = [verdict.headline.full, "  " + verdict.standing.full + cite(verdict.standing.sources)]
        for sentence in verdict.conditions + [verdict.fallback, verdict.tie].compactMap({ $0 }) {
            lines.append("  " + sentence.full + cite(sentence.sources))
        }
        if let ranges = verdict.ranges { lines.append("  " + ranges.full) }
        if let excluded = verdict.exclusions { lines.append("  " + excluded.full) }
        for reason in verdict.reasons { lines.append("  - " + reason.full + cite(reason.sources)) }
        let components = engine.components(advice.recommendation, answers: advice.answers)
        if !components.isEmpty { lines.append("  Components: " + components.map(\.name).joined(separator: "; ")) }
        for profile in advice.ranking.profiles {
            lines.append("  Profile: \(profile.name). \(profile.advice.text)" + cite(profile.advice.sources))
        }
        return lines
    }

    private func ranking() -> [String] {
        let axes = engine.axisIDs
        let weights = advice.ranking.winner.axes.map { "\($0.axis) \(Format.plain($0.weight))" }.joined(separator: ", ")
        var table = TextTable(headers: ["#", "Stack", "Total"] + axes.map { $0.prefix(1).uppercased() + $0.dropFirst() }
                                  + ["Cost", "Floors"],
                              alignments: [.right, .left, .right] + axes.map { _ in .right } + [.right, .left])
        for score in advice.ranking.scores {
            table.rows.append([String(score.rank), engine.knowledgeBase.stack(score.stack)?.short ?? score.stack,
                               Format.score(score.total)] + score.axes.map { Format.score($0.fit) }
                              + [Format.delta(abs(score.costEffect) < 0.005 ? 0 : score.costEffect), engine.floorPhrase(score)])
        }
        var lines = ["Ranking (weights: \(weights); total = Σ weight × fit / Σ weight)"] + table.render()
        lines.append("  " + advice.verdict.costNote.full + " The Cost column is how much that moved each total.")
        return lines
    }

    private mutating func trace() -> [String] {
        var lines = ["Why: the scoring trace (every fit starts at its axis's neutral value; rules move it)"]
        for score in advice.ranking.scores {
            lines.append("  \(name(score.stack))")
            for axis in score.axes {
                lines.append("    \(engine.axisName(axis.axis)): \(Format.score(axis.fit))" + (axis.clamped ? " (held within 0 to 1)" : ""))
                lines.append("      \(Format.score(axis.neutral)) neutral")
                for contribution in axis.contributions {
                    lines.append("      \(Format.delta(contribution.delta)) \(contribution.because.text)"
                                 + cite(contribution.because.sources))
                }
            }
            for floor in score.floors where floor.status != .met {
                let state = floor.status == .failed ? "not met" : "unverified"
                lines.append("    \(engine.axisName(floor.axis)) floor \(state): \(floor.reason)" + cite(floor.because.sources))
            }
        }
        return lines
    }

    private mutating func costs() -> [String] {
        let report = advice.costs
        var lines = ["Monthly cost in US dollars (\(Format.plain(report.workload.monthHours))-hour month)"]
        let ordered = advice.ranking.scores.compactMap { report.cost($0.stack) }
        let bands = advice.ranges
        // The whole bill in Monthly, the runtime beside it when tokens count, and with a price book the
        // list price where it differs.
        let tokens = report.tokens != nil
        let book = report.priceBook != nil
        var summary = TextTable(headers: ["Stack", "Monthly"] + (tokens ? ["Runtime"] : []) + (book ? ["List"] : [])
                                    + (bands == nil ? [] : ["Across the ranges"]) + ["Note"],
                                alignments: [.left, .right] + (tokens ? [.right] : []) + (book ? [.right] : [])
                                    + (bands == nil ? [] : [.right]) + [.left])
        for cost in ordered {
            var notes: [String] = []
            if cost.stack == report.cheapest { notes.append(report.cheapestMeaning) }
            if cost.isLowerBound { notes.append("lower bound: execution not priced") }
            if cost.lineItems.isEmpty { notes.append("nothing priced in the knowledge base") }
            if let share = cost.runtimeShare { notes.append("runtime \(Format.percent(share)) of runtime + tokens") }
            let band = bands?.band(cost.stack).map { cost.lineItems.isEmpty ? "—" : Format.money($0.low) + " to " + Format.money($0.high) }
            summary.rows.append([engine.shortName(cost.stack), cost.totalText] + (tokens ? [cost.runtimeText] : [])
                                + (book ? [cost.differsFromList ? cost.listTotalText : ""] : [])
                                + (band.map { [$0] } ?? []) + [notes.joined(separator: "; ")])
        }
        lines += summary.render()
        for cost in ordered {
            lines.append("")
            lines += Self.costLines(cost, name: name(cost.stack)) { cite($0) }
        }
        if let tokens = report.tokens {
            lines.append("")
            lines.append("  Tokens, on every stack: \(Format.money(tokens.monthly)) (\(tokens.basis) × \(Format.unitPrice(tokens.usdPerMillion)) per million)")
        }
        lines.append("")
        lines.append("  Assumptions")
        lines += report.assumptions.map { "  - " + $0 }
        return lines
    }

    private func sensitivity() -> [String] {
        let sensitivity = advice.sensitivity
        var lines = ["Sensitivity"]
        let idle = Format.percent(advice.costs.workload.idleFraction)
        if sensitivity.breakEvens.isEmpty {
            let cheapest = advice.costs.cheapest.map(name) ?? "none"
            lines.append("  Break-even idle fraction: none from 0% to 95%; the \(advice.costs.cheapestMeaning) stays \(cheapest) (you answered \(idle)).")
        } else {
            for point in sensitivity.breakEvens {
                let reading = point.reading.map { " if \($0)" } ?? ""
                lines.append("  Break-even at \(Format.percent(point.idleFraction)) idle\(reading): cheapest changes from \(name(point.from)) to \(name(point.to)) (you answered \(idle)).")
            }
        }
        let winner = name(advice.recommendation)
        for range in sensitivity.weightRanges {
            let high = range.high.map { Format.fixed($0, 2) } ?? "\(Format.plain(range.maximum)) (the maximum)"
            lines.append("  Weight of \(engine.axisName(range.axis).lowercased()): \(winner) stays the winner from \(Format.fixed(range.low, 2)) to \(high) (now \(Format.plain(range.current))).")
        }
        if let nearest = sensitivity.flips.first {
            lines.append("  Smallest answer change that changes the winner: " + describe(nearest) + ".")
            for flip in sensitivity.flips.dropFirst().prefix(5) { lines.append("    also: " + describe(flip)) }
        } else {
            lines.append("  No change of one or two answers changes the winner.")
        }
        return lines
    }

    private func describe(_ flip: WinnerFlip) -> String { ChangeText.describe(flip, engine: engine) }

    private mutating func caveats() -> [String] {
        ["Caveats"] + advice.caveats.map { "  - [\($0.severity.rawValue)] " + $0.text + cite($0.sources) }
    }

    private mutating func risks() -> [String] {
        var lines = ["Open risks of \(name(advice.recommendation))"]
        if advice.risks.isEmpty { lines.append("  None recorded.") }
        for risk in advice.risks {
            lines.append("  - [\(risk.severity.rawValue)] \(risk.title). \(risk.statement.text)" + cite(risk.statement.sources))
            lines.append("    Check: \(risk.check)")
        }
        return lines
    }

    private func sources() -> [String] {
        ["Sources"] + cited.sorted().compactMap { engine.knowledgeBase.source($0) }.map { "  " + $0.citation }
    }
}
