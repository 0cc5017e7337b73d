/// How a question is answered.
public enum QuestionKind: String, CaseIterable, Sendable {
    case choice, boolean, integer, number, text, list
}

public struct AnswerOption: Hashable, Sendable {
    public var value: String
    public var label: String
    public var help: String?
}

/// One question of the questionnaire. Its id is also its place in the answers file:
/// `workload.agents` is the key `agents` under `workload:`.
public struct Question: Hashable, Sendable, Identifiable {
    public var id: QuestionID
    public var text: String
    public var help: String
    public var kind: QuestionKind
    public var options: [AnswerOption]
    public var minimum: Double?
    public var maximum: Double?
    /// How far Left/Right moves a number in the wizard.
    public var step: Double?
    public var unit: String?
    public var maxLength: Int?
    public var defaultValue: AnswerValue
    /// A required question has no silent default in an answers file.
    public var required: Bool
    /// Which axes (or `costs`, `profile`, `record`) the answer feeds.
    public var feeds: [String]
    public var sources: [SourceID]
    /// A short name for prose, such as "identity provider"; nil falls back to the key in words.
    public var shortLabel: String? = nil
    /// Asked only when one of these earlier choice answers holds (any of them); empty means always.
    /// The runtime under Agent 365 is asked of Entra or Azure teams only; others keep its default.
    public var askedWhen: [AskedWhen] = []

    public struct AskedWhen: Hashable, Sendable {
        public var question: QuestionID
        public var values: [String]
    }

    /// Whether the wizard and the plain prompts ask it, given the answers so far.
    public func isAsked(given answers: Answers) -> Bool {
        askedWhen.isEmpty || askedWhen.contains { condition in
            answers.choice(condition.question).map(condition.values.contains) ?? false
        }
    }

    /// How a sentence names the question: "identity provider", not `identity.provider`.
    public var label: String { shortLabel ?? key.replacingOccurrences(of: "_", with: " ") }

    /// An answer in the words the questionnaire uses: an option's label, yes or no, a number with its unit.
    public func describe(_ value: AnswerValue) -> String {
        switch value {
        case .choice(let choice): return option(choice)?.label ?? choice
        case .flag(let flag): return flag ? "yes" : "no"
        case .number(let number): return Format.plain(number) + (unit.map { " " + $0 } ?? "")
        case .text(let text): return text
        case .list(let items): return items.joined(separator: ", ")
        }
    }

    /// The id's first part: `workload` in `workload.agents`.
    public var section: String { String(id[sectionRange]) }

    /// The rest of the id: `agents` in `workload.agents`. Both read the id as `split(separator: ".")`
    /// does (empty parts dropped) without building its parts: these are asked for on every question,
    /// many times a run.
    public var key: String {
        var rest = id[sectionRange.upperBound...]
        while rest.first == "." { rest = rest.dropFirst() }
        while rest.last == "." { rest = rest.dropLast() }
        guard !zip(rest, rest.dropFirst()).contains(where: { $0 == "." && $1 == "." }) else {
            return rest.split(separator: ".").joined(separator: ".")
        }
        return String(rest)
    }

    private var sectionRange: Range<String.Index> {
        var start = id.startIndex
        while start < id.endIndex, id[start] == "." { start = id.index(after: start) }
        return start..<(id[start...].firstIndex(of: ".") ?? id.endIndex)
    }

    public func option(_ value: String) -> AnswerOption? { options.first { $0.value == value } }

    /// What a valid answer looks like, for error messages and the JSON Schema.
    public var expectation: String {
        switch kind {
        case .choice: return options.map(\.value).joined(separator: " | ")
        case .boolean: return "true or false"
        case .integer, .number:
            let whole = kind == .integer ? "a whole number" : "a number"
            return "\(whole) from \(Format.plain(minimum ?? 0)) to \(Format.plain(maximum ?? 0))"
        case .text: return "text of at most \(maxLength ?? 200) characters"
        case .list: return "a list of texts"
        }
    }
}

/// A page of the wizard: one part of the questionnaire.
public struct Step: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var intro: String
    public var questions: [QuestionID]
}

/// Every question, in order, grouped into steps. Read from Screens/questionnaire.yaml.
public struct Questionnaire: Hashable, Sendable {
    public var version: Int
    public var steps: [Step]
    public var questions: [Question]
    /// The stacks an answers file may rule out (`decision.exclude`): the knowledge base's, by id
    /// (`value`) and name (`label`, and the short name as `help`), set when an engine is built; empty
    /// for a questionnaire on its own, which then accepts no exclusion.
    public internal(set) var stackOptions: [AnswerOption] = []
    private var index: [QuestionID: Int]
    /// Sections in order of first appearance, and each one's questions' positions: asked for many
    /// times a run (reading answers, writing them, the wizard), so worked out once, like `index`.
    public private(set) var sections: [String]
    private var sectionPositions: [String: [Int]]

    public init(version: Int, steps: [Step], questions: [Question]) {
        self.version = version
        self.steps = steps
        self.questions = questions
        self.index = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var sections: [String] = []
        var positions: [String: [Int]] = [:]
        for (position, question) in questions.enumerated() {
            let section = question.section
            if positions[section] == nil { sections.append(section) }
            positions[section, default: []].append(position)
        }
        self.sections = sections
        self.sectionPositions = positions
    }

    public func question(_ id: QuestionID) -> Question? { index[id].map { questions[$0] } }
    public func position(of id: QuestionID) -> Int? { index[id] }
    public func questions(in section: String) -> [Question] { (sectionPositions[section] ?? []).map { questions[$0] } }
}
