import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, item 2: an output is never an input. Every output path is compared with every input and
/// every other output, by file identity (a link or another spelling is the same file) or, for a file
/// not there yet, by its resolved path; a clash is a usage error (64) naming both, with `--force` or
/// without, and nothing is written.
@Suite struct OutputClashCLITests {
    static let today = ["--today", "2026-11-25"]
    static let team = ["amara", "bruno", "chen"].map { "\(AdvisorProcess.packageRoot)/Data/examples/team/\($0).yaml" }

    /// A scratch folder holding a copy of an example as `s.yaml` and of the team's files.
    static func folder() throws -> String {
        let base = try AdvisorProcess.temporaryDirectory()
        try FileManager.default.copyItem(atPath: AdvisorProcess.example("single-cloud-aws"), toPath: base + "/s.yaml")
        for (name, path) in zip(["amara", "bruno", "chen"], team) {
            try FileManager.default.copyItem(atPath: path, toPath: "\(base)/\(name).yaml")
        }
        return base
    }

    /// Every file in `folder` with its bytes, to show that nothing was written.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return files
    }

    /// Runs the advisor and checks it refused with 64, `message` on standard error, nothing written.
    static func expectRefused(_ arguments: [String], in base: String, _ message: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot(base)
        let result = try AdvisorProcess.run(arguments + today)
        #expect(result.status == 64, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "missing «\(message)» in: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try snapshot(base) == before, "something was written for \(arguments)", sourceLocation: sourceLocation)
    }

    @Test func theAnswersFileIsNeverTheOutput() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let answers = base + "/s.yaml"
        for force in [["--force"], []] {
            try Self.expectRefused(["--answers", answers, "--output", answers] + force, in: base,
                                   "error: --output \(answers) is also the answers file \(answers); choose another output")
        }
        // Another spelling, a symbolic link and a hard link all name the same file.
        try Self.expectRefused(["--answers", answers, "--output", base + "/./s.yaml", "--force"], in: base,
                               "--output \(base)/./s.yaml is also the answers file \(answers)")
        try #require(symlink("s.yaml", base + "/link.yaml") == 0)
        try Self.expectRefused(["--answers", answers, "--output", base + "/link.yaml", "--force", "--format", "json"], in: base,
                               "--output \(base)/link.yaml is also the answers file \(answers)")
        try #require(link(answers, base + "/hard.yaml") == 0)
        try Self.expectRefused(["--answers", base + "/hard.yaml", "--output", answers, "--force", "--format", "markdown"], in: base,
                               "--output \(answers) is also the answers file \(base)/hard.yaml")
        // Standard input redirected from the output file is that file too.
        let before = try Self.snapshot(base)
        let piped = try AdvisorProcess.run(["--answers", "-", "--output", answers, "--force"] + Self.today, stdin: answers)
        #expect(piped.status == 64, "\(piped.stderr)")
        #expect(piped.stderr.contains("--output \(answers) is also the answers file - (standard input)"), "\(piped.stderr)")
        #expect(try Self.snapshot(base) == before)
    }

    @Test func aParticipantOrTheSettledAnswersAreNeverTheOutput() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let people = ["amara", "bruno", "chen"].map { "\(base)/\($0).yaml" }
        try Self.expectRefused(["team"] + people + ["--save-consensus", people[0], "--force"], in: base,
                               "error: --save-consensus \(people[0]) is also a participant's answers file \(people[0]); choose another output")
        try Self.expectRefused(["team"] + people + ["--output", people[2]], in: base,
                               "--output \(people[2]) is also a participant's answers file \(people[2])")
        try Self.expectRefused(["team"] + people + ["--consensus", base + "/s.yaml", "--format", "yaml", "--output", base + "/s.yaml", "--force"],
                               in: base, "--output \(base)/s.yaml is also the --consensus file \(base)/s.yaml")
    }

    @Test func twoOutputsAreNeverOneFile() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let people = ["amara", "bruno", "chen"].map { "\(base)/\($0).yaml" }
        let report = base + "/x.txt"
        // Not there yet: compared by resolved path. Today the consensus is written, then replaced by the report.
        for force in [["--force"], []] {
            try Self.expectRefused(["team"] + people + ["--output", report, "--save-consensus", report] + force, in: base,
                                   "error: --save-consensus \(report) is also --output \(report); choose another output")
        }
        try Self.expectRefused(["team"] + people + ["--output", report, "--save-consensus", base + "/sub/../x.txt", "--force"], in: base,
                               "--save-consensus \(base)/sub/../x.txt is also --output \(report)")
        // There already: compared by identity.
        try "keep me\n".write(toFile: report, atomically: true, encoding: .utf8)
        try Self.expectRefused(["team"] + people + ["--output", report, "--save-consensus", base + "/./x.txt", "--force"], in: base,
                               "--save-consensus \(base)/./x.txt is also --output \(report)")
    }

    @Test func knowledgeBaseFilesAndTemplatesAreNeverTheOutput() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let data = base + "/Data"
        try FileManager.default.copyItem(atPath: AdvisorProcess.packageRoot + "/Data", toPath: data)
        let stack = data + "/stacks/aws-agentcore.yaml"
        try Self.expectRefused(["--answers", base + "/s.yaml", "--data", data, "--output", stack, "--force"], in: base,
                               "--output \(stack) is also a knowledge-base file \(stack)")
        // The knowledge base named by the environment is an input too.
        let before = try Self.snapshot(base)
        let fromEnvironment = try AdvisorProcess.run(["--answers", base + "/s.yaml", "--output", stack, "--force"] + Self.today,
                                                     environment: ["RUNTIME_ADVISOR_DATA": data])
        #expect(fromEnvironment.status == 64, "\(fromEnvironment.stderr)")
        #expect(try Self.snapshot(base) == before)

        let template = base + "/mine.mustache"
        try "{{title}}\n".write(toFile: template, atomically: true, encoding: .utf8)
        try Self.expectRefused(["--answers", base + "/s.yaml", "--template", template, "--output", template, "--force"], in: base,
                               "--output \(template) is also the --template file \(template)")
    }

    @Test func theRecordToSupersedeIsNeverAnInput() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let old = try AdvisorProcess.run(["--answers", base + "/s.yaml", "--adr-dir", folder] + Self.today)
            .stdout.trimmingCharacters(in: .newlines)
        try #require(old.hasSuffix("0001-agent-runtime-for-support-automation.md"))
        try Self.expectRefused(["supersede", old, "--answers", old, "--adr-dir", folder], in: base,
                               "error: the record to supersede \(old) is also the answers file \(old); choose another output")
        try Self.expectRefused(["supersede", old, "--template", folder + "/../adr/" + (old as NSString).lastPathComponent, "--adr-dir", folder],
                               in: base, "the record to supersede \(old) is also the --template file")
    }

    @Test func otherPathsAreNotAClash() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let people = ["amara", "bruno", "chen"].map { "\(base)/\($0).yaml" }
        let result = try AdvisorProcess.run(["team"] + people + ["--output", base + "/report.txt",
                                                                 "--save-consensus", base + "/consensus.yaml"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: base + "/report.txt"))
        #expect(FileManager.default.fileExists(atPath: base + "/consensus.yaml"))
    }
}
