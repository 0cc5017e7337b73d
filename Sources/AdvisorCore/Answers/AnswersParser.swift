import Yams

/// Reads an answers file (version 1) against the questionnaire, reporting every problem at once.
public enum AnswersParser {
    /// Answers files larger than this are refused before parsing.
    public static let maxBytes = 1 << 20

    public static func parse(bytes: [UInt8], file: String, questionnaire: Questionnaire) throws(DiagnosticError) -> Answers {
        if bytes.count > maxBytes {
            throw DiagnosticError([Diagnostic(SourceLocation(file: file),
                                              "is \(Format.fixed(Double(bytes.count), 0)) bytes",
                                              expected: "an answers file of at most 1 MiB")])
        }
        guard let root = try YAMLDocument.parse(bytes: bytes, file: file, limits: .answers) else {
            throw DiagnosticError([Diagnostic(SourceLocation(file: file, line: 1), "is empty",
                                              expected: "an answers file starting with 'version: 1'")])
        }
        let reader = YAMLReader(file: file)
        var answers = Answers()
        if let fields = reader.fields(root, path: "") {
            readVersion(fields)
            if let node = fields.value("participant"), let name = reader.string(node, key: "participant", maxLength: 80) {
                if let problem = PersonName.problem(name) {
                    reader.error(node, key: "participant", problem.message, expected: problem.expected)
                } else {
                    answers.participant = name
                }
            }
            var sectionKeys: [String: Node] = [:]
            for section in questionnaire.sections {
                sectionKeys[section] = fields.keyNode(section)
                // `model:` with nothing under it is an empty section, not a type error.
                guard let node = fields.value(section), !reader.isNull(node) else { continue }
                readSection(section, node: node, questionnaire: questionnaire, reader: reader, into: &answers)
            }
            fields.finish()
            fillDefaults(questionnaire: questionnaire, root: root, sectionKeys: sectionKeys, reader: reader, into: &answers)
            checkWeights(fields: fields, answers: answers, questionnaire: questionnaire)
        }
        guard reader.diagnostics.isEmpty else { throw DiagnosticError(reader.diagnostics) }
        return answers
    }

    private static func readVersion(_ fields: Fields) {
        guard let node = fields.required("version", expected: "version: \(Answers.currentVersion)"),
              let version = fields.reader.number(node, key: "version") else { return }
        if version != Double(Answers.currentVersion) {
            fields.reader.error(node, key: "version", "\(Format.plain(version)) is not a supported version",
                                expected: "\(Answers.currentVersion)")
        }
    }

    private static func readSection(_ section: String, node: Node, questionnaire: Questionnaire,
                                    reader: YAMLReader, into answers: inout Answers) {
        guard let fields = reader.fields(node, path: section) else { return }
        for question in questionnaire.questions(in: section) {
            guard let valueNode = fields.value(question.key) else { continue }
            if case .mapping = valueNode {
                if let range = AnswerReading.range(valueNode, for: question, key: question.id, reader: reader) {
                    answers.setRange(question.id, range)
                }
            } else if let value = AnswerReading.value(valueNode, for: question, key: question.id, reader: reader) {
                answers.values[question.id] = value
            }
        }
        if section == "decision", let node = fields.value("exclude") {
            answers.exclusions = ExclusionReading.read(node, options: questionnaire.stackOptions, reader: reader)
        }
        for key in fields.keys where questionnaire.question("\(section).\(key)") == nil {
            // A key that belongs to another section is the likeliest mistake; say where it goes.
            if let elsewhere = questionnaire.questions.first(where: { $0.key == key }) {
                reader.error(fields.keyNode(key), key: "\(section).\(key)", "belongs under '\(elsewhere.section):'",
                             expected: "\(elsewhere.section).\(key)")
                _ = fields.value(key)
            }
        }
        fields.finish()
    }

    /// A missing required answer is reported at its section's line, or the top of the file.
    private static func fillDefaults(questionnaire: Questionnaire, root: Node, sectionKeys: [String: Node],
                                     reader: YAMLReader, into answers: inout Answers) {
        for question in questionnaire.questions where answers.values[question.id] == nil {
            // A range with a bad bound was reported under its own key (workload.agents.low); not missing too.
            let reported = reader.diagnostics.contains { $0.key == question.id || $0.key?.hasPrefix(question.id + ".") == true }
            if question.required && !reported {
                reader.error(sectionKeys[question.section] ?? root, key: question.id, "is missing",
                             expected: question.expectation, fix: addLine(question, sectionPresent: sectionKeys[question.section] != nil))
            }
            answers.values[question.id] = question.defaultValue
            answers.defaulted.insert(question.id)
        }
    }

    /// The one line to add, with the questionnaire's default as the example value:
    /// `add under identity:   provider: okta`, saying so when the section itself is missing too.
    static func addLine(_ question: Question, sectionPresent: Bool) -> String {
        "add under \(question.section):\(sectionPresent ? "" : " (a new section)")   \(question.key): \(question.defaultValue.display)"
    }

    /// A positive weight below this share of the largest is almost certainly a slip; zero is how an
    /// axis is switched off.
    public static let minimumWeightShare = 0.001
    /// The smallest positive weight at all: below it products of weights and fits lose precision (four
    /// equal weights of 5e-324 underflow and rank 1, 0.75, 0.5, 0.25), so equal weights could not rank
    /// like the default.
    public static let minimumWeight = 0.001

    /// The weights' problems, for the parser, the wizard and the plain prompts alike: all zero, or a
    /// positive weight too small to count. Each is the weight's question id (nil for the whole set),
    /// what is wrong, and what is expected.
    public static func weightProblems(_ answers: Answers, questionnaire: Questionnaire)
        -> [(question: String?, message: String, expected: String)] {
        let weights = questionnaire.questions(in: "weights")
        guard !weights.isEmpty else { return [] }
        if weights.allSatisfy({ answers.number($0.id) == 0 }) {
            return [(nil, "are all zero", "at least one weight above 0")]
        }
        let largest = weights.map { answers.number($0.id) }.max() ?? 0
        let least = max(minimumWeight, largest * minimumWeightShare)
        return weights.compactMap { weight in
            let value = answers.number(weight.id)
            guard value > 0, value < least else { return nil }
            let below = least == minimumWeight ? "\(Format.plain(minimumWeight)), the smallest weight that counts"
                : "\(minimumWeightShare) of the largest weight (\(Format.plain(largest)))"
            return (weight.id, "is \(Format.plain(value)), positive but below \(below)",
                    "0 to leave the axis out, or at least \(Format.plain(least))")
        }
    }

    private static func checkWeights(fields: Fields, answers: Answers, questionnaire: Questionnaire) {
        let node = fields.value("weights") ?? fields.node
        for problem in weightProblems(answers, questionnaire: questionnaire) {
            fields.reader.error(node, key: problem.question ?? "weights", problem.message, expected: problem.expected)
        }
    }
}
