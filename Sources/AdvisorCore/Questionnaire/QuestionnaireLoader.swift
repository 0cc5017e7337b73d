import Yams

/// Reads Screens/questionnaire.yaml into a validated `Questionnaire`.
public enum QuestionnaireLoader {
    public static func load(bytes: [UInt8], file: String) throws(DiagnosticError) -> Questionnaire {
        guard let root = try YAMLDocument.parse(bytes: bytes, file: file, limits: .knowledgeBase) else {
            throw DiagnosticError([Diagnostic(SourceLocation(file: file), "is empty", expected: "a questionnaire")])
        }
        let reader = YAMLReader(file: file)
        var steps: [Step] = []
        var questions: [Question] = []
        var version = 1
        if let fields = reader.fields(root, path: "") {
            version = Int(fields.number("version", atLeast: 1) ?? 1)
            for stepNode in fields.required("steps").flatMap({ reader.sequence($0, key: "steps") }) ?? [] {
                guard let step = readStep(stepNode, reader: reader) else { continue }
                steps.append(step.step)
                questions += step.questions
            }
            fields.finish()
        }
        checkUnique(questions.map { ($0.id, "question") } + steps.map { ($0.id, "step") }, root: root, reader: reader)
        checkAskedWhen(questions, root: root, reader: reader)
        guard reader.diagnostics.isEmpty else { throw DiagnosticError(reader.diagnostics) }
        return Questionnaire(version: version, steps: steps, questions: questions)
    }

    /// `asked_when` names earlier choice questions and their options, so the answers it reads are given first.
    private static func checkAskedWhen(_ questions: [Question], root: Node, reader: YAMLReader) {
        for (index, question) in questions.enumerated() {
            for condition in question.askedWhen {
                let earlier = questions[..<index].first { $0.id == condition.question && $0.kind == .choice }
                guard let earlier else {
                    reader.error(root, key: "\(question.id).asked_when.\(condition.question)", "is not an earlier choice question",
                                 expected: questions[..<index].filter { $0.kind == .choice }.map(\.id).joined(separator: " | "))
                    continue
                }
                for value in condition.values where earlier.option(value) == nil {
                    reader.error(root, key: "\(question.id).asked_when.\(condition.question)", "has no option '\(value)'",
                                 expected: earlier.options.map(\.value).joined(separator: " | "))
                }
            }
        }
    }

    private static func readStep(_ node: Node, reader: YAMLReader) -> (step: Step, questions: [Question])? {
        guard let fields = reader.fields(node, path: "steps") else { return nil }
        let id = fields.string("id")
        let path = "steps[\(id ?? "?")]"
        let title = fields.string("title")
        let intro = fields.optionalString("intro") ?? ""
        var questions: [Question] = []
        for questionNode in fields.required("questions").flatMap({ reader.sequence($0, key: path + ".questions") }) ?? [] {
            if let question = readQuestion(questionNode, reader: reader) { questions.append(question) }
        }
        fields.finish()
        guard let id, let title else { return nil }
        return (Step(id: id, title: title, intro: intro, questions: questions.map(\.id)), questions)
    }

    private static func readQuestion(_ node: Node, reader: YAMLReader) -> Question? {
        guard let fields = reader.fields(node, path: "question") else { return nil }
        let id = fields.string("id", maxLength: 80)
        if let id, id.split(separator: ".").count != 2 {
            reader.error(fields.value("id"), key: "question.id", "'\(id)' must be section.key",
                         expected: "for example workload.agents")
        }
        let path = id ?? "question"
        let text = fields.string("text")
        let label = fields.optionalString("label", maxLength: 60)
        let help = fields.optionalString("help", maxLength: 4_000) ?? ""
        let kind = fields.choice("kind", from: QuestionKind.allCases.map(\.rawValue)).flatMap(QuestionKind.init)
        let options = fields.value("options").map { readOptions($0, path: path, reader: reader) } ?? []
        let minimum = fields.value("minimum").flatMap { reader.number($0, key: path + ".minimum") }
        let maximum = fields.value("maximum").flatMap { reader.number($0, key: path + ".maximum") }
        let step = fields.value("step").flatMap { reader.number($0, key: path + ".step") }
        let unit = fields.optionalString("unit")
        let maxLength = fields.value("max_length").flatMap { reader.number($0, key: path + ".max_length") }
        let required = fields.value("required").flatMap { reader.bool($0, key: path + ".required") } ?? false
        let feeds = fields.stringList("feeds") ?? []
        let sources = fields.value("sources").map { SourceList.read($0, key: path + ".sources", reader: reader) } ?? []
        let defaultNode = fields.required("default")
        var askedWhen: [Question.AskedWhen] = []
        if let node = fields.value("asked_when"), let map = reader.fields(node, path: path + ".asked_when") {
            for other in map.keys {
                askedWhen.append(Question.AskedWhen(question: other, values: map.stringList(other, required: true) ?? []))
            }
            map.finish()
        }
        fields.finish()
        guard let id, let text, let kind, let defaultNode else { return nil }

        var question = Question(id: id, text: text, help: help, kind: kind, options: options,
                                minimum: minimum, maximum: maximum, step: step, unit: unit,
                                maxLength: maxLength.map { Int($0) }, defaultValue: .text(""),
                                required: required, feeds: feeds, sources: sources, shortLabel: label,
                                askedWhen: askedWhen)
        switch kind {
        case .choice where options.isEmpty:
            reader.error(node, key: id, "is a choice with no options", expected: "an options list")
        case .integer, .number:
            if minimum == nil || maximum == nil || (minimum ?? 0) > (maximum ?? 0) {
                reader.error(node, key: id, "needs minimum and maximum, with minimum ≤ maximum")
            }
        default: break
        }
        guard let value = AnswerReading.value(defaultNode, for: question, key: id + ".default", reader: reader) else {
            return nil
        }
        question.defaultValue = value
        return question
    }

    private static func readOptions(_ node: Node, path: String, reader: YAMLReader) -> [AnswerOption] {
        (reader.sequence(node, key: path + ".options") ?? []).compactMap { optionNode in
            guard let fields = reader.fields(optionNode, path: path + ".options") else { return nil }
            let value = fields.string("value", maxLength: 80)
            let label = fields.string("label", maxLength: 80)
            let help = fields.optionalString("help")
            fields.finish()
            guard let value, let label else { return nil }
            return AnswerOption(value: value, label: label, help: help)
        }
    }

    static func checkUnique(_ ids: [(String, String)], root: Node, reader: YAMLReader) {
        var seen = Set<String>()
        for (id, kind) in ids where !seen.insert(kind + ":" + id).inserted {
            reader.error(root, key: id, "is defined twice", expected: "each \(kind) id once")
        }
    }
}

/// Source-number lists, shared by every file that cites.
enum SourceList {
    static func read(_ node: Node, key: String, reader: YAMLReader) -> [SourceID] {
        guard let items = reader.sequence(node, key: key) else { return [] }
        return items.compactMap { item in
            guard let number = reader.number(item, key: key) else { return nil }
            guard number == number.rounded(), number >= 0, number < 100_000 else {
                reader.error(item, key: key, "must hold source numbers", expected: "whole numbers from sources.yaml")
                return nil
            }
            return SourceID(number)
        }
    }
}
