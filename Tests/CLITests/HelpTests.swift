import Foundation
import Testing

/// Help that teaches: the top-level help shows the three uses with an example each, every
/// subcommand's help has an example, and a missing answer's error shows the line to add.
@Suite struct HelpTests {
    static let subcommands: [[String]] = [["advise"], ["team"], ["schema"], ["recheck"], ["supersede"], ["kb"], ["kb", "lint"]]

    @Test func topLevelHelpShowsTheThreeUsesWithAnExampleEach() throws {
        let help = try AdvisorProcess.run(["--help"])
        #expect(help.status == 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for use in ["Wizard:", "Headless:", "Record:"] {
            let index = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(use) },
                                     "no \(use) in:\n\(help.stdout)")
            // The example is the next line, a command to type.
            #expect(lines[index + 1].trimmingCharacters(in: .whitespaces).hasPrefix("runtime-advisor"),
                    "\(use) has no example: \(lines[index + 1])")
        }
        #expect(help.stdout.contains("runtime-advisor --answers Data/examples/single-cloud-aws.yaml\n"))
        #expect(help.stdout.contains("--adr-dir docs/adr"))
        #expect(lines.allSatisfy { $0.count <= 80 }, "a help line is wider than 80 columns")
    }

    @Test(arguments: subcommands) func everySubcommandHelpHasAnExample(_ command: [String]) throws {
        let help = try AdvisorProcess.run(["help"] + command)
        #expect(help.status == 0, "\(help.stderr)")
        let example = try #require(help.stdout.range(of: "Example"), "no example in `help \(command.joined(separator: " "))`")
        let after = help.stdout[example.upperBound...]
        #expect(after.contains("runtime-advisor " + command.joined(separator: " ")) || command == ["advise"] && after.contains("runtime-advisor --answers"),
                "the example does not run \(command): \(help.stdout)")
    }

    @Test func missingRequiredAnswerShowsTheLineToAdd() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/answers.yaml"
        let text = try String(contentsOfFile: AdvisorProcess.example("single-cloud-aws"), encoding: .utf8)
            .replacingOccurrences(of: "  provider: aws-iam", with: "  # provider: not decided yet")
        try #require(text.contains("# provider"))
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try AdvisorProcess.run(["--answers", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error: identity.provider: is missing"), "\(result.stderr)")
        #expect(result.stderr.contains("\n    add under identity:   provider: okta\n"), "\(result.stderr)")
    }
}
