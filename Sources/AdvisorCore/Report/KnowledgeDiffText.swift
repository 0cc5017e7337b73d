/// `kb diff` for people (text) and scripts (JSON): the same findings, from `KnowledgeDiff`.
public enum KnowledgeDiffText {
    /// One side of the comparison: what the user named (`builtin` or a folder) and the base it holds.
    public struct Side: Sendable {
        public var label: String
        public var knowledgeBase: KnowledgeBase

        public init(label: String, knowledgeBase: KnowledgeBase) {
            self.label = label
            self.knowledgeBase = knowledgeBase
        }
    }

    /// The recommendation for one answers file under each knowledge base.
    public struct Outcome: Sendable {
        public var answers: String
        public var old: StackID
        public var new: StackID
        public var oldName: String
        public var newName: String

        public init(answers: String, old: Advice, new: Advice, oldEngine: Engine, newEngine: Engine) {
            self.answers = answers
            self.old = old.recommendation
            self.new = new.recommendation
            oldName = oldEngine.stackName(old.recommendation)
            newName = newEngine.stackName(new.recommendation)
        }

        public var changes: Bool { old != new }

        public var sentence: String {
            changes ? "The recommendation for \(answers) changes from \(oldName) to \(newName)."
                : "The recommendation for \(answers) stays \(newName)."
        }
    }

    public static func render(_ diff: KnowledgeDiff, old: Side, new: Side, outcome: Outcome?) -> String {
        func describe(_ side: Side) -> String {
            "\(side.label) (\u{201C}\(side.knowledgeBase.meta.name)\u{201D} as of \(side.knowledgeBase.meta.asOf))"
        }
        var lines = ["Knowledge bases compared: \(describe(old)) -> \(describe(new))", ""]
        if diff.isEmpty {
            lines.append("Same: the two hold the same facts, prices, rules and sources.")
        } else {
            let changed = diff.rates.count + diff.entries.count + diff.settings.count
            lines.append("Different: \(changed) change\(changed == 1 ? "" : "s").")
        }
        if !diff.settings.isEmpty {
            lines += ["", "Settings (knowledge-base.yaml)"] + diff.settings.map { "  \($0)" }
        }
        if !diff.rates.isEmpty {
            lines += ["", "Rates changed"]
            for rate in diff.rates {
                let sources = rate.sources.isEmpty ? "" : " [" + rate.sources.map(String.init).joined(separator: ", ") + "]"
                lines.append("  \(rate.stack) \(rate.meter) (\(rate.name)): \(Format.unitPrice(rate.old)) -> "
                             + "\(Format.unitPrice(rate.new)) per \(rate.unit)\(sources)")
            }
        }
        let kinds = ["stack", "meter", "unpriced item", "exposure", "fact", "axis", "rule", "floor", "profile",
                     "risk", "contested", "home ground", "source"]
        for kind in kinds {
            let entries = diff.entries.filter { $0.kind == kind }
            guard !entries.isEmpty else { continue }
            lines += ["", heading(kind)]
            for entry in entries {
                let owner = entry.stack.map { "\($0) " } ?? ""
                let mark = entry.change == .added ? "+" : entry.change == .removed ? "-" : "~"
                lines.append("  \(mark) \(owner)\(entry.id), \(entry.change.rawValue): \(shortened(entry.detail))")
            }
        }
        if let outcome { lines += ["", outcome.sentence] }
        return PrintableText.joinedLines(lines) + "\n"
    }

    public static func json(_ diff: KnowledgeDiff, old: Side, new: Side, outcome: Outcome?, toolVersion: String) -> String {
        func side(_ side: Side) -> JSONValue {
            .object(["label": .string(side.label), "name": .string(side.knowledgeBase.meta.name),
                     "as_of": .string(side.knowledgeBase.meta.asOf.description)])
        }
        return JSONValue.object([
            "tool": .object(["name": .string("runtime-advisor"), "version": .string(toolVersion)]),
            "old": side(old), "new": side(new),
            "same": .bool(diff.isEmpty),
            "settings": .strings(diff.settings),
            "rates": .array(diff.rates.map {
                .object(["stack": .string($0.stack), "meter": .string($0.meter), "name": .string($0.name), "unit": .string($0.unit),
                         "old_usd": .number($0.old), "new_usd": .number($0.new), "sources": .numbers($0.sources)])
            }),
            "changes": .array(diff.entries.map {
                .object(["kind": .string($0.kind), "id": .string($0.id), "stack": .optional($0.stack),
                         "change": .string($0.change.rawValue), "detail": .string($0.detail)])
            }),
            "recommendation": outcome.map {
                .object(["answers": .string($0.answers), "old": .string($0.old), "new": .string($0.new), "changes": .bool($0.changes)])
            } ?? .null,
        ]).rendered()
    }

    private static func heading(_ kind: String) -> String {
        switch kind {
        case "stack": "Stacks (changed: their name, summary, components, traits or session limit)"
        case "meter": "Meters (other than their rates)"
        case "unpriced item": "Not-modelled items"
        case "exposure": "Exposures"
        case "fact": "Facts"
        case "axis": "Axes"
        case "rule": "Rules"
        case "floor": "Floors"
        case "profile": "Profiles"
        case "risk": "Risks"
        case "contested": "Contested facts"
        case "home ground": "Home grounds"
        default: "Sources"
        }
    }

    private static func shortened(_ text: String) -> String {
        text.count > 100 ? String(text.prefix(99)) + "…" : text
    }
}
