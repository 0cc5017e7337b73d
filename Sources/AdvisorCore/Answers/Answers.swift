/// A team's answers: one value per question, keyed by question id.
public struct Answers: Hashable, Sendable {
    public static let currentVersion = 1

    public var values: [QuestionID: AnswerValue]
    /// Questions the file left out, filled from the questionnaire's defaults.
    public var defaulted: Set<QuestionID>
    /// Workload numbers given as a range; `values` holds each one's point estimate.
    public var ranges: [QuestionID: ValueRange] = [:]
    /// Who gave these answers, when they are one voice of a team (`participant:` in the file).
    public var participant: String? = nil
    /// Stacks the team ruled out (`decision.exclude`), in the order given.
    public var exclusions: [Exclusion] = []

    public init(values: [QuestionID: AnswerValue] = [:], defaulted: Set<QuestionID> = []) {
        self.values = values
        self.defaulted = defaulted
    }

    /// Every question at its default: where the wizard starts.
    public init(defaultsOf questionnaire: Questionnaire) {
        var values: [QuestionID: AnswerValue] = [:]
        for question in questionnaire.questions { values[question.id] = question.defaultValue }
        self.init(values: values, defaulted: Set(values.keys))
    }

    public subscript(id: QuestionID) -> AnswerValue? {
        get { values[id] }
        set {
            values[id] = newValue
            defaulted.remove(id)
            ranges[id] = nil
        }
    }

    /// Sets a workload number to a range, with its point estimate as the value.
    public mutating func setRange(_ id: QuestionID, _ range: ValueRange) {
        values[id] = .number(range.point)
        defaulted.remove(id)
        ranges[id] = range
    }

    public func number(_ id: QuestionID) -> Double { values[id]?.number ?? 0 }
    public func flag(_ id: QuestionID) -> Bool { values[id]?.flag ?? false }
    public func choice(_ id: QuestionID) -> String? { values[id]?.choice }
    public func text(_ id: QuestionID) -> String? { values[id]?.text }
}

/// A workload number the team can only bound: `{low: 20, high: 60}`, optionally with `likely`.
public struct ValueRange: Hashable, Sendable {
    public var low: Double
    public var high: Double
    public var likely: Double?

    public init(low: Double, high: Double, likely: Double? = nil) {
        self.low = low
        self.high = high
        self.likely = likely
    }

    /// The point estimate: `likely`, else the midpoint.
    public var point: Double { likely ?? (low + high) / 2 }
}
