/// One answer, typed by its question's kind.
public enum AnswerValue: Hashable, Sendable {
    case choice(String)
    case flag(Bool)
    case number(Double)
    case text(String)
    case list([String])

    public var number: Double? { if case .number(let value) = self { value } else { nil } }
    public var flag: Bool? { if case .flag(let value) = self { value } else { nil } }
    public var choice: String? { if case .choice(let value) = self { value } else { nil } }
    public var text: String? { if case .text(let value) = self { value } else { nil } }
    public var list: [String]? { if case .list(let value) = self { value } else { nil } }

    /// The answer as a person would say it, e.g. `aws`, `true`, `40`, `0.7`.
    public var display: String {
        switch self {
        case .choice(let value), .text(let value): value
        case .flag(let value): value ? "true" : "false"
        case .number(let value): Format.plain(value)
        case .list(let values): values.joined(separator: ", ")
        }
    }
}
