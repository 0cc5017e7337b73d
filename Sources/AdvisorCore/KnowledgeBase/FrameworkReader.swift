import Yams

/// Reads axes.yaml, rules/*.yaml and risks.yaml.
enum FrameworkReader {
    static func readAxes(_ root: Node, reader: YAMLReader, context: LoadContext) -> [Axis] {
        guard let fields = reader.fields(root, path: "") else { return [] }
        let entries = EntryReader(fileOf: fields, context: context)
        let axes = entries.list(fields, "axes", required: true) { node -> Axis? in
            guard let axis = reader.fields(node, path: "axes") else { return nil }
            let id = axis.string("id", maxLength: 40)
            let name = axis.string("name", maxLength: 60)
            let summary = axis.required("summary").flatMap { entries.cited($0, key: "axes.summary") }
            let neutral = axis.number("neutral", atLeast: 0)
            axis.finish()
            if let neutral, neutral > 1 { reader.error(node, key: "axes.neutral", "must be within 0 to 1") }
            guard let id, let name, let summary, let neutral else { return nil }
            context.define("axis", id, at: reader.location(node))
            return Axis(id: id, name: name, summary: summary, neutral: neutral)
        }
        fields.finish()
        return axes
    }

    static func readRules(_ root: Node, reader: YAMLReader, context: LoadContext)
        -> (profiles: [Profile], rules: [Rule], floors: [Floor], homeGrounds: [HomeGround]) {
        guard let fields = reader.fields(root, path: "") else { return ([], [], [], []) }
        let entries = EntryReader(fileOf: fields, context: context)
        let conditions = ConditionReader(reader: reader, context: context)
        let profiles = entries.list(fields, "profiles", required: false) { node -> Profile? in
            guard let entry = reader.fields(node, path: "profiles") else { return nil }
            let id = entry.string("id", maxLength: 60)
            let name = entry.string("name", maxLength: 120)
            let condition = conditions.read(entry.required("when"), key: "profiles.when", allowProfiles: false)
            let advice = entries.statement(entry, "advice")
            entry.finish()
            guard let id, let name, let condition, let advice else { return nil }
            context.define("profile", id, at: reader.location(node))
            return Profile(id: id, name: name, condition: condition, advice: advice)
        }
        let rules = entries.list(fields, "rules", required: false) { node -> Rule? in
            guard let entry = reader.fields(node, path: "rules") else { return nil }
            let id = entry.string("id", maxLength: 80)
            let axis = axisReference(entry, context: context)
            let condition = conditions.read(entry.value("when"), key: "rules.when", allowProfiles: true)
            let because = entries.statement(entry, "because")
            let adjust = adjustments(entry, because: because?.text ?? "", context: context)
            entry.finish()
            guard let id, let axis, let condition, let because else { return nil }
            context.define("rule", id, at: reader.location(node))
            return Rule(id: id, axis: axis, condition: condition, adjust: adjust, because: because)
        }
        let floors = entries.list(fields, "floors", required: false) { node -> Floor? in
            guard let entry = reader.fields(node, path: "floors") else { return nil }
            let id = entry.string("id", maxLength: 80)
            let axis = axisReference(entry, context: context)
            let condition = conditions.read(entry.required("when"), key: "floors.when", allowProfiles: true)
            let failures = floorFailures(entry, context: context)
            let unverified = floorUnverified(entry, context: context)
            let because = entries.statement(entry, "because")
            let name = entry.optionalString("name", maxLength: 60)
            entry.finish()
            if failures.isEmpty, unverified.isEmpty, entry.value("fails") == nil, entry.value("unverified") == nil {
                reader.error(node, key: "floors[\(id ?? "?")]", "names no stack", expected: "fails:, unverified: or both")
            }
            let twice = Set(failures.map(\.stack)).intersection(unverified.map(\.stack))
            for stack in twice.sorted() {
                reader.error(entry.value("unverified"), key: "floors[\(id ?? "?")].unverified.\(stack)",
                             "lists a stack that also fails the floor", expected: "each stack under fails or unverified, not both")
            }
            guard let id, let axis, let condition, let because else { return nil }
            context.define("floor", id, at: reader.location(node))
            return Floor(id: id, axis: axis, condition: condition, failures: failures, unverified: unverified,
                         because: because, name: name)
        }
        let homeGrounds = entries.list(fields, "home_grounds", required: false) { node -> HomeGround? in
            guard let entry = reader.fields(node, path: "home_grounds") else { return nil }
            let id = entry.string("id", maxLength: 80)
            let name = entry.string("name", maxLength: 120)
            let condition = conditions.read(entry.required("when"), key: "home_grounds.when", allowProfiles: true)
            let expect = entry.stringList("expect", required: true) ?? []
            for stack in expect {
                context.referStack(stack, at: reader.location(entry.value("expect")), key: "home_grounds[\(id ?? "?")].expect")
            }
            let exclusions = entries.list(entry, "exclude", required: false) { node -> HomeGround.Exclusion? in
                guard let item = reader.fields(node, path: "home_grounds.exclude") else { return nil }
                let condition = conditions.read(item.required("when"), key: "home_grounds.exclude.when", allowProfiles: true)
                let why = item.string("why")
                item.finish()
                guard let condition, let why else { return nil }
                return HomeGround.Exclusion(condition: condition, why: why)
            }
            let decides = entries.statement(entry, "decides")
            entry.finish()
            guard let id, let name, let condition, let decides, !expect.isEmpty else { return nil }
            context.define("home ground", id, at: reader.location(node))
            return HomeGround(id: id, name: name, condition: condition, expect: expect, exclusions: exclusions,
                              decides: decides)
        }
        fields.finish()
        return (profiles, rules, floors, homeGrounds)
    }

