import AdvisorCore

/// What a line of a results tab stands for, which a key opens: the question behind a result (a flip, a
/// default, a condition, a reason) with the words that led there, or a stack (a row of the ranking, or a
/// stack ruled out).
public enum ResultLink: Hashable, Sendable {
    case question(QuestionID, context: String)
    case stack(StackID, ruledOut: Bool)
}

/// Where a question was opened from: a results tab, its scroll and the link the cursor was on, with the
/// words of that line. Enter or Esc on the question goes back there, re-scored.
public struct JumpOrigin: Hashable, Sendable {
    public var tab: ResultsTab
    public var scroll: Int
    public var focus: Int?
    /// The line the question was opened from, as the results said it.
    public var context: String
}

/// Two stacks side by side (not the team comparison view): the engine's `SideBySide` for the results'
/// answers, made when the view opens, and how far it is scrolled.
public struct StackPair: Sendable {
    public var sideBySide: SideBySide
    public var scroll = 0
    public var first: StackID { sideBySide.stacks[0] }
    public var second: StackID { sideBySide.stacks[1] }
}

extension ResultLink {
    /// The question behind a sentence about a result (the first, when it rests on several), with the
    /// sentence's short form as the context; nil when no answer is behind it.
    static func about(_ sentence: Sentence) -> ResultLink? {
        sentence.about.first.map { .question($0, context: sentence.short) }
    }
}
