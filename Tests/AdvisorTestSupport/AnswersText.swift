import AdvisorCore
import Testing

/// A complete answers file: the README's example workload, with lines replaced by `overrides`
/// (`"workload.agents": "9"` replaces the value of `agents:` under `workload:`).
public func answersText(_ overrides: [String: String] = [:], removing: Set<String> = []) -> String {
    let base: [(String, [(String, String)])] = [
        ("organization", [("cloud", "aws"), ("stage", "production")]),
        ("identity", [("provider", "aws-iam")]),
        ("model", [("strategy", "multi-model")]),
        ("sandbox", [("untrusted_content", "false"), ("customer_code", "false"), ("cross_tenant_data", "false"),
                     ("data_residency", "false")]),
        ("billing", [("pattern", "tight-loop")]),
        ("workload", [("agents", "40"), ("autonomous_agents", "0"), ("humans", "120"), ("sessions_per_agent_per_day", "20"), ("session_minutes", "12"),
                      ("idle_fraction", "0.7"), ("vcpus", "1"), ("memory_gb", "2"), ("memory_events_per_session", "0"),
                      ("gateway_calls_per_session", "0"), ("identity_requests_per_session", "0"),
                      ("tokens_per_session", "0"), ("token_usd_per_million", "0")]),
        ("weights", [("identity", "1"), ("model", "1"), ("sandbox", "1"), ("billing", "1")]),
    ]
    var lines = ["version: 1"]
    for (section, entries) in base {
        lines.append("\(section):")
        for (key, value) in entries where !removing.contains("\(section).\(key)") {
            lines.append("  \(key): \(overrides["\(section).\(key)"] ?? value)")
        }
        // Overrides for questions the base leaves out (optional ones) go at the end of their section.
        for (id, value) in overrides.sorted(by: { $0.key < $1.key }) where id.hasPrefix(section + ".") {
            let key = String(id.dropFirst(section.count + 1))
            if !entries.contains(where: { $0.0 == key }) { lines.append("  \(key): \(value)") }
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

/// The answers of `answersText(overrides)`, parsed against the shipped questionnaire.
public func answers(_ overrides: [String: String] = [:]) throws -> Answers {
    try AnswersParser.parse(bytes: Array(answersText(overrides).utf8), file: "answers.yaml", questionnaire: shippedEngine.questionnaire)
}

/// The cases every surface must state alike (issue 18), each decided by a sentence of the scout:
/// conditional, a Claude-first team with untrusted content ("Anthropic's isolation specifics should be
/// requested explicitly"); floor-failing, Cloudflare with adversarial exposure ("appropriate for
/// non-adversarial workloads"); a tie, only the model axis for an OpenAI-first team ("default to
/// Cloudflare or AWS"); ranged, a fleet of 20 to 200 agents with tokens.
public struct SurfaceCase: Sendable, CustomTestStringConvertible {
    public let name: String
    public let overrides: [String: String]
    public var testDescription: String { name }

    public static let all: [SurfaceCase] = [
        SurfaceCase(name: "conditional", overrides: ["model.strategy": "claude", "organization.cloud": "none",
                                                     "identity.provider": "okta", "sandbox.untrusted_content": "true"]),
        SurfaceCase(name: "floor-failing", overrides: ["organization.cloud": "multi-cloud", "identity.provider": "okta",
                                                       "sandbox.customer_code": "true"]),
        SurfaceCase(name: "tie", overrides: ["model.strategy": "openai", "weights.identity": "0", "weights.sandbox": "0",
                                             "weights.billing": "0"]),
        SurfaceCase(name: "ranged", overrides: ["workload.agents": "{low: 20, high: 200}",
                                                "workload.tokens_per_session": "200000", "workload.token_usd_per_million": "3"]),
    ]
}
