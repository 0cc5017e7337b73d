import AdvisorCore

/// Reads what a person typed into a number, text or list field (or a plain-mode prompt) against
/// the question's kind and range, with the same limits the answers file enforces.
public enum FieldValidation {
    /// Entries a list answer may have, as in the answers file.
    static let maxListEntries = 50
    /// Characters a number field takes: more digits than any range needs, room for separators.
    static let numberLength = 24

    /// Characters of text a question can take: its limit for text; for a list, every entry at
    /// its limit with ", " between; for numbers, `numberLength`. The field cuts input here as it arrives.
    public static func inputLimit(for question: Question) -> Int {
        switch question.kind {
        case .text: textLimit(question)
        case .list: maxListEntries * (textLimit(question) + 2) - 2
        case .integer, .number: numberLength
        case .choice, .boolean: 200
        }
    }

    static func textLimit(_ question: Question) -> Int { question.maxLength ?? 200 }

    public static func parse(_ input: String, for question: Question) -> Result<AnswerValue, FieldError> {
        let trimmed = input.trimmingSpaces
        guard trimmed.allSatisfy(TextField.isPrintable) else {
            return .failure(FieldError("contains control characters; type plain text"))
        }
        switch question.kind {
        case .integer, .number:
            return number(trimmed, for: question)
        case .text:
            let limit = textLimit(question)
            guard trimmed.count <= limit else { return .failure(FieldError("at most \(limit) characters (has \(trimmed.count))")) }
            return .success(.text(trimmed))
        case .list:
            let limit = textLimit(question)
            let items = trimmed.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            if items.count > maxListEntries { return .failure(FieldError("at most \(maxListEntries) entries (has \(items.count))")) }
            if let long = items.first(where: { $0.count > limit }) {
                return .failure(FieldError("each entry at most \(limit) characters ('\(long.prefix(20))…' is longer)"))
            }
            return .success(.list(items))
        case .choice:
            if let option = question.options.first(where: { $0.value == trimmed || $0.label == trimmed }) {
                return .success(.choice(option.value))
            }
            return .failure(FieldError("choose one of: " + question.options.map(\.value).joined(separator: ", ")))
        case .boolean:
            switch trimmed.lowercased() {
            case "y", "yes", "true": return .success(.flag(true))
            case "n", "no", "false": return .success(.flag(false))
            default: return .failure(FieldError("answer yes or no"))
            }
        }
    }

    private static func number(_ text: String, for question: Question) -> Result<AnswerValue, FieldError> {
        let cleaned = text.replacingCommas
        guard !cleaned.isEmpty else { return .failure(FieldError("enter a number (\(range(question)))")) }
        guard let value = Double(cleaned), value.isFinite else {
            return .failure(FieldError("'\(text.prefix(20))' is not a number (\(range(question)))"))
        }
        if question.kind == .integer, value != value.rounded() {
            return .failure(FieldError("must be a whole number (\(range(question)))"))
        }
        if let minimum = question.minimum, value < minimum {
            return .failure(FieldError("must be at least \(readable(minimum)) (\(range(question)))"))
        }
        if let maximum = question.maximum, value > maximum {
            return .failure(FieldError("must be at most \(readable(maximum)) (\(range(question)))"))
        }
        return .success(.number(value))
    }

    /// "a whole number from 1 to 100,000", "from 0 to 1".
    public static func range(_ question: Question) -> String {
        let low = readable(question.minimum ?? 0), high = readable(question.maximum ?? 0)
        return (question.kind == .integer ? "a whole number " : "") + "from \(low) to \(high)"
    }

    /// `100,000`, `0.25`: whole numbers grouped, fractions as written.
    static func readable(_ value: Double) -> String {
        value == value.rounded() ? Format.fixed(value, 0) : Format.plain(value)
    }

    /// The value as it is typed back into a field: `40`, `0.7`, `Platform review, CTO`.
    public static func editableText(_ value: AnswerValue?) -> String {
        switch value {
        case .number(let number): Format.plain(number)
        case .text(let text): text
        case .list(let items): items.joined(separator: ", ")
        case .choice(let choice): choice
        case .flag(let flag): flag ? "yes" : "no"
        case nil: ""
        }
    }

    /// The next value on the step grid (multiples of the question's step) above or below `value`,
    /// held within the question's range: 0.52 steps up to 0.55, 0.7 down to 0.65.
    public static func stepped(_ value: Double, by direction: Double, for question: Question) -> Double {
        let step = question.step ?? 1
        let position = value / step
        let target = direction > 0 ? (position + 1e-9).rounded(.down) + 1 : (position - 1e-9).rounded(.up) - 1
        var next = ((target * step) * 1e9).rounded() / 1e9
        if let minimum = question.minimum { next = max(minimum, next) }
        if let maximum = question.maximum { next = min(maximum, next) }
        return question.kind == .integer ? next.rounded() : next
    }
}

/// A message for the person typing: shown at the field in the wizard, after the prompt in plain mode.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    /// `100,000` typed with thousands separators reads as 100000.
    var replacingCommas: String { filter { $0 != "," && $0 != "_" } }
}
