// The snapshot form of each model type: fields written and read in the same order.

extension Day: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.int(year); w.int(month); w.int(day) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        let (y, m, d) = (try r.int(), try r.int(), try r.int())
        guard let day = Day(year: y, month: m, day: d) else { throw SnapshotError(message: "snapshot has an invalid date") }
        self = day
    }
}

extension Cited: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(text); w.ints(sources); w.value(asOf) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(text: try r.string(), sources: try r.ints(), asOf: try r.value())
    }
}

extension Source: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.int(id); w.string(title); w.string(publisher); w.optional(url) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.int(), title: try r.string(), publisher: try r.string(),
                  url: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.string() })
    }
}

extension Component: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(role); w.string(name); w.ints(sources); w.optional(status) { $0.raw($1) }; w.optional(since) { $0.value($1) }
        w.optional(when) { $0.value($1) }; w.optional(note) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(role: try r.string(), name: try r.string(), sources: try r.ints(),
                  status: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.raw(ReleaseStatus.self) },
                  since: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.value(Day.self) },
                  when: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.value(Condition.self) },
                  note: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.string() })
    }
}

extension Trait: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.raw(topic); w.value(statement) }
    init(from r: inout SnapshotReader) throws(SnapshotError) { self.init(topic: try r.raw(), statement: try r.value()) }
}

extension Fact: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(topic); w.raw(stance); w.value(statement); w.optional(relevantWhen) { $0.value($1) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), topic: try r.string(), stance: try r.raw(), statement: try r.value(),
                  relevantWhen: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.value(Condition.self) })
    }
}

extension MeterAlternative: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(reading); w.optional(rate) { $0.double($1) }; w.optional(idle) { $0.raw($1) }; w.string(why); w.ints(sources)
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(reading: try r.string(), rate: try r.optionalDouble(),
                  idle: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.raw(IdleBilling.self) },
                  why: try r.string(), sources: try r.ints())
    }
}

extension Meter: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(name); w.string(unit); w.double(unitSize); w.double(rate); w.raw(driver)
        w.optional(idle) { $0.raw($1) }; w.ints(sources); w.value(asOf); w.optional(alternative) { $0.value($1) }
        w.optional(when) { $0.value($1) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), name: try r.string(), unit: try r.string(), unitSize: try r.double(),
                  rate: try r.double(), driver: try r.raw(),
                  idle: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.raw(IdleBilling.self) },
                  sources: try r.ints(), asOf: try r.value(),
                  alternative: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.value(MeterAlternative.self) },
                  when: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.value(Condition.self) })
    }
}

extension UnpricedItem: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(name); w.raw(scope); w.string(unit); w.optional(rate) { $0.double($1) }
        w.string(why); w.ints(sources); w.value(asOf); w.optional(executionWhen) { $0.value($1) }
        w.optional(when) { $0.value($1) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), name: try r.string(), scope: try r.raw(), unit: try r.string(),
                  rate: try r.optionalDouble(), why: try r.string(), sources: try r.ints(), asOf: try r.value(),
                  executionWhen: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.value(Condition.self) },
                  when: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.value(Condition.self) })
    }
}

extension Exposure: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(name); w.string(unit); w.double(unitSize); w.double(rate); w.raw(driver)
        w.string(why); w.ints(sources); w.value(asOf); w.bool(scoredAtUpperEnd)
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), name: try r.string(), unit: try r.string(), unitSize: try r.double(),
                  rate: try r.double(), driver: try r.raw(), why: try r.string(), sources: try r.ints(), asOf: try r.value(),
                  scoredAtUpperEnd: try r.bool())
    }
}

extension Stack: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(name); w.string(short); w.string(vendor); w.value(asOf); w.value(summary)
        w.values(components); w.values(traits); w.values(facts); w.values(meters); w.values(notModelled); w.values(exposures)
        w.optional(sessionLimit) { $0.double($1.minutes); $0.ints($1.sources) }
        w.int(names.count); for item in names { w.value(item.when); w.string(item.name) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), name: try r.string(), short: try r.string(), vendor: try r.string(),
                  asOf: try r.value(), summary: try r.value(), components: try r.values(), traits: try r.values(),
                  facts: try r.values(), meters: try r.values(), notModelled: try r.values(), exposures: try r.values(),
                  sessionLimit: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in
                      SessionLimit(minutes: try r.double(), sources: try r.ints())
                  })
        for _ in 0..<(try r.int()) { names.append(NameCase(when: try r.value(), name: try r.string())) }
    }
}

