/// The knowledge base and questionnaire compiled for scoring. Every front end (headless run, wizard,
/// decision record, benchmark) calls the same functions on this one value.
public struct Engine: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let questionnaire: Questionnaire
    let stacks: [Stack]
    let axes: [Axis]
    let weightPositions: [Int]
    let rules: [CompiledRule]
    let floors: [CompiledFloor]
    let profiles: [Profile]
    let profileConditions: [CompiledCondition]
    /// Per stack (in id order): conditions that make an `extra` unpriced item part of execution.
    let executionConditions: [[(item: String, condition: CompiledCondition)]]
    /// Per stack: true when the knowledge base prices at least one of its meters.
    let priced: [Bool]
    /// Per stack: true when part of running the agents is never priced, whatever the answers.
    let executionUnpriced: [Bool]
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

    public init(knowledgeBase: KnowledgeBase, questionnaire: Questionnaire) throws(DiagnosticError) {
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
        self.questionnaire = questionnaire
        stacks = knowledgeBase.stacks.sorted { $0.id < $1.id }
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
        executionConditions = stacks.map { stack in
            stack.notModelled.compactMap { item in
                item.executionWhen.map { (item.id, questionnaire.compile($0, profiles: profileByID)) }
            }
        }
        priced = stacks.map { !$0.meters.isEmpty }
        executionUnpriced = stacks.map { stack in stack.notModelled.contains { $0.scope == .execution } }
        contestedConditions = knowledgeBase.contested.map { questionnaire.compile($0.condition, profiles: profileByID) }
        workloadPositions = Workload.requiredQuestions.map { questionnaire.position(of: $0) ?? 0 }
        costFit = knowledgeBase.meta.costFit.flatMap { fit in axisIndex[fit.axis].map { ($0, fit.weight) } }
    }

    public var stackIDs: [StackID] { stacks.map(\.id) }

    /// The workload numbers of an answer vector.
    func workload(_ vector: AnswerVector) -> Workload {
        Workload(monthHours: knowledgeBase.meta.monthHours) { vector.values[workloadPositions[$0]] }
    }
    public var axisIDs: [AxisID] { axes.map(\.id) }
}