    static func readContested(_ root: Node, reader: YAMLReader, context: LoadContext) -> [Contested] {
        guard let fields = reader.fields(root, path: "") else { return [] }
        let entries = EntryReader(fileOf: fields, context: context)
        let conditions = ConditionReader(reader: reader, context: context)
        let items = entries.list(fields, "contested", required: true) { node -> Contested? in
            guard let entry = reader.fields(node, path: "contested") else { return nil }
            let id = entry.string("id", maxLength: 80)
            let title = entry.string("title", maxLength: 160)
            let stacks = entry.stringList("stacks", required: true) ?? []
            for stack in stacks {
                context.referStack(stack, at: reader.location(entry.value("stacks")), key: "contested[\(id ?? "?")].stacks")
            }
            let condition = conditions.read(entry.value("when"), key: "contested.when", allowProfiles: true)
            let readings = entries.list(entry, "readings", required: true) { entries.cited($0, key: "contested.readings") }
            let scored = entry.string("scored")
            let meters = entry.stringList("meters") ?? []
            for meter in meters {
                context.referMeter(meter, at: reader.location(entry.value("meters")), key: "contested[\(id ?? "?")].meters")
            }
            entry.finish()
            if readings.count < 2 {
                reader.error(entry.value("readings"), key: "contested[\(id ?? "?")].readings", "has \(readings.count) reading(s)",
                             expected: "at least two readings")
            }
            guard let id, let title, let condition, let scored, readings.count >= 2 else { return nil }
            context.define("contested fact", id, at: reader.location(node))
            return Contested(id: id, title: title, stacks: stacks, condition: condition, readings: readings, scored: scored,
                             meters: meters)
        }
        fields.finish()
        return items
    }

    static func readRisks(_ root: Node, reader: YAMLReader, context: LoadContext) -> [Risk] {
        guard let fields = reader.fields(root, path: "") else { return [] }
        let entries = EntryReader(fileOf: fields, context: context)
        let risks = entries.list(fields, "risks", required: true) { node -> Risk? in
            guard let entry = reader.fields(node, path: "risks") else { return nil }
            let id = entry.string("id", maxLength: 80)
            let title = entry.string("title", maxLength: 160)
            let kind = entry.choice("kind", from: Risk.kinds)
            let severity = entry.choice("severity", from: RiskSeverity.allCases.map(\.rawValue)).flatMap(RiskSeverity.init)
            let stacks = entry.stringList("stacks", required: true) ?? []
            let text = entry.string("text")
            let check = entry.string("check")
            let expected = entry.value("expected").flatMap { expectation($0, reader: reader) }
            let sources = context.sources(entry)
            let day = entries.entryAsOf(entry)
            entry.finish()
            for stack in stacks where stack != "all" {
                context.referStack(stack, at: reader.location(entry.value("stacks")), key: "risks[\(id ?? "?")].stacks")
            }
            guard let id, let title, let kind, let severity, let text, let check else { return nil }
            context.define("risk", id, at: reader.location(node))
            return Risk(id: id, title: title, kind: kind, severity: severity, stacks: stacks,
                        statement: Cited(text: text, sources: sources, asOf: day), check: check, expected: expected)
        }
        fields.finish()
        return risks
    }

