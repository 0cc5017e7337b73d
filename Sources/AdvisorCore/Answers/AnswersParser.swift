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
            if let node = fields.value("participant") {
                answers.participant = reader.string(node, key: "participant", maxLength: 80)
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

    /// A positive weight below this share of the largest is almost certainly a slip (a denormal such
    /// as 5e-324 ranks nonsense); zero is how an axis is switched off.
    public static let minimumWeightShare = 0.001

    /// Weights are relative, so all-zero weights leave nothing to rank by, and a positive weight too
    /// small to matter against the largest is refused.
    private static func checkWeights(fields: Fields, answers: Answers, questionnaire: Questionnaire) {
        let weights = questionnaire.questions(in: "weights")
        guard !weights.isEmpty else { return }
        let node = fields.value("weights") ?? fields.node
        if weights.allSatisfy({ answers.number($0.id) == 0 }) {
            fields.reader.error(node, key: "weights", "are all zero", expected: "at least one weight above 0")
            return
        }
        let largest = weights.map { answers.number($0.id) }.max() ?? 0
        for weight in weights {
            let value = answers.number(weight.id)
            guard value > 0, value < largest * minimumWeightShare else { continue }
            fields.reader.error(node, key: weight.id,
                                "is \(value), positive but below \(minimumWeightShare) of the largest weight (\(Format.plain(largest)))",
                                expected: "0 to leave the axis out, or at least \(Format.plain(largest * minimumWeightShare))")
        }
    }
}
