import Yams

/// Reads one answer for one question, checking it against the question's kind, options and range.
/// Shared by the answers file and the questionnaire's own defaults, so both are held to the same rules.
enum AnswerReading {
    static func value(_ node: Node, for question: Question, key: String, reader: YAMLReader) -> AnswerValue? {
        switch question.kind {
        case .choice:
            guard let text = reader.string(node, key: key, maxLength: 200) else { return nil }
            let values = question.options.map(\.value)
            guard values.contains(text) else {
                reader.error(node, key: key, "'\(YAMLReader.quoted(text))' is not one of the options",
                             expected: question.expectation,
                             suggestion: DidYouMean.suggestion(for: text, among: values))
                return nil
            }
            return .choice(text)
        case .boolean:
            return reader.bool(node, key: key).map(AnswerValue.flag)
        case .integer, .number:
            guard let number = reader.number(node, key: key) else { return nil }
            if question.kind == .integer, number != number.rounded() {
                reader.error(node, key: key, "must be a whole number, got \(Format.plain(number))",
                             expected: question.expectation)
                return nil
            }
            if let minimum = question.minimum, number < minimum {
                reader.error(node, key: key, "is \(Format.plain(number)), below the minimum \(Format.plain(minimum))",
                             expected: question.expectation)
                return nil
            }
            if let maximum = question.maximum, number > maximum {
                reader.error(node, key: key, "is \(Format.plain(number)), above the maximum \(Format.plain(maximum))",
                             expected: question.expectation)
                return nil
            }
            return .number(number)
        case .text:
            return reader.string(node, key: key, maxLength: question.maxLength ?? 200).map(AnswerValue.text)
        case .list:
            let maxLength = question.maxLength ?? 200
            if case .scalar = node { return reader.string(node, key: key, maxLength: maxLength).map { .list([$0]) } }
            guard let items = reader.sequence(node, key: key) else { return nil }
            if items.count > 50 {
                reader.error(node, key: key, "has \(items.count) entries", expected: "at most 50")
                return nil
            }
            let texts = items.compactMap { reader.string($0, key: key, maxLength: maxLength) }
            return texts.count == items.count ? .list(texts) : nil
        }
    }

    /// `{low: X, high: Y}` with an optional `likely: Z`, for a workload number only. Each bound is held
    /// to the question's own rules (whole numbers, minimum, maximum).
    static func range(_ node: Node, for question: Question, key: String, reader: YAMLReader) -> ValueRange? {
        guard question.section == "workload", question.kind == .integer || question.kind == .number else {
            reader.error(node, key: key, "is a range, but only workload numbers take one",
                         expected: question.expectation)
            return nil
        }
        guard let fields = reader.fields(node, path: key) else { return nil }
        func bound(_ name: String) -> Double? {
            fields.value(name).flatMap { value(_: $0, for: question, key: "\(key).\(name)", reader: reader)?.number }
        }
        let low = fields.required("low", expected: "low: a number").flatMap { _ in bound("low") }
        let high = fields.required("high", expected: "high: a number").flatMap { _ in bound("high") }
        let likely = fields.value("likely") != nil ? bound("likely") : nil
        let likelyFailed = fields.value("likely") != nil && likely == nil
        fields.finish()
        guard let low, let high, !likelyFailed else { return nil }
        guard low <= high else {
            reader.error(node, key: key, "has low \(Format.plain(low)) above high \(Format.plain(high))",
                         expected: "low at most high")
            return nil
        }
        if let likely, likely < low || likely > high {
            reader.error(node, key: "\(key).likely", "is \(Format.plain(likely)), outside \(Format.plain(low)) to \(Format.plain(high))",
                         expected: "likely between low and high")
            return nil
        }
        return ValueRange(low: low, high: high, likely: likely)
    }
}
