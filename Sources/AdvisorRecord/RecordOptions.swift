import AdvisorCore

/// What a record needs beyond the advice: its date and what it supersedes.
public struct RecordOptions: Sendable {
    /// The record's date: `--today`, or today in UTC.
    public var date: Day
    public var supersedes: SupersededRecord?
    public var toolVersion: String

    public init(date: Day, supersedes: SupersededRecord? = nil, toolVersion: String = ToolVersion.current) {
        self.date = date
        self.supersedes = supersedes
        self.toolVersion = toolVersion
    }
}

/// The record a new one replaces: its ADR number (from its file name) and its file name.
public struct SupersededRecord: Hashable, Sendable {
    public var number: Int?
    public var fileName: String

    public init(number: Int?, fileName: String) {
        self.number = number
        self.fileName = fileName
    }

    /// `ADR-0001`, or the file name when it carries no number.
    public var label: String { number.map(ADRFolder.label) ?? fileName }
}

/// Fingerprints the record keeps so a re-check can tell what changed.
public enum RecordFingerprint {
    /// The first 16 hex digits of a SHA-256 over a stack's facts (id, stance and text, in order).
    public static func facts(_ stack: Stack) -> String {
        let lines = stack.facts.map { "\($0.id)\t\($0.stance.rawValue)\t\($0.statement.text)\n" }.joined()
        return String(SHA256.hex(lines).prefix(16))
    }

    /// The answers as an answers file for the record's fenced block: every answer, defaults included,
    /// so the record does not depend on the questionnaire's defaults staying the same. `markDefaults`
    /// ends a defaulted answer's line in `# default`, which `RecordedDecision.answers` reads back.
    public static func answersFile(_ answers: Answers, questionnaire: Questionnaire, markDefaults: Bool = false) -> String {
        AnswersWriter.yaml(answers, questionnaire: questionnaire, markDefaults: markDefaults)
    }
}
