/// `runtime-advisor compare A B --answers FILE`: two stacks side by side in plain text, every sentence
/// the engine's (`SideBySide`). Headings at column 0, everything under them indented, as in the report.
public struct SideBySideText {
    let engine: Engine
    let advice: Advice
    let pair: SideBySide
    private var cited = Set<SourceID>()

    public static func render(_ pair: SideBySide, advice: Advice, engine: Engine, style: TextStyle = .plain) -> String {
        var text = SideBySideText(engine: engine, advice: advice, pair: pair)
        return style.apply(to: PrintableText.joinedLines(text.lines()) + "\n")
    }

    init(engine: Engine, advice: Advice, pair: SideBySide) {
        self.engine = engine
        self.advice = advice
        self.pair = pair
    }

    private var names: [String] { pair.stacks.map(engine.shortName) }

    private mutating func lines() -> [String] {
        var out = TextSummary(engine: engine, advice: advice).header() + [""]
        out.append("\(engine.stackName(pair.stacks[0])) against \(engine.stackName(pair.stacks[1]))")
        out += wrap(pair.headline.full)
        out += [""] + table()
        out += [""] + separations()
        out += [""] + floors()
        out += [""] + costs()
        out += [""] + confirm()
        out += ["", "What would put the other ahead"] + wrap(pair.flipSentence.full)
        let sources = cited.sorted().compactMap(engine.knowledgeBase.source)
        if !sources.isEmpty {
            out += ["", "Sources cited"] + sources.map { "  " + $0.citation }
        }
        return out
    }

    /// Totals, each axis's fit with its weight, floors and the monthly bill, one column per stack.
    private func table() -> [String] {
        var table = TextTable(headers: [""] + names, alignments: [.left, .right, .right])
        table.rows.append(["Rank", SideBySide.ordinal(pair.sides[0].score.rank), SideBySide.ordinal(pair.sides[1].score.rank)])
        table.rows.append(["Total", Format.score(pair.sides[0].score.total), Format.score(pair.sides[1].score.total)])
        for row in pair.axes {
            table.rows.append(["\(engine.axisName(row.axis)) (weight \(Format.plain(row.weight)))",
                               Format.score(row.fits[0]), Format.score(row.fits[1])])
        }
        table.rows.append(["Floors", engine.floorPhrase(pair.sides[0].score), engine.floorPhrase(pair.sides[1].score)])
        table.rows.append(["Monthly" + (advice.costs.priceBook == nil ? "" : " at your prices"),
                           pair.sides[0].cost.totalText, pair.sides[1].cost.totalText])
        if advice.costs.priceBook != nil, pair.sides.contains(where: \.cost.differsFromList) {
            table.rows.append(["Monthly at list", pair.sides[0].cost.listTotalText, pair.sides[1].cost.listTotalText])
        }
        return table.render()
    }

    private mutating func separations() -> [String] {
        var out = ["What separates them, axis by axis (fit \(names[0]) against \(names[1]))"]
        for row in pair.axes {
            let name = engine.axisName(row.axis)
            let fits = "\(Format.score(row.fits[0])) against \(Format.score(row.fits[1]))"
            guard !row.separations.isEmpty else {
                out.append("  \(name): \(fits); no rule separates them.")
                continue
            }
            out.append("  \(name): \(fits)")
            for rule in row.separations {
                out += wrap(rule.sentence.full + cite(rule.sentence.sources), first: "    - ", rest: "      ")
            }
        }
        return out
    }

    private mutating func floors() -> [String] {
        var out = ["Floors"]
        for standing in pair.standings { out += wrap(standing.full + cite(standing.sources)) }
        return out
    }

    private mutating func costs() -> [String] {
        var out = ["Monthly cost, line by line (US dollars, \(Format.plain(advice.costs.workload.monthHours))-hour month)"]
        for side in pair.sides {
            out += TextReport.costLines(side.cost, name: engine.stackName(side.stack)) { cite($0) }
            out.append("")
        }
        if let tokens = advice.costs.tokens {
            out.append("  Tokens, on either stack: \(Format.money(tokens.monthly)) (\(tokens.basis) × \(Format.unitPrice(tokens.usdPerMillion)) per million)")
        }
        return out + wrap(pair.costNote.full)
    }

    private mutating func confirm() -> [String] {
        var out = ["What to confirm, and the main risks"]
        for side in pair.sides {
            for condition in side.toConfirm { out += wrap(condition.full + cite(condition.sources)) }
            out += wrap(side.mainRisk.full + cite(side.mainRisk.sources))
        }
        return out
    }

    private mutating func cite(_ ids: [SourceID]) -> String {
        guard !ids.isEmpty else { return "" }
        cited.formUnion(ids)
        return " [" + ids.map(String.init).joined(separator: ", ") + "]"
    }

    private func wrap(_ text: String, first: String = "  ", rest: String = "    ") -> [String] {
        TextSummary.wrap(text, first: first, rest: rest)
    }
}
