/// What a meter's monthly quantity is computed from. See Data/README.md for the formulas.
public enum MeterDriver: String, CaseIterable, Sendable {
    case sessionHours = "session-hours"
    case vcpuHours = "vcpu-hours"
    case gbHours = "gb-hours"
    case activeVCPUSeconds = "active-vcpu-seconds"
    case memoryEvents = "memory-events"
    case gatewayInvocations = "gateway-invocations"
    case identityRequests = "identity-requests"
    case users
    case agents
    case autonomousAgents = "autonomous-agents"
    case sessions
    /// A fixed amount each month, whatever the workload: a quantity of 1.
    case monthly
    case copilotCredits = "copilot-credits"

    /// Drivers measured in wall-clock time, where the knowledge base must say whether idle time bills.
    public var isWallClock: Bool { [.sessionHours, .vcpuHours, .gbHours].contains(self) }

    /// The unit a rate on this driver is quoted in, when a price book does not name one.
    public var unitName: String {
        switch self {
        case .sessionHours: "session-hour"
        case .vcpuHours: "vCPU-hour"
        case .gbHours: "GB-hour"
        case .activeVCPUSeconds: "active vCPU-second"
        case .memoryEvents: "memory event"
        case .gatewayInvocations: "gateway invocation"
        case .identityRequests: "identity request"
        case .users: "user-month"
        case .agents, .autonomousAgents: "agent-month"
        case .sessions: "session"
        case .monthly: "month"
        case .copilotCredits: "Copilot Studio credit"
        }
    }
}

public enum IdleBilling: String, CaseIterable, Sendable { case billed, free }

/// One price from the scout: a rate per unit, and what drives the quantity.
public struct Meter: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var unit: String
    public var unitSize: Double
    public var rate: Double
    public var driver: MeterDriver
    public var idle: IdleBilling?
    public var sources: [SourceID]
    public var asOf: Day
    public var alternative: MeterAlternative?
    /// Set when a price book changed this meter's rate, or priced an item the knowledge base leaves
    /// unpriced; nil for a list price.
    public var price: PriceOrigin? = nil
    /// When the meter bills for an answer set (Copilot Studio credits, once given); nil means always.
    public var when: Condition? = nil

    /// The largest price one unit may have, in the knowledge base or a price book: far above any real
    /// rate, low enough that every monthly total stays finite and prints as a plain figure.
    public static let maximumRate = 1_000_000.0
    /// The sizes a price unit may have (per 1, per 1,000 events, per 25,000 credits).
    public static let unitSizes = 0.001...1_000_000_000.0

    /// The monthly cost for a workload, under the primary reading unless another rate or idle reading is given.
    func monthly(_ workload: Workload, rate: Double? = nil, idle: IdleBilling? = nil) -> Double {
        workload.quantity(driver, idle: idle ?? self.idle) / unitSize * (rate ?? self.rate)
    }
}

/// A second reading of a meter that the sources also support (a contradiction, or a bundle price).
public struct MeterAlternative: Hashable, Sendable {
    public var reading: String
    public var rate: Double?
    public var idle: IdleBilling?
    public var why: String
    public var sources: [SourceID]
}

/// A cost the scout names but cannot price for a workload: shown as "not modelled", never as $0.
public struct UnpricedItem: Hashable, Sendable, Identifiable {
    /// `execution` when the unpriced part is the running of agents itself, which makes the stack's
    /// total a lower bound; `extra` for add-ons the total can do without.
    public enum Scope: String, CaseIterable, Sendable { case execution, extra }

    public var id: String
    public var name: String
    public var scope: Scope
    public var unit: String
    public var rate: Double?
    public var why: String
    public var sources: [SourceID]
    public var asOf: Day
    /// When this holds, the item is part of running the agents (the total becomes a lower bound)
    /// even though its scope is `extra`: Google's Agent Sandbox once the workload needs a sandbox.
    public var executionWhen: Condition?
    /// When the item is part of the stack at all (Foundry execution, unless Copilot Studio runs
    /// underneath); nil means always.
    public var when: Condition? = nil
}

/// A cost that may arrive (licensing not yet defined): shown as a risk, never in the total.
public struct Exposure: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var unit: String
    public var unitSize: Double
    public var rate: Double
    public var driver: MeterDriver
    public var why: String
    public var sources: [SourceID]
    public var asOf: Day
    /// `scored: upper`: the cost comparison counts it in full (the band's upper end), so a large
    /// exposure can change the ranking; the shown total stays without it.
    public var scoredAtUpperEnd = false

    /// The monthly amount for a workload.
    func monthly(_ workload: Workload) -> Double { workload.quantity(driver, idle: nil) / unitSize * rate }
}
