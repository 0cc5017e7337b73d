import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, items 7 and 8: exit codes as the README documents them, for help and completion output,
/// `team`'s files, size caps and unknown commands; temporary files that fit any valid file name; a
/// link loop in the knowledge base named as one.
@Suite struct ExitCodeCLITests {
    static let today = ["--today", "2026-11-25"]
    static let aws = AdvisorProcess.example("single-cloud-aws")
    static let team = ["amara", "bruno", "chen"].map { "\(AdvisorProcess.packageRoot)/Data/examples/team/\($0).yaml" }

    @Test(arguments: [["--help"], ["--version"], ["help", "team"], ["team", "--help"], ["--generate-completion-script", "bash"]])
    func helpAndCompletionToAFullDiskExit74(_ arguments: [String]) throws {
        let result = try AdvisorProcess.run(arguments, stdout: "/dev/full")
        #expect(result.status == 74, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("cannot write to standard output: No space left on device"), "\(result.stderr)")
        // The same output to a working standard output is a success.
        let written = try AdvisorProcess.run(arguments)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(!written.stdout.isEmpty)
    }

    @Test func teamFilesThatCannotBeReadExit66() throws {
        let result = try AdvisorProcess.run(["team", "/nonexistent/a.yaml", "/nonexistent/b.yaml"] + Self.today)
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/a.yaml: error: does not exist"))
        #expect(result.stderr.contains("/nonexistent/b.yaml: error: does not exist"))
        // As for --answers.
        #expect(try AdvisorProcess.run(["--answers", "/nonexistent/a.yaml"]).status == 66)
    }

    @Test func teamWithOneFileOrOneFileTwiceIsAUsageError() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let amara = base + "/amara.yaml"
        try FileManager.default.copyItem(atPath: Self.team[0], toPath: amara)
        try #require(symlink("amara.yaml", base + "/link.yaml") == 0)

        let one = try AdvisorProcess.run(["team", amara] + Self.today)
        #expect(one.status == 64, "\(one.stderr)")
        #expect(one.stderr.contains("team needs two or more answers files, one per participant; 1 was given"), "\(one.stderr)")
        let none = try AdvisorProcess.run(["team"] + Self.today)
        #expect(none.status == 64, "\(none.stderr)")

        for twin in [amara, base + "/./amara.yaml", base + "/link.yaml"] {
            let result = try AdvisorProcess.run(["team", amara, Self.team[1], twin] + Self.today)
            #expect(result.status == 64, "\(twin): \(result.stderr)")
            #expect(result.stderr.contains("\(twin) is the same file as \(amara); give each participant's file once"),
                    "\(result.stderr)")
        }
    }

    @Test func everySizeCapExits65() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let data = base + "/Data"
        try FileManager.default.copyItem(atPath: AdvisorProcess.packageRoot + "/Data", toPath: data)
        // One file over the 4 MiB (4,194,304 bytes) cap for a knowledge-base file: "# " + 4 MiB of x + "\n".
        try ("# " + String(repeating: "x", count: 4 << 20) + "\n").write(toFile: data + "/rules/pad.yaml", atomically: true, encoding: .utf8)
        let oneFile = try AdvisorProcess.run(["--answers", Self.aws, "--data", data] + Self.today)
        #expect(oneFile.status == 65, "\(oneFile.stderr)")
        #expect(oneFile.stderr.contains("\(data)/rules/pad.yaml: error: is 4,194,307 bytes (expected at most 4,194,304 bytes)"),
                "\(oneFile.stderr)")
        // An answers file over its 1 MiB cap: the same code (the total cap is in KnowledgeFolderCLITests).
        let answers = base + "/big.yaml"
        try (String(repeating: "# padding\n", count: 110_000)).write(toFile: answers, atomically: true, encoding: .utf8)
        let big = try AdvisorProcess.run(["--answers", answers] + Self.today)
        #expect(big.status == 65, "\(big.stderr)")
        #expect(big.stderr.contains("big.yaml: error: is 1,100,000 bytes"), "\(big.stderr)")
    }

    @Test(arguments: [241, 250, 255]) func anOutputNameUpToNameMaxIsWritten(_ length: Int) throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let name = String(repeating: "r", count: length - 4) + ".txt"
        #expect(name.utf8.count == length)
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--output", base + "/" + name] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == [name], "only the report, no temporary file")
        // Replacing it goes through a temporary file too.
        let again = try AdvisorProcess.run(["--answers", Self.aws, "--output", base + "/" + name, "--force"] + Self.today)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == [name])
    }

    @Test func anUnknownCommandIsAUsageErrorEvenWithHelp() throws {
        for arguments in [["ask", "--help"], ["help", "ask"], ["ask"]] {
            let result = try AdvisorProcess.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("'ask' is not a runtime-advisor command (expected one of advise, compare, team, schema, recheck, supersede, kb, help)"),
                    "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments) printed help: \(result.stdout.prefix(200))")
        }
        let typo = try AdvisorProcess.run(["advice", "--help"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("'advice' is not a runtime-advisor command"), "\(typo.stderr)")
        #expect(typo.stderr.contains("did you mean 'advise'?"), "\(typo.stderr)")
        let nested = try AdvisorProcess.run(["kb", "lnt", "--help"])
        #expect(nested.status == 64)
        #expect(nested.stderr.contains("'lnt' is not a runtime-advisor kb command (expected one of lint, diff); did you mean 'lint'?"),
                "\(nested.stderr)")
        // Real commands still show their own help.
        let team = try AdvisorProcess.run(["team", "--help"])
        #expect(team.status == 0)
        #expect(team.stdout.contains("Decide as a team"))
        let lint = try AdvisorProcess.run(["help", "kb", "lint"])
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("Score every combination"))
    }

    @Test func aLinkLoopInTheKnowledgeBaseIsNamedAsOne() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let data = base + "/Data"
        try FileManager.default.copyItem(atPath: AdvisorProcess.packageRoot + "/Data", toPath: data)
        try #require(symlink("loop-b.yaml", data + "/rules/loop-a.yaml") == 0)
        try #require(symlink("loop-a.yaml", data + "/rules/loop-b.yaml") == 0)
        try #require(symlink("missing.yaml", data + "/rules/dangling.yaml") == 0)
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--data", data] + Self.today)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(data)/rules/loop-a.yaml: error: is a symbolic link loop (Too many levels of symbolic links)"),
                "\(result.stderr)")
        #expect(result.stderr.contains("\(data)/rules/loop-b.yaml: error: is a symbolic link loop"), "\(result.stderr)")
        #expect(result.stderr.contains("\(data)/rules/dangling.yaml: error: is a symbolic link to nothing (No such file or directory)"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("leads outside"), "\(result.stderr)")
    }
}
