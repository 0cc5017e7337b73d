/// The one-screen text report (`--detail summary`): at most 24 lines of at most 80 columns, and nothing
/// cut. Every sentence is the engine's (the advice's verdict); the summary only chooses, for each, its
/// full form (wrapped) or its short form (one line), and leaves out what does not fit, saying so.
struct TextSummary {
    static let width = 80
    static let height = 24
    static let moreLine = "More: --detail why (scoring), costs (line items) or full; --format json|markdown"

    let engine: Engine
    let advice: Advice

    /// One sentence on the screen: its lines in the full form and in the short form.
    struct Block {
        var full: [String]
        var short: [String]
        var useFull = false
        var shown = true
        var lines: [String] { shown ? (useFull ? full : short) : [] }

        init(_ sentence: Sentence, first: String = "", rest: String = "  ") {
            full = TextSummary.wrap(sentence.full, first: first, rest: rest)
            short = TextSummary.wrap(sentence.short, first: first, rest: rest)
        }

        init(lines: [String]) {
            full = lines
            short = lines
        }
    }

    /// What the screen is made of, in order: fixed lines, a sentence, a blank line that may go when the
    /// screen is full, or the count of reasons left out.
    private enum Part {
        case fixed([String])
        case sentence(Int)
        case blank(Int)
        case leftOut
    }

    /// The summary; `more: false` leaves out its last line, so longer levels can put sections after it.
    func lines(more: Bool = true) -> [String] {
        let verdict = advice.verdict
        var blocks: [Block] = []
        func add(_ sentence: Sentence?, first: String = "", rest: String = "  ") -> [Part] {
            guard let sentence else { return [] }
            blocks.append(Block(sentence, first: first, rest: rest))
            return [.sentence(blocks.count - 1)]
        }
        var blanks = [true, true]
        let headline = add(verdict.headline)
        let conditions = verdict.conditions.flatMap { add($0, first: "  ", rest: "    ") }
        let fallback = add(verdict.fallback, first: "  ", rest: "    ") + add(verdict.tie, first: "  ", rest: "    ")
        let ranges = add(verdict.ranges, first: "  ", rest: "    ")
        let reasons = verdict.reasons.flatMap { add($0, first: "  - ", rest: "    ") }
        let readings = add(verdict.otherReadings, first: "  ", rest: "    ")
        let prices = add(verdict.prices, first: "  ", rest: "    ")
        let excluded = add(verdict.exclusions, first: "  ", rest: "    ")
        let nearest = add(verdict.nearestChange)
        let caveat = add(verdict.mainCaveat)
        let risk = add(verdict.mainRisk)
        var leftOut: [String] = []
        let parts: [Part] = [.fixed(header() + [""])] + headline + conditions + fallback + ranges + reasons
            + [.leftOut, .fixed([""] + ranking())] + excluded + prices + readings + [.blank(0)] + nearest + [.blank(1)] + caveat + risk
        func assemble() -> [String] {
            parts.flatMap { part -> [String] in
                switch part {
                case .fixed(let lines): return lines
                case .sentence(let index): return blocks[index].lines
                case .blank(let index): return blanks[index] ? [""] : []
                case .leftOut: return leftOut
                }
            } + (more ? ["", Self.moreLine] : [])
        }
        // The last two lines are counted even when left out, so every level shows the same summary.
        func spare() -> Int { Self.height - (more ? 0 : 2) - assemble().count }
        func index(_ part: Part) -> Int? {
            if case .sentence(let index) = part { return index }
            return nil
        }
        let allReasons = reasons.compactMap(index)
        // A reason is never shown without its explanation: each is whole or counted as left out.
        for index in allReasons { blocks[index].shown = false }
        func countLeftOut() {
            let hidden = allReasons.filter { !blocks[$0].shown }.count
            let word = hidden == allReasons.count ? "reason" : "more reason"
            leftOut = hidden == 0 ? [] : ["  - \(hidden == allReasons.count ? "" : "and ")\(hidden) \(word)\(hidden == 1 ? "" : "s"): --detail why"]
        }
        countLeftOut()
        // Room is made by giving up, in this order, the two blank lines, the other readings and the range
        // line (each a pointer away under --detail); what is given up comes back at the end if room is left.
        let optional = (readings + ranges).compactMap(index)
        func makeRoom() {
            for blank in blanks.indices where spare() < 0 && blanks[blank] { blanks[blank] = false }
            for index in optional where spare() < 0 && blocks[index].shown { blocks[index].shown = false }
        }
        makeRoom()
        // What a reader must not miss takes its full form: what to confirm, the first reason (whole),
        // then the headline, the fallback or tie, the main caveat and risk (each already there in short).
        let mustRead = conditions.compactMap(index) + allReasons.prefix(1)
            + (headline + fallback + excluded + prices + caveat + risk).compactMap(index)
        for index in mustRead {
            let wasShown = blocks[index].shown
            blocks[index].shown = true
            blocks[index].useFull = true
            countLeftOut()
            makeRoom()
            if spare() < 0 {
                blocks[index].useFull = false
                blocks[index].shown = wasShown
                countLeftOut()
            }
        }
        for index in allReasons.dropFirst() where spare() >= 1 {
            blocks[index].shown = true
            blocks[index].useFull = true
            countLeftOut()
            if spare() < 0 {
                blocks[index].shown = false
                countLeftOut()
            }
        }
        for index in optional where !blocks[index].shown && spare() > 0 { blocks[index].shown = true }
        for index in (nearest + ranges + readings).compactMap(index) where blocks[index].shown {
            blocks[index].useFull = true
            if spare() < 0 { blocks[index].useFull = false }
        }
        for blank in blanks.indices where !blanks[blank] && spare() > 0 { blanks[blank] = true }
        return assemble()
    }

