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
}
