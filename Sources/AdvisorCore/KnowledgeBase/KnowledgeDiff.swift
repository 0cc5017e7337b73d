/// What changed between two knowledge bases: rates (old → new, with the source), meters and unpriced
/// items added or removed, and facts, rules, floors, profiles, risks and sources added, removed or
/// changed. Two knowledge bases with no entry here hold the same facts, prices and rules.
public struct KnowledgeDiff: Hashable, Sendable {
    public enum Change: String, Hashable, Sendable { case added, removed, changed }

    /// A meter whose list rate changed.
    public struct RateChange: Hashable, Sendable {
        public var stack: StackID
        public var meter: String
        public var name: String
        public var unit: String
        public var old: Double
        public var new: Double
        /// The new meter's sources.
        public var sources: [SourceID]
    }

    /// One entry of a kind (`stack`, `meter`, `unpriced item`, `exposure`, `fact`, `rule`, `floor`,
    /// `profile`, `risk`, `source`, `axis`, `contested`, `home ground`), with what it says now (or said).
    public struct Entry: Hashable, Sendable {
        public var kind: String
        public var id: String
        public var stack: StackID?
        public var change: Change
        public var detail: String
    }

    /// `as_of 2026-04-24 -> 2026-10-01`, one line per changed setting of knowledge-base.yaml.
    public var settings: [String]
    public var rates: [RateChange]
    public var entries: [Entry]

    public var isEmpty: Bool { settings.isEmpty && rates.isEmpty && entries.isEmpty }

    public init(old: KnowledgeBase, new: KnowledgeBase) {
        settings = Self.settings(old.meta, new.meta)
        var rates: [RateChange] = []
        var entries: [Entry] = []
        func compare<T: Hashable>(_ kind: String, stack: StackID? = nil, _ before: [T], _ after: [T], id: (T) -> String,
                                  detail: (T) -> String) {
            let oldByID = Dictionary(before.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            let newByID = Dictionary(after.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
            for key in Set(oldByID.keys).union(newByID.keys).sorted() {
                switch (oldByID[key], newByID[key]) {
                case (let was?, nil): entries.append(Entry(kind: kind, id: key, stack: stack, change: .removed, detail: detail(was)))
                case (nil, let now?): entries.append(Entry(kind: kind, id: key, stack: stack, change: .added, detail: detail(now)))
                case (let was?, let now?) where was != now:
                    entries.append(Entry(kind: kind, id: key, stack: stack, change: .changed, detail: detail(now)))
                default: break
                }
            }
        }
        // A stack's own entry covers what is not listed part by part below: its name, summary,
        // components, traits and session limit.
        func rest(_ stack: Stack) -> Stack {
            var copy = stack
            (copy.meters, copy.facts, copy.notModelled, copy.exposures) = ([], [], [], [])
            return copy
        }
        compare("stack", old.stacks.map(rest), new.stacks.map(rest), id: \.id, detail: \.name)
        for stack in new.stacks.sorted(by: { $0.id < $1.id }) {
            guard let before = old.stack(stack.id) else { continue }
            for meter in stack.meters {
                guard let was = before.meters.first(where: { $0.id == meter.id }), was.rate != meter.rate else { continue }
                rates.append(RateChange(stack: stack.id, meter: meter.id, name: meter.name, unit: meter.unit, old: was.rate,
                                        new: meter.rate, sources: meter.sources))
            }
            // A meter whose rate alone changed is listed under rates, not again here.
            func withoutRate(_ meter: Meter) -> Meter {
                var copy = meter
                copy.rate = 0
                copy.asOf = Day(year: 1970, month: 1, day: 1)!
                return copy
            }
            compare("meter", stack: stack.id, before.meters.map(withoutRate), stack.meters.map(withoutRate), id: \.id, detail: \.name)
            compare("unpriced item", stack: stack.id, before.notModelled, stack.notModelled, id: \.id, detail: \.name)
            compare("exposure", stack: stack.id, before.exposures, stack.exposures, id: \.id, detail: \.name)
            compare("fact", stack: stack.id, before.facts, stack.facts, id: \.id, detail: \.statement.text)
        }
        compare("axis", old.axes, new.axes, id: \.id, detail: \.name)
        compare("rule", old.rules, new.rules, id: \.id, detail: \.because.text)
        compare("floor", old.floors, new.floors, id: \.id, detail: \.because.text)
        compare("profile", old.profiles, new.profiles, id: \.id, detail: \.name)
        compare("risk", old.risks, new.risks, id: \.id, detail: \.title)
        compare("contested", old.contested, new.contested, id: \.id, detail: \.title)
        compare("home ground", old.homeGrounds, new.homeGrounds, id: \.id, detail: \.id)
        compare("source", old.sources, new.sources, id: { String($0.id) }, detail: { "\($0.title) — \($0.publisher)" })
        self.rates = rates
        self.entries = entries
    }

    private static func settings(_ old: KnowledgeBase.Meta, _ new: KnowledgeBase.Meta) -> [String] {
        var lines: [String] = []
        func check(_ key: String, _ before: String, _ after: String) {
            if before != after { lines.append("\(key) \(before) -> \(after)") }
        }
        check("name", old.name, new.name)
        check("as_of", old.asOf.description, new.asOf.description)
        check("month_hours", Format.plain(old.monthHours), Format.plain(new.monthHours))
        check("stale_after_days", String(old.staleAfterDays), String(new.staleAfterDays))
        check("close_margin", Format.plain(old.closeMargin), Format.plain(new.closeMargin))
        func fit(_ value: KnowledgeBase.CostFit?) -> String { value.map { "\($0.axis) \(Format.plain($0.weight))" } ?? "none" }
        check("cost_fit", fit(old.costFit), fit(new.costFit))
        check("derived_from", old.derivedFrom.citation, new.derivedFrom.citation)
        return lines
    }
}
