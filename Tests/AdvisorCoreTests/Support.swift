import AdvisorCore
import AdvisorFiles
@_exported import AdvisorTestSupport
import Foundation
import Testing

/// Every file of the shipped knowledge base, keyed as the loader sees them, for tests that break one.
func shippedFiles() throws -> [String: [UInt8]] {
    let root = packageRoot + "/Data"
    var files: [String: [UInt8]] = [:]
    let walker = FileManager.default.enumerator(atPath: root)
    while let relative = walker?.nextObject() as? String {
        guard relative.hasSuffix(".yaml"), !relative.hasPrefix("examples/") else { continue }
        files["Data/" + relative] = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
    }
    return files
}

/// Parses answers text against the shipped questionnaire; records the problems on failure.
func parseAnswers(_ text: String, engine: Engine = shippedEngine) throws -> Answers {
    try AnswersParser.parse(bytes: Array(text.utf8), file: "answers.yaml", questionnaire: engine.questionnaire)
}

/// The diagnostics a bad answers file produces (none if it parses).
func answerProblems(_ text: String) -> [Diagnostic] {
    do {
        _ = try parseAnswers(text)
        return []
    } catch let error as DiagnosticError {
        return error.diagnostics
    } catch {
        return []
    }
}

/// A complete answers file: the README's example workload, with lines replaced by `overrides`
/// (`"workload.agents": "9"` replaces the value of `agents:` under `workload:`).
func answersText(_ overrides: [String: String] = [:], removing: Set<String> = []) -> String {
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

func answers(_ overrides: [String: String] = [:]) throws -> Answers { try parseAnswers(answersText(overrides)) }

extension Double {
    /// Equal to within half a cent (or a ten-thousandth of a score).
    func isClose(to other: Double, tolerance: Double = 0.005) -> Bool { abs(self - other) <= tolerance }
}
