import AdvisorCore

/// Collects the sources a record cites, so the source list names exactly those.
final class Citations {
    private(set) var cited = Set<SourceID>()

    /// The heading the sources list sits under, and its anchor as code hosts derive it.
    static let heading = "Sources cited"
    static let anchor = "#sources-cited"

    /// ` [0, 13]` after a sentence, each number a link to the sources list, or nothing when there are
    /// no sources.
    func cite(_ ids: [SourceID]) -> String {
        guard !ids.isEmpty else { return "" }
        let sorted = Array(Set(ids)).sorted()
        cited.formUnion(sorted)
        return " \\[" + sorted.map { "[\($0)](\(Self.anchor))" }.joined(separator: ", ") + "\\]"
    }

    /// Escaped text followed by its citation.
    func text(_ raw: String, _ ids: [SourceID]) -> String { MarkdownText.escape(raw) + cite(ids) }

    func text(_ statement: Cited) -> String { text(statement.text, statement.sources) }
}

extension Day {
    /// The day `days` after this one.
    func adding(days: Int) -> Day {
        // Howard Hinnant's civil-from-days, the inverse of `ordinal`.
        let z = ordinal + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Day(year: year, month: month, day: day) ?? self
    }
}
