import AdvisorCore

/// The re-check as plain text for a terminal: does the decision hold, what moved, what is newer.
public enum RecheckReport {
    public static func render(_ result: RecheckResult, engine: Engine) -> String {
        let record = result.record
        let advice = result.advice
        func name(_ id: StackID) -> String { engine.knowledgeBase.stack(id)?.name ?? id }
        func short(_ id: StackID) -> String { engine.knowledgeBase.stack(id)?.short ?? id }
        var lines = ["Re-check of \(record.file)"]
        let made = record.date.map { " on \($0)" } ?? ""
        let tool = record.toolVersion.map { " by runtime-advisor \($0)" } ?? ""
        lines.append("  Recorded\(made)\(tool) against the knowledge base as of \(record.knowledgeBaseAsOf).")
        lines.append("  Re-checked on \(advice.today) against the knowledge base as of \(advice.knowledgeBase.asOf) "
                     + "(\(advice.knowledgeBase.name)).")
        if let status = record.status { lines.append("  Status: \(status).") }
        lines.append("")
        let current = advice.ranking.winner
        if result.holds {
            let was = record.scores[current.stack].map { ", was \(Format.score($0))" } ?? ""
            lines.append("The decision holds: \(name(current.stack)) (\(current.stack)) still wins, "
                         + "score \(Format.score(current.total))\(was).")
        } else {
            lines.append("The decision has changed: \(name(current.stack)) (\(current.stack)) now wins with "
                         + "\(Format.score(current.total)); the record chose \(name(result.recordedWinner)) (\(result.recordedWinner))"
                         + (advice.ranking.score(result.recordedWinner).map {
                             ", now ranked \($0.rank) with \(Format.score($0.total))"
                         } ?? ", which is no longer in the knowledge base") + ".")
            lines += moved(result)
            if record.answersMatchDigest == false {
                lines.append("  The answers block was edited after the record was written; check it before superseding.")
            } else {
                lines.append("  The answers did not change: the knowledge base changed. To record the new outcome with the same")
                lines.append("  answers, write a record that supersedes this one:")
                lines.append("    runtime-advisor supersede \(record.file) --adr-dir DIR")
            }
        }
        lines.append("")
        lines.append("Monthly cost per stack, as modelled (US dollars)")
        let width = result.costs.map { short($0.stack).count }.max() ?? 0
        for change in result.costs {
            let label = short(change.stack) + String(repeating: " ", count: width - short(change.stack).count)
            lines.append("  \(label)  " + costLine(change))
        }
        lines.append("")
        lines += prices(result.prices, name: name)
        lines.append("")
        lines += facts(result, name: name)
        lines.append("")
        switch record.answersMatchDigest {
        case .some(true): lines.append("Answers: the block matches the record's answers-sha256.")
        case .some(false): lines.append("WARNING: the answers block does not match the record's answers-sha256; it was edited after the record was written.")
        case .none: lines.append("Answers: the record carries no answers-sha256 to compare with.")
        }
        if advice.isStale {
            lines.append("WARNING: the knowledge base is older than \(advice.knowledgeBase.staleAfterDays) days; prices and facts may have changed.")
        }
        return PrintableText.clean(lines.joined(separator: "\n") + "\n", keepNewlines: true)
    }

    private static func costLine(_ change: RecheckResult.CostChange) -> String {
        func money(_ value: Double?) -> String { value.map(Format.money) ?? "not modelled" }
        let before = change.before.flatMap { $0 }
        switch change.status {
        case .new: return "new in the knowledge base: \(money(change.after))"
        case .gone: return "\(money(before)), no longer in the knowledge base"
        case .unchanged: return "\(money(change.after)), unchanged"
        case .changed: break
        }
        var line = "\(money(before)) -> \(money(change.after))"
        if let old = before, let new = change.after {
            let difference = new - old
            line += "  " + (difference >= 0 ? "+" : "-") + Format.money(abs(difference))
            if old > 0 { line += " (" + (difference >= 0 ? "+" : "-") + Format.percent(abs(difference) / old) + ")" }
        }
        return line
    }

