import Foundation
import Testing

/// `runtime-advisor team` through the real binary: the consensus file reproduces the team result, and
/// bad input is refused with file, line and key (exit 65). A single file is a usage error (ExitCodeCLITests).
@Suite struct TeamCLITests {
    static let today = ["--today", "2026-11-25"]
    static let team = ["amara", "bruno", "chen"].map { "\(AdvisorProcess.packageRoot)/Data/examples/team/\($0).yaml" }

    static func write(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theConsensusFileReproducesTheTeamResultExactly() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let consensus = folder + "/consensus.yaml"
        let team = try AdvisorProcess.run(["team"] + Self.team + ["--format", "json", "--save-consensus", consensus] + Self.today)
        #expect(team.status == 0, "\(team.stderr)")
        let single = try AdvisorProcess.run(["--answers", consensus, "--format", "json"] + Self.today)
        #expect(single.status == 0, "\(single.stderr)")
        let teamJSON = try Self.json(team.stdout), singleJSON = try Self.json(single.stdout)
        for key in ["recommendation", "ranking", "costs", "sensitivity", "caveats", "answers", "ranges"] {
            #expect(NSDictionary(dictionary: teamJSON).value(forKey: key) as? NSObject
                    == NSDictionary(dictionary: singleJSON).value(forKey: key) as? NSObject, "\(key) differs")
        }
        let participants = try #require(teamJSON["participants"] as? [[String: Any]])
        #expect(participants.map { $0["name"] as? String } == ["Amara (applied AI)", "Bruno (platform)", "Chen (security)"])
        let disagreements = try #require(teamJSON["disagreements"] as? [[String: Any]])
        #expect(disagreements.first?["question"] as? String == "model.strategy")
        #expect(disagreements.first?["decisive"] as? Bool == true)
        // Costs carry bands because the consensus keeps a range for the fleet size (25 to 40 agents).
        let costs = try #require(teamJSON["costs"] as? [[String: Any]])
        let anthropic = try #require(costs.first { $0["stack"] as? String == "anthropic-managed-agents" })
        // Whole bills: runtime $182.50 / $292.00 (TeamTests) plus tokens, 9,125 or 14,600 sessions × 150,000
        // tokens × $6 per million = $8,212.50 / $13,140.00.
        #expect(anthropic["monthly_usd_low"] as? Double == 8395.0)
        #expect(anthropic["monthly_usd_high"] as? Double == 13432.0)
        #expect((teamJSON["recommendation"] as? [String: Any])?["holds_across_ranges"] as? Bool == true)
    }

    @Test func theRecordSaysWhereTheTeamDisagreed() throws {
        let result = try AdvisorProcess.run(["team"] + Self.team + ["--format", "markdown"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        let disagreed = try #require(text.range(of: "\n## Where the team disagreed\n"))
        let prosAndCons = try #require(text.range(of: "\n## Pros and Cons of the Options\n"))
        #expect(disagreed.lowerBound < prosAndCons.lowerBound)
        #expect(text.contains("What is your model strategy? (decisive)"))
        #expect(text.contains("\n## Ranges behind the cost bands\n"))
    }

    @Test func badTeamsAreRefusedWithFileLineAndKey() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = try String(contentsOfFile: Self.team[1], encoding: .utf8)

        let twin = try Self.write(base, "twin.yaml", in: folder)
        let duplicate = try AdvisorProcess.run(["team", Self.team[1], twin] + Self.today)
        #expect(duplicate.status == 65)
        #expect(duplicate.stderr.contains("\(twin):3: error: participant: 'Bruno (platform)' is also the name of \(Self.team[1])"))

        let inverted = try Self.write(base.replacingOccurrences(of: "  agents: 40", with: "  agents: {low: 60, high: 20}"),
                                      "inverted.yaml", in: folder)
        let outside = try Self.write(base.replacingOccurrences(of: "  agents: 40", with: "  agents: {low: 0, high: 20}")
                                         .replacingOccurrences(of: "Bruno", with: "Dana"), "outside.yaml", in: folder)
        let onChoice = try Self.write(base.replacingOccurrences(of: "  pattern: tight-loop", with: "  pattern: {low: 1, high: 2}")
                                          .replacingOccurrences(of: "Bruno", with: "Eve"), "choice.yaml", in: folder)
        let bad = try AdvisorProcess.run(["team", inverted, outside, onChoice] + Self.today)
        #expect(bad.status == 65)
        // Every file's problem at once, each at its line and key.
        #expect(bad.stderr.contains("\(inverted):19:11: error: workload.agents: has low 60 above high 20 (expected low at most high)"))
        #expect(bad.stderr.contains("\(outside):19:17: error: workload.agents.low: is 0, below the minimum 1"))
        #expect(!bad.stderr.contains("\(outside):18:1: error: workload.agents: is missing"), "a bad range is not also missing")
        #expect(bad.stderr.contains("\(onChoice):17:12: error: billing.pattern: is a range, but only workload numbers take one"))
    }

    /// `--minimal`, `--template` and `--adr-dir` write the record, so they imply Markdown, as for a single
    /// run; asking for another format with them is a usage error.
    @Test func recordOptionsImplyMarkdown() throws {
        let minimal = try AdvisorProcess.run(["team"] + Self.team + ["--minimal"] + Self.today)
        #expect(minimal.status == 0, "\(minimal.stderr)")
        #expect(minimal.stdout.hasPrefix("---\nstatus: "))
        #expect(minimal.stdout.contains("\n## Where the team disagreed\n"))
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try AdvisorProcess.run(["team"] + Self.team + ["--adr-dir", folder] + Self.today)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == folder + "/0001-managed-runtime-for-the-research-agents.md\n")
        let json = try AdvisorProcess.run(["team"] + Self.team + ["--minimal", "--format", "json"] + Self.today)
        #expect(json.status == 64)
    }
}
