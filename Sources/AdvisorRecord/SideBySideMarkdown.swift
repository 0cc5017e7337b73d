import AdvisorCore

/// `compare --format markdown`: the pair as a Markdown section to paste into a review or a record,
/// every sentence the engine's and every piece of text escaped as the decision record escapes it.
public enum SideBySideMarkdown {
    public static func render(_ pair: SideBySide, advice: Advice, engine: Engine) -> String {
        func text(_ raw: String) -> String { MarkdownText.escape(raw) }
        func cited(_ sentence: Sentence) -> String {
            text(sentence.full) + (sentence.sources.isEmpty ? "" : " \\[" + sentence.sources.map(String.init).joined(separator: ", ") + "\\]")
        }
        let names = pair.stacks.map { text(engine.shortName($0)) }
        var lines = ["# \(text(engine.stackName(pair.stacks[0]))) against \(text(engine.stackName(pair.stacks[1])))", "",
                     text(pair.headline.full), "",
                     "| | \(names[0]) | \(names[1]) |", "| --- | --: | --: |"]
        func row(_ label: String, _ values: [String]) { lines.append("| \(text(label)) | " + values.map(text).joined(separator: " | ") + " |") }
        row("Rank", pair.sides.map { SideBySide.ordinal($0.score.rank) })
        row("Total", pair.sides.map { Format.score($0.score.total) })
        for axis in pair.axes {
            row("\(engine.axisName(axis.axis)) (weight \(Format.plain(axis.weight)))", axis.fits.map(Format.score))
        }
        row("Floors", pair.sides.map { engine.floorPhrase($0.score) })
        row("Monthly" + (advice.costs.priceBook == nil ? "" : " at your prices"), pair.sides.map(\.cost.totalText))
        if advice.costs.priceBook != nil, pair.sides.contains(where: \.cost.differsFromList) {
            row("Monthly at list", pair.sides.map(\.cost.listTotalText))
        }
        lines += ["", "## What separates them"]
        for axis in pair.axes {
            let fits = "\(Format.score(axis.fits[0])) against \(Format.score(axis.fits[1]))"
            lines += ["", "### \(text(engine.axisName(axis.axis))): \(fits)", ""]
            if axis.separations.isEmpty { lines.append("No rule separates them.") }
            lines += axis.separations.map { "* " + cited($0.sentence) }
        }
        lines += ["", "## Floors", ""] + pair.standings.map { "* " + cited($0) }
        lines += ["", "## Monthly cost, line by line"]
        for side in pair.sides {
            lines += ["", "### \(text(engine.stackName(side.stack))): \(text(side.cost.totalText))", ""]
            if side.cost.lineItems.isEmpty {
                lines.append("Nothing priced in the knowledge base.")
            } else {
                lines += ["| Meter | Quantity | Unit | Unit price | Cost |", "| --- | --: | --- | --: | --: |"]
                for item in side.cost.lineItems {
                    lines.append("| " + [item.name, Format.quantity(item.quantity), item.unit, Format.unitPrice(item.unitPrice),
                                         Format.money(item.cost)].map(text).joined(separator: " | ") + " |")
                }
            }
            for item in side.cost.notModelled { lines += ["", "Not modelled: " + text(item.name) + "."] }
        }
        lines += ["", cited(pair.costNote)]
        lines += ["", "## What to confirm, and the main risks", ""]
        for side in pair.sides {
            lines += side.toConfirm.map { "* " + cited($0) } + ["* " + cited(side.mainRisk)]
        }
        lines += ["", "## What would put the other ahead", "", cited(pair.flipSentence), ""]
        let meta = advice.knowledgeBase
        lines.append(text("Knowledge base \u{201C}\(meta.name)\u{201D} as of \(meta.asOf); compared on \(advice.today)."))
        return PrintableText.clean(lines.joined(separator: "\n"), keepNewlines: true) + "\n"
    }
}
