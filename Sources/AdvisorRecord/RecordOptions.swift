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

/// The record a new one replaces: its ADR number (from its file name), its file name (a link from
/// the new record's folder), and what a reader needs to find it and know why it was replaced.
public struct SupersededRecord: Hashable, Sendable {
    public var number: Int?
    public var fileName: String
    /// The old record's title, as its `# ` line has it (Markdown).
    public var title: String?
    /// The old record's folder when it is not the new record's: another folder's ADR-0001 is not this one's.
    public var folder: String?
    /// Why it was superseded, from re-checking it (one paragraph of plain text).
    public var why: String?

    public init(number: Int?, fileName: String, title: String? = nil, folder: String? = nil, why: String? = nil) {
        self.number = number
        self.fileName = fileName
        self.title = title
        self.folder = folder
        self.why = why
    }

    /// `ADR-0001`, or the file name when it carries no number.
    public var label: String { number.map(ADRFolder.label) ?? fileName }

    /// `ADR-0001 in docs/old: Old title`: the label, the folder when it differs, the title (Markdown).
    public var linkText: String {
        MarkdownText.escape(label + (folder.map { " in \($0)" } ?? "")) + (title.map { ": " + $0 } ?? "")
    }
}

/// Fingerprints the record keeps so a re-check can tell what changed.
public enum RecordFingerprint {
    /// The first 16 hex digits of a SHA-256 over a stack's facts (id, stance and text, in order).
    public static func facts(_ stack: Stack) -> String {
        let lines = stack.facts.map { "\($0.id)\t\($0.stance.rawValue)\t\($0.statement.text)\n" }.joined()
        return String(SHA256.hex(lines).prefix(16))
    }

    /// `{identity: 1.0000, …, cost: -0.0120}`: each axis's fit and the cost term, to four places.
    public static func fits(_ score: StackScore?) -> String {
        guard let score else { return "{}" }
        let axes = score.axes.map { "\($0.axis): \(Format.fixed($0.fit, 4, grouping: false))" }
        let cost = score.axes.compactMap(\.costAdjustment).reduce(0, +)
        return "{" + (axes + ["cost: \(Format.fixed(cost, 4, grouping: false))"]).joined(separator: ", ") + "}"
    }

    /// `{"aws-vcpu": 0.0895, "aws-memory": 0.00945}`: each meter's rate as the knowledge base prices it.
    public static func rates(_ stack: Stack?) -> String {
        "{" + (stack?.meters ?? []).map { "\(YAMLText.quoted($0.id)): \(decimal($0.rate))" }.joined(separator: ", ") + "}"
    }

    /// A rate as a plain decimal, never an exponent (YAML readers differ on `1e-06`): `0.00945`.
    static func decimal(_ value: Double) -> String {
        var text = Format.fixed(value, 10, grouping: false)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// `{"identity-idp-aws-iam": "0123abcd"}` for the rules that applied.
    public static func rules(_ ids: [String], in knowledgeBase: KnowledgeBase) -> String {
        "{" + ids.compactMap { id in knowledgeBase.rules.first { $0.id == id }.map { "\(YAMLText.quoted(id)): \(YAMLText.quoted($0.fingerprint))" } }
            .joined(separator: ", ") + "}"
    }

    /// The answers as an answers file for the record's fenced block: every answer, defaults included,
    /// so the record does not depend on the questionnaire's defaults staying the same. `markDefaults`
    /// ends a defaulted answer's line in `# default`, which `RecordedDecision.answers` reads back.
    public static func answersFile(_ answers: Answers, questionnaire: Questionnaire, markDefaults: Bool = false) -> String {
        AnswersWriter.yaml(answers, questionnaire: questionnaire, markDefaults: markDefaults)
    }
}