    /// `expected: {what: "...", by: YYYY-MM-DD, then: "..."}` on a risk.
    private static func expectation(_ node: Node, reader: YAMLReader) -> Risk.Expectation? {
        guard let fields = reader.fields(node, path: "risks.expected") else { return nil }
        let what = fields.string("what", maxLength: 200)
        let by = fields.required("by").flatMap { reader.day($0, key: fields.key("by")) }
        let then = fields.string("then", maxLength: 400)
        fields.finish()
        guard let what, let by, let then else { return nil }
        return Risk.Expectation(what: what, by: by, then: then)
    }

    private static func axisReference(_ entry: Fields, context: LoadContext) -> AxisID? {
        guard let node = entry.required("axis"), let axis = entry.reader.string(node, key: entry.key("axis")) else {
            return nil
        }
        context.referAxis(axis, at: entry.reader.location(node), key: entry.key("axis"))
        return axis
    }

    /// `adjust: {stack: delta}`, with `why: {stack: "…"}` saying why each stack moves when there are
    /// several: a reason read to one team must explain the stack it is about, never another one's move.
    private static func adjustments(_ entry: Fields, because: String, context: LoadContext) -> [Rule.Adjustment] {
        guard let node = entry.required("adjust", expected: "stack-id: adjustment pairs"),
              let map = entry.reader.fields(node, path: entry.key("adjust")) else { return [] }
        let whyNode = entry.value("why")
        let whys = whyNode.flatMap { entry.reader.fields($0, path: entry.key("why")) }
        let adjustments = map.keys.compactMap { stack -> Rule.Adjustment? in
            guard let valueNode = map.value(stack),
                  let delta = entry.reader.number(valueNode, key: map.key(stack)) else { return nil }
            if abs(delta) > 1 {
                entry.reader.error(valueNode, key: map.key(stack), "moves a fit by \(Format.plain(delta))",
                                   expected: "an adjustment from -1 to 1")
            }
            context.referStack(stack, at: entry.reader.location(map.keyNode(stack)), key: map.key(stack))
            var why = map.keys.count == 1 && whys == nil ? because : nil
            if why == nil {
                if whys?.value(stack) == nil {
                    entry.reader.error(whyNode ?? entry.node, key: entry.key("why.\(stack)"), "is missing",
                                       expected: "one sentence for each stack a rule moves, when it moves several: why: {\(stack): \"…\"}")
                } else {
                    why = whys?.string(stack)
                }
            }
            return why.map { Rule.Adjustment(stack: stack, delta: delta, why: $0) }
        }
        map.finish()
        // A why for a stack the rule does not move is an unknown key.
        whys?.finish()
        return adjustments.sorted { $0.stack < $1.stack }
    }

    /// `unverified: {stack: {reason: "...", confirm: "...", cases: [{when: …, confirm: "..."}]}}`, optional;
    /// the first case that holds says what to confirm instead (the runtime the team named).
    private static func floorUnverified(_ entry: Fields, context: LoadContext) -> [Floor.Unverified] {
        guard let node = entry.value("unverified"),
              let map = entry.reader.fields(node, path: entry.key("unverified")) else { return [] }
        let items = map.keys.compactMap { stack -> Floor.Unverified? in
            guard let valueNode = map.value(stack),
                  let fields = entry.reader.fields(valueNode, path: map.key(stack)) else { return nil }
            let reason = fields.string("reason"), confirm = fields.string("confirm")
            let conditions = ConditionReader(reader: entry.reader, context: context)
            let caseNodes = fields.value("cases").flatMap { entry.reader.sequence($0, key: fields.key("cases")) } ?? []
            let cases = caseNodes.compactMap { node -> Floor.Unverified.Case? in
                guard let item = entry.reader.fields(node, path: fields.key("cases")) else { return nil }
                let when = conditions.read(item.required("when"), key: item.key("when"), allowProfiles: true)
                let text = item.string("confirm")
                item.finish()
                guard let when, let text else { return nil }
                return Floor.Unverified.Case(when: when, confirm: text)
            }
            fields.finish()
            context.referStack(stack, at: entry.reader.location(map.keyNode(stack)), key: map.key(stack))
            guard let reason, let confirm else { return nil }
            return Floor.Unverified(stack: stack, reason: reason, confirm: confirm, cases: cases)
        }
        map.finish()
        return items.sorted { $0.stack < $1.stack }
    }

