/// The one-screen text report (`--detail summary`): at most 24 lines of at most 80 columns. Lines that
/// would not fit are shortened with "…"; everything cut is in `--detail full`.
struct TextSummary {
    static let width = 80
    static let height = 24
    static let moreLine = "More: --detail why (scoring), costs (line items) or full; --format json|markdown"

    let engine: Engine
    let advice: Advice

    private func name(_ stack: StackID) -> String { engine.stackName(stack) }
    private func short(_ stack: StackID) -> String { engine.knowledgeBase.stack(stack)?.short ?? stack }

    /// A paragraph that may take more than one line when the screen has room for it.
    struct Paragraph {
        var text: String
        var first: String
        var rest: String
        var needed: Int { TextSummary.wrap(text, first: first, rest: rest, maxLines: .max).count }
    }

    /// The summary; `more: false` leaves out its last line, so longer levels can put sections after it.
    func lines(more: Bool = true) -> [String] {
        let reasons = advice.reasons.prefix(3).map { Paragraph(text: shortNames($0.text), first: "  - ", rest: "    ") }
        let caveat = Paragraph(text: caveatLine(), first: "", rest: "  ")
        let risk = Paragraph(text: riskLine(), first: "", rest: "  ")
        let conditions = conditions()
        let paragraphs = reasons + [caveat, risk] + conditions
        let conditionIndices = Array(paragraphs.indices.suffix(conditions.count))
        // Every paragraph gets a line; lines the screen has left go to what must be confirmed (up to
        // three lines), the reasons (a second line each), the caveat and the risk, then the reasons' third.
        // The last two lines are counted even when left out, so every level shows the same summary.
        let fixed = header() + recommendation() + ranking() + nearestChange() + ["", "", "", "", "", Self.moreLine]
        var spare = Self.height - fixed.count - paragraphs.count
        var allotted = Array(repeating: 1, count: paragraphs.count)
        for (round, limit) in [(conditionIndices, 3), (Array(reasons.indices), 2), ([reasons.count, reasons.count + 1], 2),
                               (Array(reasons.indices), 3)] {
            for index in round where spare > 0 && allotted[index] < min(limit, paragraphs[index].needed) {
                allotted[index] += 1
                spare -= 1
            }
        }
        func render(_ index: Int) -> [String] {
            Self.wrap(paragraphs[index].text, first: paragraphs[index].first, rest: paragraphs[index].rest, maxLines: allotted[index])
        }
        var lines = header() + [""] + recommendation() + conditionIndices.flatMap(render) + reasons.indices.flatMap(render)
        lines += [""] + ranking() + [""] + nearestChange() + [""] + render(reasons.count) + render(reasons.count + 1)
        if more { lines += ["", Self.moreLine] }
        return lines.map(Self.fit)
    }

    /// Stack names in their short form ("Cloudflare", not "Cloudflare Sandboxes + MCP reference
    /// architecture"), so a reason's why fits on the screen.
    private func shortNames(_ text: String) -> String {
        engine.knowledgeBase.stacks.reduce(text) { $0.replacingOccurrences(of: $1.name, with: $1.short) }
    }

    private func header() -> [String] {
        let meta = advice.knowledgeBase
        // The same words as the full report's first line, so either reads right on both sides of the date.
        let age = "knowledge base as of \(meta.asOf) (\(DayCount.phrase(advice.ageInDays, before: advice.today.description)))"
        return advice.isStale ? ["WARNING: \(age): stale."] : ["runtime-advisor: \(age)."]
    }

    private func recommendation() -> [String] {
        let winner = advice.ranking.winner
        var line = (advice.condition.isEmpty ? "Recommendation" : "Conditional recommendation")
            + ": \(name(winner.stack)), score \(Format.score(winner.total))"
        if advice.ranking.isClose { line += " (close call)" }
        var lines = [line]
        if !winner.meetsFloors { lines.append("  No stack meets every floor; this is the best of those that do not.") }
        if !advice.condition.isEmpty {
            lines.append("  Fallback: " + (advice.fallback.map { "\(name($0)), the best stack that meets every floor" }
                                           ?? "none; no stack meets every floor outright"))
        }
        if !advice.tiedWith.isEmpty {
            lines.append("  Tied with: " + advice.tiedWith.map(name).joined(separator: ", ") + "; the team must choose.")
        }
        return lines
    }

