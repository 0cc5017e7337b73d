/// One of the four decision axes.
public struct Axis: Hashable, Sendable, Identifiable {
    public var id: AxisID
    public var name: String
    public var summary: Cited
    /// The fit every stack starts from before rules move it.
    public var neutral: Double
}

/// When a rule, floor or profile applies, in terms of answers.
public indirect enum Condition: Hashable, Sendable {
    case always
    case equals(QuestionID, AnswerValue)
    case oneOf(QuestionID, [AnswerValue])
    case below(QuestionID, Double)
    case atLeast(QuestionID, Double)
    case profile(String)
    case any([Condition])
    case all([Condition])
    case not(Condition)
}

/// One of the scout's organisational profiles.
public struct Profile: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var condition: Condition
    public var advice: Cited
}

/// Moves some stacks' fit on one axis when its condition holds.
public struct Rule: Hashable, Sendable, Identifiable {
    public var id: String
    public var axis: AxisID
    public var condition: Condition
    /// Adjustments by stack, in stack-id order.
    public var adjust: [Adjustment]
    public var because: Cited

    public struct Adjustment: Hashable, Sendable {
        public var stack: StackID
        public var delta: Double
    }
}

/// A hard requirement: a stack that fails it is flagged and ranked after every stack that meets it.
public struct Floor: Hashable, Sendable, Identifiable {
    public var id: String
    public var axis: AxisID
    public var condition: Condition
    /// Stacks that fail, with the reason for each, in stack-id order.
    public var failures: [Failure]
    public var because: Cited

    public struct Failure: Hashable, Sendable {
        public var stack: StackID
        public var reason: String
    }
}

public enum RiskSeverity: String, CaseIterable, Sendable, Comparable {
    case high, medium, low

    public static func < (a: RiskSeverity, b: RiskSeverity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// An open question or risk of the scout, attached to the stacks it affects.
public struct Risk: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var kind: String
    public var severity: RiskSeverity
    public var stacks: [StackID]
    public var statement: Cited
    /// What the team should confirm before committing.
    public var check: String

    public static let kinds = ["pricing", "licensing", "isolation", "identity", "operations", "model", "roadmap",
                               "observability", "cost"]
}
