/// A sentence about a result, made once by the engine in two forms: `full`, which a surface wraps over
/// as many lines as it needs, and `short`, which fits one line of `shortWidth` columns. Every surface
/// picks a form; none cuts one with "…" or words its own.
public struct Sentence: Hashable, Sendable {
    public var full: String
    public var short: String
    public var sources: [SourceID]
    /// The questions whose answers the sentence rests on, in questionnaire order: where a surface sends a
    /// reader who wants to change the answer behind it (empty when no answer is behind it).
    public var about: [QuestionID] = []

    /// Columns a short form may take: an 80-column line less a four-column indent.
    public static let shortWidth = 76

    /// `shorts` from the most to the least informative; the first that fits is the short form. The last
    /// is the engine's fallback, built to fit (a count and a pointer), and is taken even if nothing does.
    init(full: String, shorts: [String], sources: [SourceID] = []) {
        self.full = full
        self.short = shorts.first { TextTable.width($0) <= Self.shortWidth } ?? shorts.last ?? full
        self.sources = sources
    }

    /// A sentence whose full form is already short enough.
    init(_ text: String, sources: [SourceID] = []) {
        self.init(full: text, shorts: [text], sources: sources)
    }
}
