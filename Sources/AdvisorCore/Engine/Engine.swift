/// The knowledge base and questionnaire compiled for scoring. Every front end (headless run, wizard,
/// decision record, benchmark) calls the same functions on this one value.
public struct Engine: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let questionnaire: Questionnaire
    /// Your prices, when a price book is in use: `stacks` carry its rates, `knowledgeBase` the list's.
    public let priceBook: PriceBook?
    /// The stacks ruled out of everything this engine computes (see `scoped(to:)`).
    public let excluded: Set<StackID>
    /// `knowledgeBase.sha256` as the build worked it out for the built-in knowledge base (set by its
    /// loader): hashing the whole knowledge base was a tenth of a record's instructions.
    public var builtInDigest: String?
    /// The stacks as priced: the knowledge base's less those ruled out, with the price book applied.
    let stacks: [Stack]
    let axes: [Axis]
    let weightPositions: [Int]
    let rules: [CompiledRule]
    /// The knowledge base's floors in id order, then one per stack with a session lifetime.
    let floors: [CompiledFloor]
    let profiles: [Profile]
    let profileConditions: [CompiledCondition]
    /// Per stack (in id order): conditions that make an `extra` unpriced item part of execution, for
    /// the items still unpriced (`executionConditions`) and for every item at list (`listExecutionConditions`).
    let executionConditions: [[(item: String, condition: CompiledCondition)]]
    let listExecutionConditions: [[(item: String, condition: CompiledCondition)]]
    /// Per stack (in id order), per meter, unpriced item and component: when it is part of the stack.
    let meterConditions: [[CompiledCondition]]
    let unpricedConditions: [[CompiledCondition]]
    let componentConditions: [[CompiledCondition]]
    let nameConditions: [[CompiledCondition]]
    /// Vector positions of `Workload.requiredQuestions`, in that order.
    let workloadPositions: [Int]
    /// The `when` of each contested fact, in `knowledgeBase.contested` order.
    let contestedConditions: [CompiledCondition]
    /// The axis cost moves, and by at most how much.
    let costFit: (axis: Int, weight: Double)?

    /// The knowledge base's SHA-256, `knowledge-base-sha256` in a record's front matter.
    public var knowledgeBaseSHA256: String { builtInDigest ?? knowledgeBase.sha256 }

    struct CompiledRule: Sendable {
        let rule: Rule
        let axis: Int
        let condition: CompiledCondition
        let adjustments: [(stack: Int, delta: Double)]
    }

    struct CompiledFloor: Sendable {
        let floor: Floor
        let condition: CompiledCondition
        let failing: [(stack: Int, reason: String)]
        let unverified: [(stack: Int, reason: String, confirm: String)]
        /// Per unverified stack (same order): answers that name what to confirm more precisely.
        var cases: [[(condition: CompiledCondition, confirm: String)]] = []

        /// What `unverified[item]` must confirm for an answer set.
        func confirm(_ item: Int, _ vector: AnswerVector) -> String {
            guard item < cases.count else { return unverified[item].confirm }
            return cases[item].first { $0.condition.holds(vector) }?.confirm ?? unverified[item].confirm
        }
    }

    /// `prices` must have been read against this knowledge base (`PriceBookParser`). `excluding` names
    /// stacks left out of every ranking, cost and search (unknown ids are ignored).
    public init(knowledgeBase: KnowledgeBase, questionnaire: Questionnaire, prices: PriceBook? = nil,
                excluding: Set<StackID> = []) throws(DiagnosticError) {
        let missing = Workload.requiredQuestions.filter { id in
            let kind = questionnaire.question(id)?.kind
            return kind != .number && kind != .integer
        }
        guard missing.isEmpty else {
            throw DiagnosticError(missing.map {
                Diagnostic(SourceLocation(file: "Screens/questionnaire.yaml"), key: $0,
                           "is missing: the cost model needs this number question")
            })
        }
        self.knowledgeBase = knowledgeBase
        let allStacks = knowledgeBase.stacks.sorted { $0.id < $1.id }
        var questionnaire = questionnaire
        questionnaire.stackOptions = allStacks.map { AnswerOption(value: $0.id, label: $0.name, help: $0.short) }
        self.questionnaire = questionnaire
        priceBook = prices
        excluded = excluding.intersection(allStacks.map(\.id))
        let listStacks = allStacks.filter { !excluding.contains($0.id) }
        stacks = prices?.apply(to: listStacks) ?? listStacks
        axes = knowledgeBase.axes
        weightPositions = axes.map { questionnaire.position(of: "weights.\($0.id)") ?? 0 }
        let profileByID = Dictionary(knowledgeBase.profiles.map { ($0.id, $0.condition) },
                                           uniquingKeysWith: { a, _ in a })
        let stackIndex = Dictionary(stacks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let axisIndex = Dictionary(axes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        rules = knowledgeBase.rules.sorted { $0.id < $1.id }.map { rule in
            CompiledRule(rule: rule, axis: axisIndex[rule.axis] ?? 0,
                         condition: questionnaire.compile(rule.condition, profiles: profileByID),
                         adjustments: rule.adjust.compactMap { adjustment in
                             stackIndex[adjustment.stack].map { ($0, adjustment.delta) }
                         })
        }
        var floors = knowledgeBase.floors.sorted { $0.id < $1.id }.map { floor in
            let known = floor.unverified.filter { stackIndex[$0.stack] != nil }
            return CompiledFloor(floor: floor, condition: questionnaire.compile(floor.condition, profiles: profileByID),
                                 failing: floor.failures.compactMap { failure in
                                     stackIndex[failure.stack].map { ($0, failure.reason) }
                                 },
                                 unverified: known.map { (stackIndex[$0.stack]!, $0.reason, $0.confirm) },
                                 cases: known.map { item in
                                     item.cases.map { (questionnaire.compile($0.when, profiles: profileByID), $0.confirm) }
                                 })
        }
        floors += Self.lifetimeFloors(stacks, minutes: questionnaire.position(of: "workload.session_minutes") ?? 0)
        self.floors = floors
        profiles = knowledgeBase.profiles
        self.profileConditions = profiles.map { questionnaire.compile($0.condition, profiles: [:]) }
        listExecutionConditions = listStacks.map { stack in
            stack.notModelled.compactMap { item in
                item.executionWhen.map { (item.id, questionnaire.compile($0, profiles: profileByID)) }
            }
        }
        executionConditions = zip(stacks, listExecutionConditions).map { stack, conditions in
            conditions.filter { condition in stack.notModelled.contains { $0.id == condition.item } }
        }
        func compiled(_ condition: Condition?) -> CompiledCondition {
            condition.map { questionnaire.compile($0, profiles: profileByID) } ?? .always
        }
        meterConditions = stacks.map { $0.meters.map { compiled($0.when) } }
        unpricedConditions = stacks.map { $0.notModelled.map { compiled($0.when) } }
        componentConditions = stacks.map { $0.components.map { compiled($0.when) } }
        nameConditions = stacks.map { $0.names.map { compiled($0.when) } }
        contestedConditions = knowledgeBase.contested.map { questionnaire.compile($0.condition, profiles: profileByID) }
        workloadPositions = Workload.requiredQuestions.map { questionnaire.position(of: $0) ?? 0 }
        costFit = knowledgeBase.meta.costFit.flatMap { fit in axisIndex[fit.axis].map { ($0, fit.weight) } }
    }

    /// One floor per stack with a documented session lifetime: a longer session leaves the stack
    /// unverified, so recommending it is conditional on raising the limit, with a fallback that has none.
    static func lifetimeFloors(_ stacks: [Stack], minutes position: Int) -> [CompiledFloor] {
        stacks.enumerated().compactMap { index, stack in
            guard let limit = stack.sessionLimit else { return nil }
            let hours = Format.plain(limit.minutes / 60)
            let because = Cited(text: "\(stack.name) caps a session's compute lifetime at about \(Format.plain(limit.minutes)) "
                                + "minutes (\(hours) hours) by default; a longer session must be split, resumed, or run under a raised limit.",
                                sources: limit.sources, asOf: stack.asOf)
            let reason = "sessions as long as yours exceed its maximum compute lifetime of about "
                + "\(Format.plain(limit.minutes)) minutes (\(hours) hours) per session."
            let confirm = "Confirm with \(stack.vendor) that the session limit can be raised to your session length, or "
                + "that the work can be split across sessions and resumed."
            let floor = Floor(id: "session-lifetime-\(stack.id)", axis: "sandbox", condition: .always, failures: [],
                              unverified: [.init(stack: stack.id, reason: reason, confirm: confirm)], because: because,
                              name: "session lifetime")
            return CompiledFloor(floor: floor, condition: .above(position, limit.minutes), failing: [],
                                 unverified: [(index, reason, confirm)])
        }
    }

    public var stackIDs: [StackID] { stacks.map(\.id) }

    /// The same knowledge base and questionnaire with another price book (nil: list prices).
    public func pricing(_ prices: PriceBook?) -> Engine {
        // The questionnaire was accepted once already, so the check in init cannot fail here.
        (try? Engine(knowledgeBase: knowledgeBase, questionnaire: questionnaire, prices: prices, excluding: excluded))
            .map { $0.keepingDigest(of: self) } ?? self
    }

    /// `engine` with this one's built-in digest: the same knowledge base, priced or scoped otherwise.
    func keepingDigest(of engine: Engine) -> Engine {
        var copy = self
        copy.builtInDigest = engine.builtInDigest
        return copy
    }

    /// The stack's meters that bill for an answer set; without one, those that always bill.
    func meters(_ stack: Int, _ vector: AnswerVector?) -> [Meter] {
        zip(stacks[stack].meters, meterConditions[stack]).compactMap { meter, condition in
            holds(condition, vector) ? meter : nil
        }
    }

    /// The stack's unpriced items that belong to it for an answer set.
    func unpriced(_ stack: Int, _ vector: AnswerVector?) -> [UnpricedItem] {
        zip(stacks[stack].notModelled, unpricedConditions[stack]).compactMap { item, condition in
            holds(condition, vector) ? item : nil
        }
    }

    /// The stack's components for these answers: Agent 365 names the runtime underneath it once the team says which.
    public func components(_ stack: StackID, answers: Answers) -> [Component] {
        guard let index = stacks.firstIndex(where: { $0.id == stack }) else { return [] }
        let vector = questionnaire.vector(answers)
        return zip(stacks[index].components, componentConditions[index]).compactMap { component, condition in
            condition.holds(vector) ? component : nil
        }
    }

    /// The stack's name for these answers: "Microsoft Agent 365 with Microsoft Foundry" once the team says
    /// what runs underneath; otherwise its usual name.
    public func stackName(_ stack: StackID, answers: Answers) -> String {
        guard let index = stacks.firstIndex(where: { $0.id == stack }) else { return stack }
        let vector = questionnaire.vector(answers)
        return zip(stacks[index].names, nameConditions[index]).first { $0.1.holds(vector) }?.0.name ?? stacks[index].name
    }

    private func holds(_ condition: CompiledCondition, _ vector: AnswerVector?) -> Bool {
        guard let vector else { if case .always = condition { return true } else { return false } }
        return condition.holds(vector)
    }

    /// The workload numbers of an answer vector.
    func workload(_ vector: AnswerVector) -> Workload {
        Workload(monthHours: knowledgeBase.meta.monthHours) { vector.values[workloadPositions[$0]] }
    }
    public var axisIDs: [AxisID] { axes.map(\.id) }
}