    /// `fails: {stack: reason}`; a floor may list only `unverified:` stacks instead.
    private static func floorFailures(_ entry: Fields, context: LoadContext) -> [Floor.Failure] {
        guard let node = entry.value("fails"),
              let map = entry.reader.fields(node, path: entry.key("fails")) else { return [] }
        let failures = map.keys.compactMap { stack -> Floor.Failure? in
            guard let valueNode = map.value(stack),
                  let reason = entry.reader.string(valueNode, key: map.key(stack)) else { return nil }
            context.referStack(stack, at: entry.reader.location(map.keyNode(stack)), key: map.key(stack))
            return Floor.Failure(stack: stack, reason: reason)
        }
        map.finish()
        return failures.sorted { $0.stack < $1.stack }
    }
}

/// Reads `when:` conditions, checking every question id and value against the questionnaire.
struct ConditionReader {
    let reader: YAMLReader
    let context: LoadContext

    /// nil node means "always"; nil result means the condition had errors (already reported).
    func read(_ node: Node?, key: String, allowProfiles: Bool) -> Condition? {
        guard let node else { return .always }
        guard let fields = reader.fields(node, path: key) else { return nil }
        var parts: [Condition] = []
        var failed = false
        for name in fields.keys {
            guard let value = fields.value(name) else { continue }
            let part: Condition?
            switch name {
            case "any", "all":
                let items = reader.sequence(value, key: fields.key(name)) ?? []
                let inner = items.map { read($0, key: fields.key(name), allowProfiles: allowProfiles) }
                part = inner.contains(where: { $0 == nil }) ? nil
                    : name == "any" ? .any(inner.compactMap { $0 }) : .all(inner.compactMap { $0 })
            case "not":
                part = read(value, key: fields.key(name), allowProfiles: allowProfiles).map(Condition.not)
            case "profile":
                if !allowProfiles {
                    reader.error(value, key: fields.key(name), "a profile cannot depend on another profile")
                    part = nil
                } else {
                    part = reader.string(value, key: fields.key(name)).map { id in
                        context.referProfile(id, at: reader.location(value), key: fields.key(name))
                        return Condition.profile(id)
                    }
                }
            default:
                part = answerCondition(question: name, value: value, keyNode: fields.keyNode(name), key: fields.key(name))
            }
            if let part { parts.append(part) } else { failed = true }
        }
        fields.finish()
        if failed { return nil }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private func answerCondition(question id: String, value: Node, keyNode: Node?, key: String) -> Condition? {
        guard let question = context.questionnaire.question(id) else {
            reader.error(keyNode, key: key, "'\(id)' is not a question in Screens/questionnaire.yaml",
                         expected: "a question id such as identity.provider",
                         suggestion: DidYouMean.suggestion(for: id, among: context.questionnaire.questions.map(\.id)))
            return nil
        }
        guard [.choice, .boolean, .integer, .number].contains(question.kind) else {
            reader.error(keyNode, key: key, "'\(id)' is a \(question.kind.rawValue) question; rules can only test choices, flags and numbers")
            return nil
        }
        switch value {
        case .sequence(let items):
            let values = items.map { AnswerReading.value($0, for: question, key: key, reader: reader) }
            return values.contains(where: { $0 == nil }) ? nil : .oneOf(id, values.compactMap { $0 })
        case .mapping:
            guard question.kind == .integer || question.kind == .number,
                  let comparison = reader.fields(value, path: key) else {
                reader.error(value, key: key, "compares a question that is not a number")
                return nil
            }
            let below = comparison.value("below").flatMap { reader.number($0, key: comparison.key("below")) }
            let atLeast = comparison.value("at_least").flatMap { reader.number($0, key: comparison.key("at_least")) }
            comparison.finish()
            if let below { return .below(id, below) }
            if let atLeast { return .atLeast(id, atLeast) }
            reader.error(value, key: key, "has no comparison", expected: "below: N or at_least: N")
            return nil
        default:
            return AnswerReading.value(value, for: question, key: key, reader: reader).map { .equals(id, $0) }
        }
    }
}
