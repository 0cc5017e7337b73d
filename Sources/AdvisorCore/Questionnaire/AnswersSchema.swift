/// A JSON Schema (draft 2020-12) of the answers file, generated from the questionnaire, so editors can
/// complete and check answers files with the same rules the validator applies.
public enum AnswersSchema {
    public static func render(_ questionnaire: Questionnaire) -> String { schema(questionnaire).rendered() }

    public static func schema(_ questionnaire: Questionnaire) -> JSONValue {
        var properties: [String: JSONValue] = [
            "version": .object(["const": .number(Double(Answers.currentVersion)),
                                "description": .string("Answers file format version.")]),
        ]
        var required = ["version"]
        for section in questionnaire.sections {
            let questions = questionnaire.questions(in: section)
            var sectionProperties: [String: JSONValue] = [:]
            for question in questions { sectionProperties[question.key] = property(question) }
            if section == "decision" { sectionProperties["exclude"] = exclude(questionnaire.stackOptions) }
            let sectionRequired = questions.filter(\.required).map(\.key)
            var sectionSchema: [String: JSONValue] = [
                "type": .string("object"), "properties": .object(sectionProperties), "additionalProperties": .bool(false),
            ]
            if let step = questionnaire.steps.first(where: { $0.id == section }) { sectionSchema["description"] = .string(step.title) }
            if !sectionRequired.isEmpty {
                sectionSchema["required"] = .strings(sectionRequired)
                required.append(section)
            }
            properties[section] = .object(sectionSchema)
        }
        return .object([
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "$id": .string("https://runtime-advisor.invalid/answers-v\(Answers.currentVersion).schema.json"),
            "title": .string("runtime-advisor answers file"),
            "type": .string("object"),
            "properties": .object(properties),
            "required": .strings(required),
            "additionalProperties": .bool(false),
        ])
    }

    /// `decision.exclude`: stacks ruled out, each a stack id or `{stack, reason}`.
    private static func exclude(_ stacks: [AnswerOption]) -> JSONValue {
        let id: JSONValue = .object(["enum": .strings(stacks.map(\.value)), "description": .string("A stack id from Data/stacks/.")])
        return .object([
            "description": .string("Stacks the team rules out for reasons outside the four axes (procurement, an existing "
                                   + "contract, politics): left out of the ranking, the costs and the sensitivity, and stated "
                                   + "in the record as a decision driver."),
            "type": .string("array"), "maxItems": .number(Double(max(0, stacks.count - 1))), "uniqueItems": .bool(true),
            "items": .object(["oneOf": .array([
                id,
                .object(["type": .string("object"), "required": .strings(["stack"]), "additionalProperties": .bool(false),
                         "properties": .object([
                             "stack": id,
                             "reason": .object(["type": .string("string"), "minLength": .number(1),
                                                "maxLength": .number(Double(Exclusion.maxReasonLength))]),
                         ])]),
            ])]),
        ])
    }

    private static func property(_ question: Question) -> JSONValue {
        var property: [String: JSONValue] = [
            "description": .string(question.text + (question.help.isEmpty ? "" : " " + question.help)),
        ]
        switch question.kind {
        case .choice:
            property["enum"] = .strings(question.options.map(\.value))
        case .boolean:
            property["type"] = .string("boolean")
        case .integer, .number:
            property["type"] = .string(question.kind == .integer ? "integer" : "number")
            if let minimum = question.minimum { property["minimum"] = .number(minimum) }
            if let maximum = question.maximum { property["maximum"] = .number(maximum) }
        case .text:
            property["type"] = .string("string")
            property["maxLength"] = .number(Double(question.maxLength ?? 200))
        case .list:
            property["type"] = .string("array")
            property["items"] = .object(["type": .string("string"), "maxLength": .number(Double(question.maxLength ?? 200))])
            property["maxItems"] = .number(50)
        }
        switch question.defaultValue {
        case .choice(let value), .text(let value): property["default"] = .string(value)
        case .flag(let value): property["default"] = .bool(value)
        case .number(let value): property["default"] = .number(value)
        case .list(let values): property["default"] = .strings(values)
        }
        return .object(property)
    }
}
