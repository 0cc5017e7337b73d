import Foundation

/// A JSON Schema (draft 2020-12) of the answers file, generated from the questionnaire, so editors can
/// complete and check answers files with the same rules the validator applies.
public enum AnswersSchema {
    public static func render(_ questionnaire: Questionnaire) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: schema(questionnaire),
                                                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func schema(_ questionnaire: Questionnaire) -> [String: Any] {
        var properties: [String: Any] = [
            "version": ["const": Answers.currentVersion, "description": "Answers file format version."],
        ]
        var required = ["version"]
        for section in questionnaire.sections {
            let questions = questionnaire.questions(in: section)
            var sectionProperties: [String: Any] = [:]
            for question in questions { sectionProperties[question.key] = property(question) }
            let sectionRequired = questions.filter(\.required).map(\.key)
            var sectionSchema: [String: Any] = [
                "type": "object", "properties": sectionProperties, "additionalProperties": false,
            ]
            if let step = questionnaire.steps.first(where: { $0.id == section }) { sectionSchema["description"] = step.title }
            if !sectionRequired.isEmpty {
                sectionSchema["required"] = sectionRequired
                required.append(section)
            }
            properties[section] = sectionSchema
        }
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://runtime-advisor.invalid/answers-v\(Answers.currentVersion).schema.json",
            "title": "runtime-advisor answers file",
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        ]
    }

    private static func property(_ question: Question) -> [String: Any] {
        var property: [String: Any] = ["description": question.text + (question.help.isEmpty ? "" : " " + question.help)]
        switch question.kind {
        case .choice:
            property["enum"] = question.options.map(\.value)
        case .boolean:
            property["type"] = "boolean"
        case .integer, .number:
            property["type"] = question.kind == .integer ? "integer" : "number"
            if let minimum = question.minimum { property["minimum"] = minimum }
            if let maximum = question.maximum { property["maximum"] = maximum }
        case .text:
            property["type"] = "string"
            property["maxLength"] = question.maxLength ?? 200
        case .list:
            property["type"] = "array"
            property["items"] = ["type": "string", "maxLength": question.maxLength ?? 200]
            property["maxItems"] = 50
        }
        switch question.defaultValue {
        case .choice(let value), .text(let value): property["default"] = value
        case .flag(let value): property["default"] = value
        case .number(let value): property["default"] = value
        case .list(let values): property["default"] = values
        }
        return property
    }
}
