/// Everything the advisor knows, validated: vendors, prices, rules, risks and their sources.
public struct KnowledgeBase: Hashable, Sendable {
    public struct Meta: Hashable, Sendable {
        public var name: String
        public var asOf: Day
        public var monthHours: Double
        public var staleAfterDays: Int
        public var closeMargin: Double
        public var derivedFrom: Source
        /// How the modelled monthly cost moves one axis's fit; nil leaves cost out of the scores.
        public var costFit: CostFit?
        /// Where `as_of` is written, for the error when it is after the run's day.
        public var asOfWritten = WrittenAt(SourceLocation(file: "knowledge-base.yaml"))
    }

    /// A stack dearer than the cheapest complete total that meets the floors loses up to `weight` of
    /// fit on `axis`, in proportion to the extra spend's share of its runtime plus tokens.
    public struct CostFit: Hashable, Sendable {
        public var axis: AxisID
        public var weight: Double
    }

    public var meta: Meta
    public var sources: [Source]
    public var axes: [Axis]
    public var stacks: [Stack]
    public var profiles: [Profile]
    public var rules: [Rule]
    public var floors: [Floor]
    public var risks: [Risk]
    public var homeGrounds: [HomeGround] = []
    public var contested: [Contested] = []

    public func stack(_ id: StackID) -> Stack? { stacks.first { $0.id == id } }
    public func axis(_ id: AxisID) -> Axis? { axes.first { $0.id == id } }
    public func source(_ id: SourceID) -> Source? { sources.first { $0.id == id } }
    public func risks(for stack: StackID) -> [Risk] { risks.filter { $0.stacks.contains(stack) } }

    /// Days between the knowledge base's as-of date and `today`.
    public func age(on today: Day) -> Int { meta.asOf.days(until: today) }

    public func isStale(on today: Day) -> Bool { age(on: today) > meta.staleAfterDays }

    /// What "the scout" is, where a sentence cites it: `the April 2026 runtime scout “Scout: Managed
    /// Agent Runtimes — …” (Artificer's Grimoire)`, from the knowledge base's own date and source.
    public var scoutName: String {
        "the \(scoutDate) runtime scout \u{201C}\(meta.derivedFrom.title)\u{201D} (\(meta.derivedFrom.publisher))"
    }

    /// "April 2026", the month of the knowledge base's `as_of`.
    public var scoutDate: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(months[max(0, min(11, meta.asOf.month - 1))]) \(meta.asOf.year)"
    }

    /// A knowledge base dated after the run's day is a mistake (or an `as_of` that would silence the
    /// staleness warning for ever): the error for it, or nil.
    public func dateProblem(on today: Day) -> DiagnosticError? {
        guard today < meta.asOf else { return nil }
        return DiagnosticError([Diagnostic(meta.asOfWritten.location, key: "as_of", "is \(meta.asOf), after the run's day \(today)",
                                           expected: "the date the facts were checked, on or before the run's day, or a later --today")])
    }
}

/// Where a value was written. Not part of the value: two knowledge bases with the same facts are equal
/// whether they were read from Data/, a copy of it, or the built-in snapshot.
public struct WrittenAt: Hashable, Sendable {
    public var location: SourceLocation
    public init(_ location: SourceLocation) { self.location = location }
    public static func == (_: WrittenAt, _: WrittenAt) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
