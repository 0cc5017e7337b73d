/// Your prices: discounts and rates a team pays instead of the knowledge base's list prices, and rates
/// for what the knowledge base cannot price. Read (and checked against a knowledge base) by
/// `PriceBookParser`; applied by the engine, which keeps the list price beside yours.
public struct PriceBook: Hashable, Sendable {
    public static let currentVersion = 1

    public var name: String
    public var asOf: Day
    public var discounts: [Discount]
    public var rates: [Rate]
    /// The file's text as read, so a decision record can embed it, and its SHA-256 (hex).
    public var text: String
    public var sha256: String
    /// Where `as_of` is written, for the error when it is after the run's day.
    public var asOfWritten = WrittenAt(SourceLocation(file: "price book"))

    /// A percentage off every list rate of the stacks it covers.
    public struct Discount: Hashable, Sendable {
        public enum Scope: Hashable, Sendable {
            case stack(StackID)
            case vendor(String)
            case all
        }

        public var scope: Scope
        public var percent: Double
        public var note: String?
    }

    /// Your rate for one meter of the knowledge base, or for one item it leaves unpriced.
    public struct Rate: Hashable, Sendable {
        public enum Target: Hashable, Sendable {
            case meter(String)
            case item(String)

            public var id: String {
                switch self {
                case .meter(let id), .item(let id): id
                }
            }
        }

        public var target: Target
        /// The stack the meter or item belongs to.
        public var stack: StackID
        public var rate: Double
        /// For an item: what drives its quantity, the unit and unit size the rate is quoted in, and
        /// whether idle time bills (wall-clock drivers). A meter keeps the knowledge base's.
        public var driver: MeterDriver?
        public var unit: String?
        public var unitSize: Double = 1
        public var idle: IdleBilling?
        public var asOf: Day
        public var note: String?
        public var written = WrittenAt(SourceLocation(file: "price book"))
    }

    /// The first 12 hex digits of the digest, for lines a person reads.
    public var shortDigest: String { String(sha256.prefix(12)) }

    /// A price book dated after the run's day (or with a rate dated after it) is a mistake, as for the
    /// knowledge base: the error for it, or nil.
    public func dateProblem(on today: Day) -> DiagnosticError? {
        var problems: [Diagnostic] = []
        let expected = "the date these prices were agreed, on or before the run's day, or a later --today"
        if today < asOf {
            problems.append(Diagnostic(asOfWritten.location, key: "as_of", "is \(asOf), after the run's day \(today)", expected: expected))
        }
        for rate in rates where today < rate.asOf && rate.asOf != asOf {
            problems.append(Diagnostic(rate.written.location, key: "rates[\(rate.target.id)].as_of",
                                       "is \(rate.asOf), after the run's day \(today)", expected: expected))
        }
        return problems.isEmpty ? nil : DiagnosticError(problems)
    }
}

/// How a price book set one line's rate: the list rate it replaced (nil where the knowledge base has
/// none) and the discount or rate that did it.
public struct PriceOrigin: Hashable, Sendable {
    public enum Change: Hashable, Sendable {
        /// A percentage off the list rate; `covering` names what the discount covers ("AWS Bedrock
        /// AgentCore", "Amazon Web Services", "every stack").
        case discount(percent: Double, covering: String)
        /// Your own rate, in place of the list rate or of none.
        case rate
    }

    public var listRate: Double?
    public var change: Change
    public var note: String?
    public var asOf: Day
    /// The knowledge base's unpriced item this rate prices, when it had no list rate.
    public var replaces: UnpricedItem?

    /// `20% discount on AWS Bedrock AgentCore (Enterprise discount programme); list $0.0895`, `your
    /// rate as of 2026-11-01; list $0.08`, `your rate as of 2026-11-01 (our E2B rate); no list price`.
    public var text: String {
        let note = self.note.map { " (\($0))" } ?? ""
        let list = listRate.map { "list \(Format.unitPrice($0))" } ?? "no list price"
        switch change {
        case .discount(let percent, let covering):
            return "\(Format.plain(percent))% discount on \(covering)\(note); \(list)"
        case .rate:
            return "your rate as of \(asOf)\(note); \(list)"
        }
    }
}