    /// What must be confirmed before a conditional recommendation holds, one paragraph each.
    /// What to confirm, and whether the answer holds across ranged workload numbers (with the winner's band).
    private func conditions() -> [Paragraph] {
        var paragraphs = advice.condition.map { Paragraph(text: "Before accepting: " + $0, first: "  ", rest: "    ") }
        if let bands = advice.ranges {
            let band = bands.band(advice.recommendation).map { " \(short(advice.recommendation)): "
                + Format.money($0.low) + " to " + Format.money($0.high) + "/mo." } ?? ""
            paragraphs.append(Paragraph(text: TextReport.rangeSentence(bands, engine: engine) + band, first: "  ", rest: "    "))
        }
        return paragraphs
    }

    private func ranking() -> [String] {
        let costs = advice.costs
        var table = TextTable(headers: ["#", "Stack", "Total", "Floors", "Monthly", "Other reading"],
                              alignments: [.right, .left, .right, .left, .right, .right])
        for score in advice.ranking.scores {
            let cost = costs.cost(score.stack)
            let readings = (cost?.alternates ?? []).map { Format.money($0.monthly) }.joined(separator: ", ")
            table.rows.append([String(score.rank), short(score.stack), Format.score(score.total), Self.floorWord(score),
                               monthly(cost), readings])
        }
        return table.render()
    }

    /// A floor state in one word; `--detail full` names the floors.
    static func floorWord(_ score: StackScore) -> String {
        switch score.floorStatus {
        case nil: "none apply"
        case .met: "met"
        case .unverified: "unverified"
        case .failed: "FAILS"
        }
    }

    /// "$1,234.56", "at least $1,234.56" when execution is not priced, or "not modelled".
    private func monthly(_ cost: StackCost?) -> String {
        guard let cost, !cost.lineItems.isEmpty else { return "not modelled" }
        return (cost.isLowerBound ? "at least " : "") + Format.money(cost.monthly)
    }

    private func nearestChange() -> [String] {
        guard let flip = advice.sensitivity.flips.first else {
            return ["Nearest change: none; no change of one or two answers changes the winner."]
        }
        let text = "Nearest change that flips the winner: " + ChangeText.describe(flip, engine: engine) + "."
        return Self.wrap(text, first: "", rest: "  ", maxLines: 2)
    }

    private func caveatLine() -> String {
        let caveats = advice.caveats
        guard let first = caveats.min(by: { Self.importance($0.kind) < Self.importance($1.kind) }) else { return "Caveats: none." }
        return "Caveats: \(caveats.count); the main one: " + shortNames(CaveatText.text(first, advice: advice, engine: engine))
    }

    private func riskLine() -> String {
        let owner = short(advice.recommendation)
        guard let risk = advice.risks.first else { return "Open risks of \(owner): none recorded." }
        return "Open risks of \(owner): \(advice.risks.count); the first: [\(risk.severity.rawValue)] \(risk.title)."
    }

    /// Which caveat leads: what can change the decision before what only qualifies it. The stale
    /// knowledge base, the condition, the tie and the risks come last: the lines above and below already say so.
    static func importance(_ kind: Caveat.Kind) -> Int {
        let order: [Caveat.Kind] = [.floor, .closeCall, .lowerBound, .contested, .release, .lifetime, .defaults,
                                    .exposure, .reading, .tokens, .staleKnowledge, .condition, .tie, .risk]
        return order.firstIndex(of: kind) ?? order.count
    }

    /// Words onto lines of at most `width` columns; the last allowed line ends in "…" when text is left.
    static func wrap(_ text: String, first: String, rest: String, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = first
        var atLineStart = true
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        for (index, word) in words.enumerated() {
            let candidate = atLineStart ? current + word : current + " " + word
            if TextTable.width(candidate) <= width || atLineStart {
                current = candidate
                atLineStart = false
                continue
            }
            if lines.count + 1 == maxLines {
                lines.append(fit(current + " " + words[index...].joined(separator: " ")))
                return lines
            }
            lines.append(current)
            current = rest + word
        }
        lines.append(fit(current))
        return lines
    }

    /// A line shortened to `width` columns, ending in "…" when something was cut.
    static func fit(_ line: String) -> String {
        guard TextTable.width(line) > width else { return line }
        var kept = ""
        for character in line {
            if TextTable.width(kept + String(character)) > width - 1 { break }
            kept.append(character)
        }
        return kept.trimmingTrailingSpaces() + "…"
    }
}
