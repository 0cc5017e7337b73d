/// How one consensus answer was reached: by the stated rule (and with how many answers), or by the
/// team overriding it. Every surface words it through `text`, so text, JSON and the record agree.
public struct Provenance: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        /// Everyone who answered gave this value.
        case unanimous
        /// More than half of those who answered.
        case majority
        /// The most frequent value, but not more than half.
        case plurality
        /// The median of those who answered.
        case median
        /// The weights' mean (geometric, or arithmetic on an axis someone weighted 0).
        case weights = "mean-of-weights"
        /// Two or more values tied at the top; the first in the questionnaire's order stands in.
        case split
        /// The facilitator put one participant's answer in.
        case participant = "participant-answer"
        /// The facilitator typed a value in the meeting.
        case typed
        /// The `--consensus` file gave a value other than the rule's.
        case consensusFile = "consensus-file"
        /// Nobody answered: the questionnaire's default stands.
        case unanswered = "default"
    }

    /// What the rule would have given, when the team settled on something else.
    public struct Overridden: Hashable, Sendable {
        public var method: Method
        public var value: String
        public var votes: Int
        public var answered: Int
    }

    public var method: Method
    /// Answers for the value taken (choices and flags), or answers the median was taken over.
    public var votes: Int
    /// Participants who answered the question (the rest abstained).
    public var answered: Int
    public var participants: Int
    /// Whose answer the team settled on (`participant`).
    public var participant: String?
    /// The rule's answer the team overrode (unanimous, majority, plurality or median), if any.
    public var overrides: Overridden?
    /// Settled while the rule left it an even split.
    public var wasSplit = false
    /// The tied values of a split, in the questionnaire's order.
    public var tied: [String] = []
    /// Participants who weighted this axis 0 (the arithmetic mean then stands in).
    public var zeroWeights: [String] = []

    public init(method: Method, votes: Int = 0, answered: Int, participants: Int) {
        self.method = method
        self.votes = votes
        self.answered = answered
        self.participants = participants
    }

    /// The rule's own provenance, before anyone settled anything.
    public var isRule: Bool { [.unanimous, .majority, .plurality, .median, .weights, .split, .unanswered].contains(method) }

    /// A split nobody settled.
    public var isOpenSplit: Bool { method == .split }

    /// `unanimous`, `majority 2 of 3`, `plurality 5 of 12`, `median of 3 answers`, `split, settled by
    /// the team on Chen's answer`, `typed in the meeting, overriding a unanimous answer (none)`.
    public var text: String {
        var text: String
        switch method {
        case .unanimous: text = answered == participants ? "unanimous" : "unanimous among the \(answered) who answered"
        case .majority: text = "majority \(votes) of \(answered)"
        case .plurality: text = "plurality \(votes) of \(answered)"
        case .median: text = "median of \(answered) answer\(answered == 1 ? "" : "s")"
        case .weights:
            text = zeroWeights.isEmpty ? "geometric mean of \(answered) people's weights"
                : "arithmetic mean of \(answered) people's weights (\(zeroWeights.joined(separator: ", ")) gave it 0)"
        case .split: text = "split, \(votes) each for \(tied.joined(separator: " and ")), not settled; \(tied.first ?? "the first") stands in"
        case .participant: text = (wasSplit ? "split, settled by the team on " : "settled by the team on ") + "\(participant ?? "a participant")'s answer"
        case .typed: text = (wasSplit ? "split, settled by a value " : "") + "typed in the meeting"
        case .consensusFile: text = (wasSplit ? "split, settled by the value " : "") + "given in the consensus file"
        case .unanswered: text = "nobody answered; the default stands"
        }
        if method != .median, method != .weights, method != .unanswered, answered < participants, answered > 0, isRule {
            text += " (\(participants - answered) abstained)"
        }
        if let overrides { text += ", overriding " + Self.describe(overrides) }
        return text
    }

    /// `a unanimous answer (none)`, `a majority 2 of 3 (claude)`, `the median of 3 answers (30)`.
    static func describe(_ rule: Overridden) -> String {
        switch rule.method {
        case .unanimous: return "a unanimous answer (\(rule.value))"
        case .majority: return "a majority \(rule.votes) of \(rule.answered) (\(rule.value))"
        case .plurality: return "a plurality \(rule.votes) of \(rule.answered) (\(rule.value))"
        case .median: return "the median of \(rule.answered) answers (\(rule.value))"
        case .weights: return "the mean of the weights (\(rule.value))"
        default: return "the rule's answer (\(rule.value))"
        }
    }
}