extension Axis: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(id); w.string(name); w.value(summary); w.double(neutral) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), name: try r.string(), summary: try r.value(), neutral: try r.double())
    }
}

extension AnswerValue: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        switch self {
        case .choice(let value): w.int(0); w.string(value)
        case .flag(let value): w.int(1); w.bool(value)
        case .number(let value): w.int(2); w.double(value)
        case .text(let value): w.int(3); w.string(value)
        case .list(let values): w.int(4); w.strings(values)
        }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        switch try r.int() {
        case 0: self = .choice(try r.string())
        case 1: self = .flag(try r.bool())
        case 2: self = .number(try r.double())
        case 3: self = .text(try r.string())
        case 4: self = .list(try r.strings())
        default: throw SnapshotError(message: "snapshot has an unknown answer kind")
        }
    }
}

extension Condition: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        switch self {
        case .always: w.int(0)
        case .equals(let id, let value): w.int(1); w.string(id); w.value(value)
        case .oneOf(let id, let values): w.int(2); w.string(id); w.values(values)
        case .below(let id, let limit): w.int(3); w.string(id); w.double(limit)
        case .atLeast(let id, let limit): w.int(4); w.string(id); w.double(limit)
        case .profile(let id): w.int(5); w.string(id)
        case .any(let parts): w.int(6); w.values(parts)
        case .all(let parts): w.int(7); w.values(parts)
        case .not(let inner): w.int(8); w.value(inner)
        }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        switch try r.int() {
        case 0: self = .always
        case 1: self = .equals(try r.string(), try r.value())
        case 2: self = .oneOf(try r.string(), try r.values())
        case 3: self = .below(try r.string(), try r.double())
        case 4: self = .atLeast(try r.string(), try r.double())
        case 5: self = .profile(try r.string())
        case 6: self = .any(try r.values())
        case 7: self = .all(try r.values())
        case 8: self = .not(try r.value())
        default: throw SnapshotError(message: "snapshot has an unknown condition")
        }
    }
}

extension Profile: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(id); w.string(name); w.value(condition); w.value(advice) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), name: try r.string(), condition: try r.value(), advice: try r.value())
    }
}

extension Rule.Adjustment: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(stack); w.double(delta); w.string(why) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(stack: try r.string(), delta: try r.double(), why: try r.string())
    }
}

extension Rule: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(id); w.string(axis); w.value(condition); w.values(adjust); w.value(because) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), axis: try r.string(), condition: try r.value(), adjust: try r.values(),
                  because: try r.value())
    }
}

extension Floor.Failure: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(stack); w.string(reason) }
    init(from r: inout SnapshotReader) throws(SnapshotError) { self.init(stack: try r.string(), reason: try r.string()) }
}

extension Floor.Unverified: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(stack); w.string(reason); w.string(confirm); w.values(cases) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(stack: try r.string(), reason: try r.string(), confirm: try r.string(), cases: try r.values())
    }
}

extension Floor.Unverified.Case: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.value(when); w.string(confirm) }
    init(from r: inout SnapshotReader) throws(SnapshotError) { self.init(when: try r.value(), confirm: try r.string()) }
}

extension Floor: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(axis); w.value(condition); w.values(failures); w.values(unverified); w.value(because)
        w.optional(name) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), axis: try r.string(), condition: try r.value(), failures: try r.values(),
                  unverified: try r.values(), because: try r.value(), name: try r.optionalString())
    }
}

