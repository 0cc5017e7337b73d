/// One candidate stack: a runtime and what the scout pairs with it.
public struct Stack: Hashable, Sendable, Identifiable {
    public var id: StackID
    public var name: String
    public var short: String
    public var vendor: String
    public var asOf: Day
    public var summary: Cited
    public var components: [Component]
    public var traits: [Trait]
    public var facts: [Fact]
    public var meters: [Meter]
    public var notModelled: [UnpricedItem]
    public var exposures: [Exposure]
    /// The longest session the runtime allows, where a source states one.
    public var sessionLimit: SessionLimit? = nil
    /// Names for answer sets that say more (Agent 365 with the runtime the team chose underneath it).
    public var names: [NameCase] = []

    public struct NameCase: Hashable, Sendable {
        public var when: Condition
        public var name: String
    }

    public func trait(_ topic: TraitTopic) -> Trait? { traits.first { $0.topic == topic } }
}

public struct Component: Hashable, Sendable {
    public var role: String
    public var name: String
    public var sources: [SourceID]
    /// Release status, where a source states it.
    public var status: ReleaseStatus? = nil
    /// When it reached that status, where a source dates it.
    public var since: Day? = nil
    /// When it is part of the stack for an answer set (Copilot Studio or Foundry underneath Agent 365);
    /// nil means always.
    public var when: Condition? = nil
    /// What a recommendation of the stack says about this component when its `when` holds.
    public var note: String? = nil

    public static let roles = ["runtime", "registry", "tool-gateway", "inference", "identity", "observability",
                               "governance", "sandbox", "harness", "model"]
}

/// The topics every stack describes in one short phrase, in the order comparison tables show them.
public enum TraitTopic: String, CaseIterable, Sendable {
    case architecturalBet = "architectural_bet"
    case isolation
    case sessionLifetime = "session_lifetime"
    case modelCoupling = "model_coupling"
    case models
    case identity
    case observability
    case mcp
    case pricing

    public var title: String {
        switch self {
        case .architecturalBet: "Architectural bet"
        case .isolation: "Isolation"
        case .sessionLifetime: "Session lifetime"
        case .modelCoupling: "Model coupling"
        case .models: "Models reachable"
        case .identity: "Identity"
        case .observability: "Observability"
        case .mcp: "MCP and governance"
        case .pricing: "Pricing"
        }
    }
}

public struct Trait: Hashable, Sendable {
    public var topic: TraitTopic
    public var statement: Cited
}

/// How a fact reads for a team choosing the stack: in the record's Good / Neutral / Bad lists.
public enum Stance: String, CaseIterable, Sendable { case good, neutral, bad }

public struct Fact: Hashable, Sendable, Identifiable {
    public var id: String
    public var topic: String
    public var stance: Stance
    public var statement: Cited
    /// When the fact bears on a decision (`relevant_when`); nil: always. A record lists only the
    /// facts that bear on its answers, so a 40-agent fleet is not told about sub-10-agent advantages.
    public var relevantWhen: Condition? = nil

    public static let extraTopics = ["scale", "operations"]
}

/// How far a component has shipped.
public enum ReleaseStatus: String, CaseIterable, Sendable {
    case ga, beta, preview

    public var label: String {
        switch self {
        case .ga: "generally available"
        case .beta: "in public beta"
        case .preview: "in preview"
        }
    }
}

/// A runtime's maximum compute lifetime per session.
public struct SessionLimit: Hashable, Sendable {
    public var minutes: Double
    public var sources: [SourceID]
}