    /// The rules behind a moved winner.
    private static func moved(_ result: RecheckResult) -> [String] {
        var lines: [String] = []
        if !result.decidingRules.isEmpty {
            lines.append("  Rules that moved the winner (without any one of them the recorded choice would still win): "
                         + result.decidingRules.joined(separator: ", ") + ".")
        }
        if !result.rulesAdded.isEmpty {
            lines.append("  Rules that apply now and did not then: " + result.rulesAdded.joined(separator: ", ") + ".")
        }
        if !result.rulesRemoved.isEmpty {
            lines.append("  Rules that applied then and no longer do: " + result.rulesRemoved.joined(separator: ", ") + ".")
        }
        if lines.isEmpty {
            lines.append("  No single rule decides it: the changed prices and facts below moved the totals.")
        }
        return lines
    }

    /// Whose prices the re-check used, and list rates that moved under the record's own rates.
    private static func prices(_ prices: RecheckPrices, name: (StackID) -> String) -> [String] {
        func book(_ name: String, _ asOf: Day?, _ sha256: String?) -> String {
            "\u{201C}\(name)\u{201D}" + (asOf.map { " as of \($0)" } ?? "") + (sha256.map { " (sha256 \($0.prefix(12)))" } ?? "")
        }
        let recorded = prices.recorded.map { book($0.name, $0.asOf, $0.sha256) }
        var lines = ["Prices"]
        switch prices.source {
        case .record:
            let digest = prices.recorded?.matchesDigest == false
                ? "; WARNING: the embedded block does not match price-book-sha256, it was edited after the record was written" : ""
            lines.append("  Re-checked at the record's own prices, the price book \(recorded ?? "embedded in it")\(digest).")
        case .given:
            let used = prices.used.map { book($0.name, $0.asOf, $0.sha256) } ?? "given"
            lines.append("  Re-checked at the prices of \(used), given for this re-check"
                         + (recorded.map { ", in place of the record's \($0)" } ?? "; the record used list prices") + ".")
        case .list:
            lines.append("  Re-checked at list prices; the record used list prices too.")
        }
        for move in prices.listMoves {
            let owner = move.stack.map { " (\(name($0)))" } ?? ""
            let unit = move.unit.map { " per \($0)" } ?? ""
            let now = move.after.map { "list \(Format.unitPrice(move.before)) -> \(Format.unitPrice($0))\(unit)" }
                ?? "list \(Format.unitPrice(move.before)), and the meter is no longer in the knowledge base"
            let yours = move.yours.map { "; your rate \(Format.unitPrice($0)) still applies" } ?? "; no rate of yours applies in this re-check"
            lines.append("  List price moved under your rate: \(move.meter)\(owner) \(now)\(yours).")
        }
        return lines
    }

    private static func facts(_ result: RecheckResult, name: (StackID) -> String) -> [String] {
        let asOf = result.record.knowledgeBaseAsOf
        var lines = ["Facts changed since the record's knowledge base (as of \(asOf))"]
        for id in result.changedFacts {
            lines.append("  \(name(id)): its facts differ from the record's (facts-sha256).")
        }
        for change in result.changedPrices {
            lines.append("  \(name(change.stack)): its prices changed; the same answers now cost " + costLine(change) + " a month.")
        }
        for item in result.newer {
            let owner = item.stack.map { name($0) + ", " } ?? ""
            lines.append("  \(owner)\(item.kind) \(item.id): as of \(item.asOf).")
        }
        if result.changedFacts.isEmpty && result.newer.isEmpty && result.changedPrices.isEmpty {
            lines.append("  None: every stack's facts match the record, and nothing is dated after \(asOf).")
        }
        return lines
    }
}