extension Risk: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(title); w.string(kind); w.raw(severity); w.strings(stacks); w.value(statement); w.string(check)
        w.optional(expected) { w, expected in w.string(expected.what); w.value(expected.by); w.string(expected.then) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), title: try r.string(), kind: try r.string(), severity: try r.raw(),
                  stacks: try r.strings(), statement: try r.value(), check: try r.string(),
                  expected: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in
                      Risk.Expectation(what: try r.string(), by: try r.value(), then: try r.string())
                  })
    }
}

extension KnowledgeBase.Meta: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(name); w.value(asOf); w.double(monthHours); w.int(staleAfterDays); w.double(closeMargin); w.value(derivedFrom)
        w.optional(costFit) { $0.string($1.axis); $0.double($1.weight) }
        w.string(asOfWritten.location.file); w.int(asOfWritten.location.line ?? 0); w.int(asOfWritten.location.column ?? 0)
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(name: try r.string(), asOf: try r.value(), monthHours: try r.double(), staleAfterDays: try r.int(),
                  closeMargin: try r.double(), derivedFrom: try r.value(),
                  costFit: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in
                      KnowledgeBase.CostFit(axis: try r.string(), weight: try r.double())
                  },
                  asOfWritten: WrittenAt(SourceLocation(file: try r.string(), line: try r.int(), column: try r.int())))
    }
}

extension HomeGround.Exclusion: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.value(condition); w.string(why) }
    init(from r: inout SnapshotReader) throws(SnapshotError) { self.init(condition: try r.value(), why: try r.string()) }
}

extension HomeGround: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(name); w.value(condition); w.strings(expect); w.values(exclusions); w.value(decides)
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), name: try r.string(), condition: try r.value(), expect: try r.strings(),
                  exclusions: try r.values(), decides: try r.value())
    }
}

extension Contested: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(title); w.strings(stacks); w.value(condition); w.values(readings); w.string(scored)
        w.strings(meters)
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), title: try r.string(), stacks: try r.strings(), condition: try r.value(),
                  readings: try r.values(), scored: try r.string(), meters: try r.strings())
    }
}

extension KnowledgeBase: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.value(meta); w.values(sources); w.values(axes); w.values(stacks); w.values(profiles); w.values(rules)
        w.values(floors); w.values(risks); w.values(homeGrounds); w.values(contested)
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(meta: try r.value(), sources: try r.values(), axes: try r.values(), stacks: try r.values(),
                  profiles: try r.values(), rules: try r.values(), floors: try r.values(), risks: try r.values(),
                  homeGrounds: try r.values(), contested: try r.values())
    }
}

extension AnswerOption: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(value); w.string(label); w.optional(help) { $0.string($1) } }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(value: try r.string(), label: try r.string(), help: try r.optionalString())
    }
}

extension Question: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(text); w.string(help); w.raw(kind); w.values(options)
        w.optional(minimum) { $0.double($1) }; w.optional(maximum) { $0.double($1) }; w.optional(step) { $0.double($1) }
        w.optional(unit) { $0.string($1) }; w.optional(maxLength) { $0.int($1) }; w.value(defaultValue)
        w.bool(required); w.strings(feeds); w.ints(sources); w.optional(shortLabel) { $0.string($1) }
        w.strings(askedWhen.map(\.question)); for condition in askedWhen { w.strings(condition.values) }
    }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), text: try r.string(), help: try r.string(), kind: try r.raw(), options: try r.values(),
                  minimum: try r.optionalDouble(), maximum: try r.optionalDouble(), step: try r.optionalDouble(),
                  unit: try r.optionalString(),
                  maxLength: try r.optional { (r: inout SnapshotReader) throws(SnapshotError) in try r.int() },
                  defaultValue: try r.value(), required: try r.bool(), feeds: try r.strings(), sources: try r.ints(),
                  shortLabel: try r.optionalString())
        for question in try r.strings() { askedWhen.append(AskedWhen(question: question, values: try r.strings())) }
    }
}

extension Step: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(id); w.string(title); w.string(intro); w.strings(questions) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.string(), title: try r.string(), intro: try r.string(), questions: try r.strings())
    }
}

extension Questionnaire: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.int(version); w.values(steps); w.values(questions) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(version: try r.int(), steps: try r.values(), questions: try r.values())
    }
}
