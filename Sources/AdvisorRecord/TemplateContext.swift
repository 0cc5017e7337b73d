import Mustache

/// A type of the record's data, as a template reads it: each stored property by name.
protocol TemplateFields {
    var templateFields: [(String, TemplateValue)] { get }
}

/// One field's value: text, a list of texts, a flag, a count, a nested struct or a list of them; `none`
/// is a nil optional, left out, so a template reads it as missing.
enum TemplateValue {
    case text(String)
    case texts([String])
    case flag(Bool)
    case count(Int)
    case object(any TemplateFields)
    case objects([any TemplateFields])
    case none

    static func optional(_ text: String?) -> TemplateValue { text.map(TemplateValue.text) ?? .none }
    static func objects(_ items: [some TemplateFields]) -> TemplateValue { .objects(items.map { $0 as any TemplateFields }) }
}

/// `RecordData` as Mustache renders it, built once per record: each struct a `TemplateObject`, each
/// list an array (`[String]` for lists of text, so `sorted(…)` applies), text, flags and counts as
/// they are. Rendering looks names up in dictionaries rather than reflecting over every value (the
/// Swift runtime's reflection and generic lookups cost more than the rendering), and the data's
/// shape for the template budget is measured in the same pass.
struct TemplateContext {
    let root: TemplateObject
    let shape: DataShape

    init(_ data: RecordData) {
        var shape = DataShape()
        root = Self.object(data, shape: &shape)
        self.shape = shape
    }

    private static func object(_ fields: any TemplateFields, shape: inout DataShape) -> TemplateObject {
        let fields = fields.templateFields
        var members: [String: Any] = [:]
        members.reserveCapacity(fields.count)
        for (name, value) in fields {
            if let value = self.value(value, key: name, shape: &shape) { members[name] = value }
        }
        return TemplateObject(members: members)
    }

    /// What the template reads for `value` under `key`; text lengths and list lengths are recorded
    /// under the key (a list's items under the list's name, as the template budget counts them).
    private static func value(_ value: TemplateValue, key: String, shape: inout DataShape) -> Any? {
        switch value {
        case .text(let text):
            shape.text(text, key: key)
            return text
        case .texts(let texts):
            shape.list(texts.count, key: key)
            for text in texts { shape.text(text, key: key) }
            return texts
        case .flag(let flag): return flag
        case .count(let count): return count
        case .object(let fields): return object(fields, shape: &shape)
        case .objects(let items):
            shape.list(items.count, key: key)
            return items.map { object($0, shape: &shape) }
        case .none: return nil
        }
    }
}

/// One struct of the record's data: its stored properties by name.
struct TemplateObject: MustacheParent {
    let members: [String: Any]

    func child(named name: String) -> Any? { members[name] }
}

/// For each key in the record's data: its longest list and its longest text (in UTF-8 bytes).
struct DataShape {
    var longestList: [String: Int] = [:]
    var longestText: [String: Int] = [:]

    mutating func text(_ text: String, key: String) {
        longestText[key] = max(longestText[key] ?? 0, text.utf8.count)
    }

    mutating func list(_ count: Int, key: String) {
        longestList[key] = max(longestList[key] ?? 0, count)
    }
}
