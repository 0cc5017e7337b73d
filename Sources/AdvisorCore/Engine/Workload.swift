/// The workload answers as the cost model reads them, with the conventions every meter shares:
/// a month of `monthHours`, sessions = agents × sessions per agent per day × monthHours / 24,
/// session-hours = sessions × session minutes / 60.
public struct Workload: Hashable, Sendable {
    public var agents: Double
    /// Agents with identities of their own rather than acting for a licensed person.
    public var autonomousAgents: Double
    public var humans: Double
    public var sessionsPerAgentPerDay: Double
    public var sessionMinutes: Double
    public var idleFraction: Double
    public var vcpus: Double
    public var memoryGB: Double
    public var memoryEventsPerSession: Double
    public var gatewayCallsPerSession: Double
    public var identityRequestsPerSession: Double
    public var tokensPerSession: Double
    public var tokenUSDPerMillion: Double
    /// Copilot Studio credits a session uses (0 when not given).
    public var copilotCreditsPerSession: Double
    public var monthHours: Double

    static let requiredQuestions: [QuestionID] = [
        "workload.agents", "workload.autonomous_agents", "workload.humans", "workload.sessions_per_agent_per_day", "workload.session_minutes",
        "workload.idle_fraction", "workload.vcpus", "workload.memory_gb", "workload.memory_events_per_session",
        "workload.gateway_calls_per_session", "workload.identity_requests_per_session",
        "workload.tokens_per_session", "workload.token_usd_per_million", "workload.copilot_credits_per_session",
    ]

    public init(answers: Answers, monthHours: Double) {
        self.init(monthHours: monthHours) { answers.number(Workload.requiredQuestions[$0]) }
    }

    /// Reads the number of `requiredQuestions[i]` through `number(i)`, so answers and answer vectors
    /// share one mapping (and scoring an answer vector needs no look-up by name).
    init(monthHours: Double, number: (Int) -> Double) {
        agents = number(0)
        autonomousAgents = number(1)
        humans = number(2)
        sessionsPerAgentPerDay = number(3)
        sessionMinutes = number(4)
        idleFraction = number(5)
        vcpus = number(6)
        memoryGB = number(7)
        memoryEventsPerSession = number(8)
        gatewayCallsPerSession = number(9)
        identityRequestsPerSession = number(10)
        tokensPerSession = number(11)
        tokenUSDPerMillion = number(12)
        copilotCreditsPerSession = number(13)
        self.monthHours = monthHours
    }

    public var sessions: Double { agents * sessionsPerAgentPerDay * monthHours / 24 }
    public var sessionHours: Double { sessions * sessionMinutes / 60 }
    public var activeFraction: Double { 1 - idleFraction }

    /// A meter's monthly quantity in the driver's own units (hours, seconds, events, people).
    public func quantity(_ driver: MeterDriver, idle: IdleBilling?) -> Double {
        let billedShare = idle == .free ? activeFraction : 1
        switch driver {
        case .sessionHours: return sessionHours * billedShare
        case .vcpuHours: return sessionHours * vcpus * billedShare
        case .gbHours: return sessionHours * memoryGB * billedShare
        case .activeVCPUSeconds: return sessionHours * 3_600 * vcpus * activeFraction
        case .memoryEvents: return sessions * memoryEventsPerSession
        case .gatewayInvocations: return sessions * gatewayCallsPerSession
        case .identityRequests: return sessions * identityRequestsPerSession
        case .users: return humans
        case .agents: return agents
        case .autonomousAgents: return min(autonomousAgents, agents)
        case .sessions: return sessions
        case .monthly: return 1
        case .copilotCredits: return sessions * copilotCreditsPerSession
        }
    }

    /// How the quantity was reached, in words and figures, for the line item's assumption column.
    public func basis(_ driver: MeterDriver, idle: IdleBilling?) -> String {
        let hours = "\(Format.quantity(sessionHours)) session-hours"
        let active = "\(Format.percent(activeFraction)) active"
        let idleNote = idle == .free ? " × \(active) (idle time free)" : " (idle time billed)"
        switch driver {
        case .sessionHours: return hours + idleNote
        case .vcpuHours: return "\(hours) × \(Format.plain(vcpus)) vCPU" + idleNote
        case .gbHours: return "\(hours) × \(Format.plain(memoryGB)) GB" + idleNote
        case .activeVCPUSeconds: return "\(hours) × 3,600 s × \(Format.plain(vcpus)) vCPU × \(active)"
        case .memoryEvents:
            return "\(Format.quantity(sessions)) sessions × \(Format.plain(memoryEventsPerSession)) memory events"
        case .gatewayInvocations:
            return "\(Format.quantity(sessions)) sessions × \(Format.plain(gatewayCallsPerSession)) gateway calls"
        case .identityRequests:
            return "\(Format.quantity(sessions)) sessions × \(Format.plain(identityRequestsPerSession)) identity requests"
        case .users: return "\(Format.plain(humans)) people who use or supervise agents"
        case .agents: return "\(Format.plain(agents)) agents"
        case .autonomousAgents: return "\(Format.plain(min(autonomousAgents, agents))) autonomous agents"
        case .sessions: return "\(Format.quantity(sessions)) sessions"
        case .monthly: return "a fixed amount each month"
        case .copilotCredits:
            return "\(Format.quantity(sessions)) sessions × \(Format.plain(copilotCreditsPerSession)) Copilot Studio credits"
        }
    }

    /// The same workload at another idle fraction: how the cost chart and break-even are drawn.
    public func withIdle(_ fraction: Double) -> Workload {
        var copy = self
        copy.idleFraction = fraction
        return copy
    }
}
