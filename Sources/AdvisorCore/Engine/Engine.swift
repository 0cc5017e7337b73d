/// The knowledge base and questionnaire compiled for scoring. Every front end (headless run, wizard,
/// decision record, benchmark) calls the same functions on this one value.
public struct Engine: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let questionnaire: Questionnaire
    /// Your prices, when a price book is in use: `stacks` carry its rates, `knowledgeBase` the list's.
    public let priceBook: PriceBook?
    /// The stacks ruled out of everything this engine computes (see `scoped(to:)`).
    public let excluded: Set<StackID>
    /// The stacks as priced: the knowledge base's less those ruled out, with the price book applied.
    let stacks: [Stack]
    let axes: [Axis]
    let weightPositions: [Int]
    let rules: [CompiledRule]
    let floors: [CompiledFloor]
    let profiles: [Profile]
    let profileConditions: [CompiledCondition]
    /// Per stack (in id order): conditions that make an `extra` unpriced item part of execution, for
    /// the items still unpriced (`executionConditions`) and for every item at list (`listExecutionConditions`).
    let executionConditions: [[(item: String, condition: CompiledCondition)]]
    let listExecutionConditions: [[(item: String, condition: CompiledCondition)]]
    /// Vector positions of `Workload.requiredQuestions`, in that order.
    let workloadPositions: [Int]
    /// The `when` of each contested fact, in `knowledgeBase.contested` order.
    let contestedConditions: [CompiledCondition]
    /// The axis cost moves, and by at most how much.
    let costFit: (axis: Int, weight: Double)?

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
        floors = knowledgeBase.floors.sorted { $0.id < $1.id }.map { floor in
            CompiledFloor(floor: floor, condition: questionnaire.compile(floor.condition, profiles: profileByID),
                          failing: floor.failures.compactMap { failure in
                              stackIndex[failure.stack].map { ($0, failure.reason) }
                          },
                          unverified: floor.unverified.compactMap { item in
                              stackIndex[item.stack].map { ($0, item.reason, item.confirm) }
                          })
        }
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
        contestedConditions = knowledgeBase.contested.map { questionnaire.compile($0.condition, profiles: profileByID) }
        workloadPositions = Workload.requiredQuestions.map { questionnaire.position(of: $0) ?? 0 }
        costFit = knowledgeBase.meta.costFit.flatMap { fit in axisIndex[fit.axis].map { ($0, fit.weight) } }
    }

    public var stackIDs: [StackID] { stacks.map(\.id) }

    /// The same knowledge base and questionnaire with another price book (nil: list prices).
    public func pricing(_ prices: PriceBook?) -> Engine {
        // The questionnaire was accepted once already, so the check in init cannot fail here.
        (try? Engine(knowledgeBase: knowledgeBase, questionnaire: questionnaire, prices: prices, excluding: excluded)) ?? self
    }

    /// The workload numbers of an answer vector.
    func workload(_ vector: AnswerVector) -> Workload {
        Workload(monthHours: knowledgeBase.meta.monthHours) { vector.values[workloadPositions[$0]] }
    }
    public var axisIDs: [AxisID] { axes.map(\.id) }
}