    func header() -> [String] {
        let meta = advice.knowledgeBase
        // The same words as the full report's first line, so either reads right on both sides of the date.
        let age = "knowledge base as of \(meta.asOf) (\(DayCount.phrase(advice.ageInDays, before: advice.today.description)))"
        return advice.isStale ? ["WARNING: \(age): stale."] : ["runtime-advisor: \(age)."]
    }

    /// Rank, stack, total, floor standing and the whole monthly bill (with the runtime beside it when
    /// tokens are priced), in the first layout that fits 80 columns.
    private func ranking() -> [String] {
        let costs = advice.costs
        let withRuntime = costs.tokens != nil
        func table(atLeast: String, runtime: Bool) -> [String] {
            var table = TextTable(headers: ["#", "Stack", "Total", "Floors", "Monthly"] + (runtime ? ["Runtime"] : []),
                                  alignments: [.right, .left, .right, .left, .right] + (runtime ? [.right] : []))
            for score in advice.ranking.scores {
                let cost = costs.cost(score.stack)
                let monthly = (cost?.totalText ?? "not modelled").replacingOccurrences(of: "at least ", with: atLeast)
                let runtimeCell = cost.map { $0.lineItems.isEmpty ? "not modelled" : Format.money($0.monthly) } ?? ""
                table.rows.append([String(score.rank), engine.shortName(score.stack), Format.score(score.total),
                                   score.standing.word, monthly] + (runtime ? [runtimeCell] : []))
            }
            return table.render()
        }
        let layouts = [table(atLeast: "at least ", runtime: withRuntime), table(atLeast: ">= ", runtime: withRuntime),
                       table(atLeast: ">= ", runtime: false)]
        return layouts.first { $0.allSatisfy { TextTable.width($0) <= Self.width } } ?? layouts[layouts.count - 1]
    }

    /// Words onto lines of at most `width` columns, never cut: a word longer than a line has a line of its own.
    static func wrap(_ text: String, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var current = first
        var atLineStart = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = atLineStart ? current + word : current + " " + word
            if TextTable.width(candidate) <= width || atLineStart {
                current = candidate
                atLineStart = false
                continue
            }
            lines.append(current)
            current = rest + word
        }
        lines.append(current)
        return lines
    }
}
