import Yams

/// Reads one `stacks/<id>.yaml` file.
enum StackReader {
    static func read(_ root: Node, reader: YAMLReader, context: LoadContext) -> Stack? {
        guard let fields = reader.fields(root, path: "") else { return nil }
        let id = fields.string("id", maxLength: 60)
        let name = fields.string("name", maxLength: 120)
        let short = fields.string("short", maxLength: 12)
        let vendor = fields.string("vendor", maxLength: 120)
        let entries = EntryReader(fileOf: fields, context: context)
        let asOf = entries.asOf
        let summary = fields.required("summary").flatMap { entries.cited($0, key: "summary") }
        let components = entries.list(fields, "components", required: true) { entries.component($0) }
        let traits = fields.required("traits").map { entries.traits($0) } ?? []
        let facts = entries.list(fields, "facts", required: true) { entries.fact($0) }
        let meters = entries.list(fields, "meters", required: true) { entries.meter($0) }
        let unpriced = entries.list(fields, "not_modelled", required: false) { entries.unpriced($0) }
        let exposures = entries.list(fields, "exposures", required: false) { entries.exposure($0) }
        let sessionLimit = fields.value("session_limit").flatMap { entries.sessionLimit($0) }
        let names = entries.list(fields, "names", required: false) { entries.nameCase($0) }
        fields.finish()
        if let id {
            context.define("stack", id, at: reader.location(fields.value("id")))
            for meter in meters { context.define("meter of \(id)", meter.id, at: reader.location(root)) }
        }
        guard let id, let name, let short, let vendor, let summary else { return nil }
        return Stack(id: id, name: name, short: short, vendor: vendor, asOf: asOf, summary: summary,
                     components: components, traits: traits, facts: facts, meters: meters,
                     notModelled: unpriced, exposures: exposures, sessionLimit: sessionLimit, names: names)
    }
}

/// Readers for the entries of a stack file; each records its references and id with the context.
struct EntryReader {
    let reader: YAMLReader
    let context: LoadContext
    /// The file's `as_of`, the default date of every entry in it.
    let asOf: Day

    /// Reads the file's required top-level `as_of`.
    init(fileOf fields: Fields, context: LoadContext) {
        reader = fields.reader
        self.context = context
        asOf = fields.required("as_of").flatMap { fields.reader.day($0, key: "as_of") } ?? Day(year: 1970, month: 1, day: 1)!
    }

    /// The text under `key`, with the entry's sources and as-of date.
    func statement(_ entry: Fields, _ key: String) -> Cited? {
        let text = entry.string(key)
        let sources = context.sources(entry)
        let day = entryAsOf(entry)
        return text.map { Cited(text: $0, sources: sources, asOf: day) }
    }

    func list<T>(_ fields: Fields, _ name: String, required: Bool, _ read: (Node) -> T?) -> [T] {
        guard let node = required ? fields.required(name, expected: "a list") : fields.value(name),
              let items = reader.sequence(node, key: name) else { return [] }
        return items.compactMap(read)
    }

    func entryAsOf(_ fields: Fields) -> Day { fields.day("as_of") ?? asOf }

    func cited(_ node: Node, key: String) -> Cited? {
        guard let fields = reader.fields(node, path: key) else { return nil }
        let text = fields.string("text")
        let sources = context.sources(fields)
        let day = entryAsOf(fields)
        fields.finish()
        return text.map { Cited(text: $0, sources: sources, asOf: day) }
    }

    /// `names: [{when: …, name: "..."}]`: the first that holds names the stack for those answers.
    func nameCase(_ node: Node) -> Stack.NameCase? {
        guard let fields = reader.fields(node, path: "names") else { return nil }
        let when = ConditionReader(reader: reader, context: context).read(fields.required("when"), key: fields.key("when"),
                                                                           allowProfiles: true)
        let name = fields.string("name", maxLength: 120)
        fields.finish()
        guard let when, let name else { return nil }
        return Stack.NameCase(when: when, name: name)
    }

    /// `session_limit: {minutes: 480, sources: [15]}`.
    func sessionLimit(_ node: Node) -> SessionLimit? {
        guard let fields = reader.fields(node, path: "session_limit") else { return nil }
        let minutes = fields.value("minutes").flatMap { positive($0, key: fields.key("minutes")) }
        let sources = context.sources(fields)
        fields.finish()
        return minutes.map { SessionLimit(minutes: $0, sources: sources) }
    }

