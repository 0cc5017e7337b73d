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
        /// Why the rule moves this stack: the rule's `because` when it moves one stack, else its own `why`.
        public var why: String
    }
}

/// A hard requirement. A stack a source says is not appropriate fails it and ranks after every stack
/// that does not; a stack whose mechanism is undisclosed or depends on what runs underneath is
/// unverified: it keeps its place, and a recommendation of it is conditional on confirming the floor.
public struct Floor: Hashable, Sendable, Identifiable {
    public var id: String
    public var axis: AxisID
    public var condition: Condition
    /// Stacks that fail, with the reason for each, in stack-id order.
    public var failures: [Failure]
    /// Stacks that may meet it once the team confirms something, in stack-id order.
    public var unverified: [Unverified]
    public var because: Cited
    /// How sentences name it ("data residency floor"); nil reads "the <axis> floor".
    public var name: String? = nil

    public struct Failure: Hashable, Sendable {
        public var stack: StackID
        public var reason: String
    }

    public struct Unverified: Hashable, Sendable {
        public var stack: StackID
        public var reason: String
        /// What the team must confirm before relying on this stack for the floor.
        public var confirm: String
        /// Answers that make the confirmation more precise: the first that holds replaces `confirm`.
        public var cases: [Case] = []

        public struct Case: Hashable, Sendable {
            public var when: Condition
            public var confirm: String
        }
    }
}

/// Whether a stack meets a floor that applies to the answers.
public enum FloorStatus: String, CaseIterable, Sendable {
    case met, unverified, failed
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
    /// Something the scout expected by a date: once the date has passed, the risk says so.
    public var expected: Expectation? = nil

    /// `expected: {what: "a repricing in Q3 2026", by: 2026-09-30, then: "check the current price"}`.
    public struct Expectation: Hashable, Sendable {
        public var what: String
        public var by: Day
        /// What to do once the date has passed, replacing the risk's check.
        public var then: String
    }

    /// The risk as it reads on `today`: past its expected date, the text says the date has passed and
    /// the check becomes what to do now.
    public func aged(on today: Day) -> Risk {
        guard let expected, today > expected.by else { return self }
        var risk = self
        risk.statement.text += " The scout expected \(expected.what); that date has passed: \(expected.then)."
        risk.check = expected.then.prefix(1).uppercased() + expected.then.dropFirst() + "."
        return risk
    }

    public static let kinds = ["pricing", "licensing", "isolation", "identity", "operations", "model", "roadmap",
                               "observability", "cost"]
}

/// Where one of the scout's profiles decides the answer outright: the answer sets it covers, the
/// stacks the scout names there, and the parts left out because the scout's own axes disagree.
/// `kb lint` reports the share of this ground the named stacks win.
public struct HomeGround: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var condition: Condition
    public var expect: [StackID]
    public var exclusions: [Exclusion]
    /// The scout's sentence that decides it.
    public var decides: Cited

    public struct Exclusion: Hashable, Sendable {
        public var condition: Condition
        public var why: String
    }
}

/// A fact the sources state two ways. The ranking uses the first reading; both are shown.
public struct Contested: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var stacks: [StackID]
    public var condition: Condition
    public var readings: [Cited]
    /// How the knowledge base scores it, and what would change under the other reading.
    public var scored: String
    /// Meters whose `alternative` is the other reading: priced together under it, they show whether
    /// the winner's lead depends on which reading holds.
    public var meters: [String] = []
}
