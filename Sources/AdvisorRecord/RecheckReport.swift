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
        // An edited answers block makes every finding below about other answers: it leads.
        if record.answersMatchDigest == false {
            lines.append("ERROR: the answers block does not match the record's answers-sha256: it was edited after the record")
            lines.append("  was written. The findings below are for the edited answers, so differences may come from the edit,")
            lines.append("  not the knowledge base. Restore the block, or record the new answers with supersede --answers.")
            lines.append("")
        }
        lines += knowledgeBaseLines(result)
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
            lines += moved(result, engine: engine)
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
        lines += scoreLines(result, engine: engine, short: short)
        lines.append("")
        lines += facts(result, name: name)
        lines.append("")
        switch record.answersMatchDigest {
        case .some(true): lines.append("Answers: the block matches the record's answers-sha256.")
        case .some(false): lines.append("Answers: the block was edited (see the error at the top).")
        case .none: lines.append("Answers: the record carries no answers-sha256 to compare with.")
        }
        if advice.isStale {
            lines.append("WARNING: the knowledge base is older than \(advice.knowledgeBase.staleAfterDays) days; prices and facts may have changed.")
        }
        return PrintableText.clean(lines.joined(separator: "\n") + "\n", keepNewlines: true)
    }

    /// Whether the knowledge base is the one the record used, by its digest: an edit that kept `as_of` shows.
    static func knowledgeBaseLines(_ result: RecheckResult) -> [String] {
        let then = result.record.knowledgeBaseAsOf, now = result.advice.knowledgeBase.asOf
        switch result.sameKnowledgeBase {
        case .some(true):
            return ["Knowledge base: the same one the record used (knowledge-base-sha256 matches).", ""]
        case .some(false):
            let dates = then == now ? "although both are as of \(now)" : "as of \(then) then and \(now) now"
            return ["WARNING: the knowledge base differs from the one the record used (knowledge-base-sha256), \(dates).", ""]
        case .none:
            return ["Knowledge base: the record carries no knowledge-base-sha256; only dates and fingerprints are compared.", ""]
        }
    }

    private static func costLine(_ change: RecheckResult.CostChange) -> String {
        let before = change.before.flatMap { $0 }
        func money(_ value: Double?, _ atLeast: Bool) -> String {
            value.map { (atLeast ? "at least " : "") + Format.money($0) } ?? "not modelled"
        }
        switch change.status {
        case .new: return "new in the knowledge base: \(money(change.after, change.afterIsLowerBound))"
        case .gone: return "\(money(before, change.beforeIsLowerBound)), no longer in the knowledge base"
        case .unchanged: return "\(money(change.after, change.afterIsLowerBound)), unchanged"
        case .changed: break
        }
        var line = "\(money(before, change.beforeIsLowerBound)) -> \(money(change.after, change.afterIsLowerBound))"
        if let old = before, let new = change.after {
            let difference = new - old
            line += "  " + (difference >= 0 ? "+" : "-") + Format.money(abs(difference))
            if old > 0 { line += " (" + (difference >= 0 ? "+" : "-") + Format.percent(abs(difference) / old) + ")" }
        }
        return line
    }

    /// The rules behind a moved winner: only rules that changed, applied then and not now, or the
    /// reverse; when none did, the prices and facts moved it.
    private static func moved(_ result: RecheckResult, engine: Engine) -> [String] {
        guard !result.ruleChanges.isEmpty else {
            return ["  No rule changed: the prices and facts below moved the totals (see the score changes by axis)."]
        }
        let items = result.ruleChanges.map { change -> String in
            var text = change.rule + " (" + (change.kind == .changed ? "changed since the record"
                : change.kind == .added ? "applies now and did not then" : "applied then and no longer does")
            if change.deciding { text += "; without it the recorded choice would still win" }
            return text + ")"
        }
        return ["  Rules that changed: " + items.joined(separator: ", ") + "."]
    }

    /// Each stack whose total moved, by axis, the cost term included.
    static func scoreLines(_ result: RecheckResult, engine: Engine, short: (StackID) -> String) -> [String] {
        var lines = ["Score changes by axis (the cost term is part of the billing-unit fit)"]
        guard !result.record.fits.isEmpty else {
            return lines + ["  The record carries no fits per axis to compare with."]
        }
        if result.scoreChanges.isEmpty { return lines + ["  None: every stack scores as recorded."] }
        let width = result.scoreChanges.map { short($0.stack).count }.max() ?? 0
        for change in result.scoreChanges {
            let label = short(change.stack) + String(repeating: " ", count: width - short(change.stack).count)
            let axes = change.axes.map { axis in
                "\(axis.axis == "cost" ? "cost term" : engine.axisName(axis.axis).lowercased()) "
                    + "\(Format.fixed(axis.before, 4)) -> \(Format.fixed(axis.after, 4))"
            }
            lines.append("  \(label)  \(Format.fixed(change.before, 4)) -> \(Format.fixed(change.after, 4))"
                         + (axes.isEmpty ? "" : ": " + axes.joined(separator: "; ")))
        }
        return lines
    }

    private static func facts(_ result: RecheckResult, name: (StackID) -> String) -> [String] {
        let asOf = result.record.knowledgeBaseAsOf
        var lines = ["Facts changed since the record's knowledge base (as of \(asOf))"]
        for id in result.changedFacts {
            lines.append("  \(name(id)): its facts differ from the record's (facts-sha256).")
        }
        for meter in result.meterChanges {
            lines.append("  \(name(meter.stack)): " + meterLine(meter))
        }
        for change in result.changedPrices {
            let because = result.record.rates.isEmpty ? "its prices changed; " : ""
            lines.append("  \(name(change.stack)): \(because)the same answers now cost " + costLine(change) + " a month.")
        }
        for item in result.newer {
            let owner = item.stack.map { name($0) + ", " } ?? ""
            lines.append("  \(owner)\(item.kind) \(item.id): as of \(item.asOf).")
        }
        if result.changedFacts.isEmpty && result.newer.isEmpty && result.changedPrices.isEmpty && result.meterChanges.isEmpty {
            lines.append("  None: every stack's facts match the record, and nothing is dated after \(asOf).")
        }
        return lines
    }

    /// `session-hour rate (anthropic-session) $0.08 -> $0.30 per session-hour`, or a meter new or gone.
    static func meterLine(_ meter: RecheckFindings.MeterChange) -> String {
        let label = "\(meter.name) (\(meter.meter))"
        switch (meter.before, meter.after) {
        case (.some(let old), .some(let new)):
            return "\(label) \(Format.unitPrice(old)) -> \(Format.unitPrice(new)) per \(meter.unit)."
        case (.none, .some(let new)): return "\(label) is new, at \(Format.unitPrice(new)) per \(meter.unit)."
        case (.some(let old), .none): return "\(label) is gone (it was \(Format.unitPrice(old)))."
        case (.none, .none): return label + "."
        }
    }

    /// Why a record is superseded, from re-checking it: what the current knowledge base makes of its
    /// answers, the rates and rules that changed, and whether the answers changed too. One paragraph for
    /// the superseding record's context.
    public static func why(_ result: RecheckResult, answersChanged: Bool, engine: Engine) -> String {
        let advice = result.advice
        var parts = ["Re-checked on \(advice.today) against the knowledge base as of \(advice.knowledgeBase.asOf), "
            + (result.holds ? "its answers still pick \(engine.stackName(result.recordedWinner))"
                : "its answers now pick \(engine.stackName(result.currentWinner)), where it chose \(engine.stackName(result.recordedWinner))")]
        let rates = result.meterChanges.prefix(3).map { meter in
            "\(meter.name) of \(engine.stackName(meter.stack)) " + (meter.before.map(Format.unitPrice) ?? "new")
                + " to " + (meter.after.map(Format.unitPrice) ?? "gone")
        }
        if !rates.isEmpty { parts.append("prices changed (" + rates.joined(separator: "; ") + ")") }
        if !result.ruleChanges.isEmpty { parts.append("rules changed (" + result.ruleChanges.map(\.rule).joined(separator: ", ") + ")") }
        if !result.changedFacts.isEmpty {
            parts.append("facts changed for " + result.changedFacts.map(engine.stackName).joined(separator: ", "))
        }
        if result.sameKnowledgeBase == false, rates.isEmpty, result.ruleChanges.isEmpty, result.changedFacts.isEmpty {
            parts.append("the knowledge base differs from the one it used")
        }
        if result.record.answersMatchDigest == false { parts.append("its answers block had been edited") }
        parts.append(answersChanged ? "and the answers changed" : "and the answers did not change")
        return "Why: " + parts.joined(separator: "; ") + "."
    }
}