    func component(_ node: Node) -> Component? {
        guard let fields = reader.fields(node, path: "components") else { return nil }
        let role = fields.choice("role", from: Component.roles)
        let name = fields.string("name", maxLength: 120)
        let sources = context.sources(fields)
        let status = fields.value("status") != nil
            ? fields.choice("status", from: ReleaseStatus.allCases.map(\.rawValue)).flatMap(ReleaseStatus.init) : nil
        let since = fields.day("since")
        let when = optionalCondition(fields)
        let note = fields.optionalString("note")
        fields.finish()
        guard let role, let name, when != .some(nil) else { return nil }
        return Component(role: role, name: name, sources: sources, status: status, since: since, when: when ?? nil, note: note)
    }

    func traits(_ node: Node) -> [Trait] {
        guard let fields = reader.fields(node, path: "traits") else { return [] }
        let traits = TraitTopic.allCases.compactMap { topic -> Trait? in
            guard let value = fields.required(topic.rawValue),
                  let statement = cited(value, key: "traits.\(topic.rawValue)") else { return nil }
            return Trait(topic: topic, statement: statement)
        }
        fields.finish()
        return traits
    }

    func fact(_ node: Node) -> Fact? {
        guard let fields = reader.fields(node, path: "facts") else { return nil }
        let id = fields.string("id", maxLength: 80)
        let topic = fields.choice("topic", from: TraitTopic.allCases.map(\.rawValue) + Fact.extraTopics)
        let stance = fields.choice("stance", from: Stance.allCases.map(\.rawValue)).flatMap(Stance.init)
        let text = fields.string("text")
        let sources = context.sources(fields)
        let day = entryAsOf(fields)
        let relevantWhen = fields.value("relevant_when").map {
            ConditionReader(reader: reader, context: context).read($0, key: fields.key("relevant_when"), allowProfiles: true)
        }
        fields.finish()
        guard let id, let topic, let stance, let text, relevantWhen != .some(nil) else { return nil }
        context.define("fact", id, at: reader.location(node))
        return Fact(id: id, topic: topic, stance: stance, statement: Cited(text: text, sources: sources, asOf: day),
                    relevantWhen: relevantWhen ?? nil)
    }

    func meter(_ node: Node) -> Meter? {
        guard let fields = reader.fields(node, path: "meters") else { return nil }
        let id = fields.string("id", maxLength: 80)
        if let id { context.declareMeter(id) }
        let name = fields.string("name", maxLength: 120)
        let priced = pricedUnit(fields)
        let idle = fields.value("idle") != nil
            ? fields.choice("idle", from: IdleBilling.allCases.map(\.rawValue)).flatMap(IdleBilling.init) : nil
        let sources = context.sources(fields)
        let day = entryAsOf(fields)
        let alternative = fields.value("alternative").flatMap { self.alternative($0) }
        let when = optionalCondition(fields)
        fields.finish()
        if let driver = priced.driver, driver.isWallClock, idle == nil {
            reader.error(node, key: "meters[\(id ?? "?")].idle", "is missing for a wall-clock meter",
                         expected: "billed | free")
        }
        guard let id, let name, let unit = priced.unit, let rate = priced.rate, let driver = priced.driver,
              when != .some(nil) else { return nil }
        return Meter(id: id, name: name, unit: unit, unitSize: priced.unitSize, rate: rate, driver: driver, idle: idle,
                     sources: sources, asOf: day, alternative: alternative, when: when ?? nil)
    }

    func alternative(_ node: Node) -> MeterAlternative? {
        guard let fields = reader.fields(node, path: "alternative") else { return nil }
        let reading = fields.string("reading", maxLength: 120)
        let rate = fields.value("rate") != nil ? price(fields, "rate") : nil
        let idle = fields.value("idle") != nil
            ? fields.choice("idle", from: IdleBilling.allCases.map(\.rawValue)).flatMap(IdleBilling.init) : nil
        let why = fields.string("why")
        let sources = context.sources(fields)
        fields.finish()
        if rate == nil && idle == nil {
            reader.error(node, key: "alternative", "changes nothing", expected: "a rate, an idle reading, or both")
        }
        guard let reading, let why else { return nil }
        return MeterAlternative(reading: reading, rate: rate, idle: idle, why: why, sources: sources)
    }

    func unpriced(_ node: Node) -> UnpricedItem? {
        guard let fields = reader.fields(node, path: "not_modelled") else { return nil }
        let id = fields.string("id", maxLength: 80)
        let name = fields.string("name", maxLength: 120)
        let scope = fields.choice("scope", from: UnpricedItem.Scope.allCases.map(\.rawValue),
                                  default: UnpricedItem.Scope.extra.rawValue).flatMap(UnpricedItem.Scope.init)
        let unit = fields.string("unit", maxLength: 80)
        let rate = fields.value("rate") != nil ? price(fields, "rate") : nil
        let why = fields.string("why")
        let sources = context.sources(fields)
        let day = entryAsOf(fields)
        let conditions = ConditionReader(reader: reader, context: context)
        let executionWhen = fields.value("execution_when").map {
            conditions.read($0, key: fields.key("execution_when"), allowProfiles: true)
        }
        let when = optionalCondition(fields)
        fields.finish()
        guard let id, let name, let scope, let unit, let why, executionWhen != .some(nil), when != .some(nil) else { return nil }
        return UnpricedItem(id: id, name: name, scope: scope, unit: unit, rate: rate, why: why, sources: sources,
                            asOf: day, executionWhen: executionWhen ?? nil, when: when ?? nil)
    }

    /// An optional `when:` (rule syntax): nil when absent, `.some(nil)` when given but invalid (reported).
    private func optionalCondition(_ fields: Fields) -> Condition?? {
        fields.value("when").map {
            ConditionReader(reader: reader, context: context).read($0, key: fields.key("when"), allowProfiles: true)
        }
    }

    func exposure(_ node: Node) -> Exposure? {
        guard let fields = reader.fields(node, path: "exposures") else { return nil }
        let id = fields.string("id", maxLength: 80)
        let name = fields.string("name", maxLength: 120)
        let priced = pricedUnit(fields)
        let why = fields.string("why")
        let scored = fields.value("scored") == nil ? "none" : fields.choice("scored", from: ["none", "upper"])
        let sources = context.sources(fields)
        let day = entryAsOf(fields)
        fields.finish()
        guard let id, let name, let unit = priced.unit, let rate = priced.rate, let driver = priced.driver, let why,
              let scored else {
            return nil
        }
        return Exposure(id: id, name: name, unit: unit, unitSize: priced.unitSize, rate: rate, driver: driver, why: why,
                        sources: sources, asOf: day, scoredAtUpperEnd: scored == "upper")
    }

    /// What meters and exposures share: a unit, its size, a rate, and the driver of the quantity.
    /// Each part is nil when it had an error (already reported), so every problem is still found.
    private func pricedUnit(_ fields: Fields) -> (unit: String?, unitSize: Double, rate: Double?, driver: MeterDriver?) {
        (fields.string("unit", maxLength: 60),
         fields.value("unit_size").flatMap { unitSize($0, key: fields.key("unit_size")) } ?? 1,
         price(fields, "rate"),
         fields.choice("driver", from: MeterDriver.allCases.map(\.rawValue)).flatMap(MeterDriver.init))
    }

    /// A price in dollars: a number that is never negative.
    private func price(_ fields: Fields, _ name: String) -> Double? {
        guard let node = fields.required(name, expected: "a price in US dollars"),
              let value = reader.number(node, key: fields.key(name)) else { return nil }
        guard value >= 0 else {
            reader.error(node, key: fields.key(name), "is a negative price (\(Format.plain(value)))",
                         expected: "a price of 0 or more US dollars")
            return nil
        }
        guard value <= Meter.maximumRate else {
            reader.error(node, key: fields.key(name), "is \(Format.plain(value)), above the largest price a unit may have",
                         expected: "at most \(Format.money(Meter.maximumRate)) per unit")
            return nil
        }
        return value
    }

    /// How many units one rate buys (1,000 events, 25,000 credits): bounded, so a rate per unit stays finite.
    private func unitSize(_ node: Node, key: String) -> Double? {
        guard let value = positive(node, key: key) else { return nil }
        guard Meter.unitSizes.contains(value) else {
            reader.error(node, key: key, "is \(Format.plain(value)), outside the sizes a price unit may have",
                         expected: "\(Format.plain(Meter.unitSizes.lowerBound)) to \(Format.quantity(Meter.unitSizes.upperBound))")
            return nil
        }
        return value
    }

    private func positive(_ node: Node, key: String) -> Double? {
        guard let value = reader.number(node, key: key) else { return nil }
        guard value > 0 else {
            reader.error(node, key: key, "must be above 0, got \(Format.plain(value))")
            return nil
        }
        return value
    }
}
