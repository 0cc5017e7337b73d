import Foundation
import Testing

/// The decision record through the real binary: ADR folders, --output, recheck and supersede, with
/// their exit codes (0 ok, 1 winner changed, 64 usage, 65 unreadable record, 66 missing file, 73 cannot write).
@Suite struct RecordCLITests {
    static let today = ["--today", "2026-11-25"]
    static let aws = AdvisorProcess.example("single-cloud-aws")

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The binary beside this test bundle, whatever the scratch path (`swift test --scratch-path
    /// .build-record` puts it in .build-record/debug), else the default build folder's.
    static let binary: String = {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(), executable]
            .map { $0.appendingPathComponent("runtime-advisor").path }
            + [AdvisorProcess.packageRoot + "/.build-record/debug/runtime-advisor", AdvisorProcess.binary]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? AdvisorProcess.binary
    }()

    static func run(_ arguments: [String]) throws -> AdvisorProcess.Result {
        try AdvisorProcess.run(arguments, binary: binary)
    }

    @Test func adrFolderNumbersRecords() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let first = try Self.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == folder + "/0001-agent-runtime-for-support-automation.md\n")
        let second = try Self.run(["--answers", AdvisorProcess.example("multi-cloud"), "--format", "markdown",
                                             "--adr-dir", folder + "/"] + Self.today)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == folder + "/0002-neutral-agent-runtime-across-clouds.md\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["0001-agent-runtime-for-support-automation.md", "0002-neutral-agent-runtime-across-clouds.md"])
        // The file is the record printed to standard output, byte for byte.
        let printed = try Self.run(["--answers", Self.aws, "--format", "markdown"] + Self.today)
        #expect(try Self.read(folder + "/" + names[0]) == printed.stdout)
        #expect(printed.stdout.hasPrefix("---\nstatus: \"proposed\"\ndate: \"2026-11-25\"\n"))
    }

    @Test func adrFolderProblemsExit73() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try #require(FileManager.default.createFile(atPath: base + "/docs", contents: Data()))
        let parentIsAFile = try Self.run(["--answers", Self.aws, "--adr-dir", base + "/docs/adr"] + Self.today)
        #expect(parentIsAFile.status == 73)
        #expect(parentIsAFile.stderr.contains("\(base)/docs/adr: cannot be created"), "\(parentIsAFile.stderr)")
        // /proc refuses new files even to root: a folder that cannot be written.
        let readOnly = try Self.run(["--answers", Self.aws, "--adr-dir", "/proc"] + Self.today)
        #expect(readOnly.status == 73)
        #expect(readOnly.stderr.contains("cannot create a file in /proc"))
        #expect(readOnly.stdout.isEmpty)
    }

    @Test func outputRefusesToReplaceWithoutForce() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let path = base + "/decision.md"
        try "keep me\n".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try Self.run(["--answers", Self.aws, "--format", "markdown", "--output", path] + Self.today)
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("\(path): already exists; pass --force to replace it"))
        #expect(try Self.read(path) == "keep me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["decision.md"])
        let forced = try Self.run(["--answers", Self.aws, "--format", "markdown", "--output", path, "--force"] + Self.today)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.isEmpty)
        #expect(try Self.read(path).hasPrefix("---\nstatus: \"proposed\"\n"))
    }

    @Test func usageMistakesExit64() throws {
        let both = try Self.run(["--answers", Self.aws, "--adr-dir", "/tmp", "--output", "/tmp/x.md"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--adr-dir and --output cannot be used together"))
        let json = try Self.run(["--answers", Self.aws, "--format", "json", "--adr-dir", "/tmp"])
        #expect(json.status == 64)
        let templates = try Self.run(["--answers", Self.aws, "--minimal", "--template", "x.mustache"])
        #expect(templates.status == 64)
    }

    @Test func minimalAndOwnTemplates() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let minimal = try Self.run(["--answers", Self.aws, "--minimal"] + Self.today)
        #expect(minimal.status == 0)
        #expect(minimal.stdout.contains("\n## Considered Options\n") && !minimal.stdout.contains("## Pros and Cons"))
        let template = base + "/mine.mustache"
        try "{{title}} chose {{outcome.name}}\n".write(toFile: template, atomically: true, encoding: .utf8)
        let own = try Self.run(["--answers", Self.aws, "--template", template] + Self.today)
        #expect(own.status == 0)
        #expect(own.stdout == "Agent runtime for support automation chose AWS Bedrock AgentCore\n")
        try "{{#options}}unclosed\n".write(toFile: template, atomically: true, encoding: .utf8)
        let broken = try Self.run(["--answers", Self.aws, "--template", template] + Self.today)
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("mine.mustache"))
        let missing = try Self.run(["--answers", Self.aws, "--template", base + "/none.mustache"] + Self.today)
        #expect(missing.status == 66)
    }

    @Test func recheckExitCodes() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let record = base + "/0001-record.md"
        #expect(try Self.run(["--answers", Self.aws, "--format", "markdown", "--output", record] + Self.today).status == 0)

        let holds = try Self.run(["recheck", record] + Self.today)
        #expect(holds.status == 0, "\(holds.stderr)")
        #expect(holds.stdout.contains("The decision holds: AWS Bedrock AgentCore (aws-agentcore) still wins"))

        // A copy of Data/ where AgentCore's IAM rule counts against it: Cloudflare wins instead.
        let data = base + "/data"
        try FileManager.default.copyItem(atPath: AdvisorProcess.packageRoot + "/Data", toPath: data)
        let rules = data + "/rules/identity.yaml"
        let original = try Self.read(rules)
        let flipped = original.replacingOccurrences(of: "adjust: {aws-agentcore: 0.4,", with: "adjust: {aws-agentcore: -0.4,")
        #expect(flipped != original)
        try flipped.write(toFile: rules, atomically: true, encoding: .utf8)
        let changed = try Self.run(["recheck", record, "--data", data] + Self.today)
        #expect(changed.status == 1, "\(changed.stderr)")
        #expect(changed.stdout.contains("The decision has changed: Cloudflare Sandboxes + MCP reference architecture"))
        let changedJSON = try Self.run(["recheck", record, "--data", data, "--format", "json"] + Self.today)
        #expect(changedJSON.status == 1, "\(changedJSON.stderr)")
        #expect(changedJSON.stdout.contains("\"holds\": false"))
        #expect(changedJSON.stdout.contains("\"stack\": \"cloudflare-neutral\""))

        let notARecord = base + "/notes.md"
        try "# Notes\n\nNo front matter here.\n".write(toFile: notARecord, atomically: true, encoding: .utf8)
        let unreadable = try Self.run(["recheck", notARecord] + Self.today)
        #expect(unreadable.status == 65)
        #expect(unreadable.stderr.contains("notes.md:1: error: has no front matter"))

        let edited = base + "/edited.md"
        try Self.read(record).replacingOccurrences(of: "\n  agents: 40\n", with: "\n  agents: forty\n")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let invalid = try Self.run(["recheck", edited] + Self.today)
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("edited.md:"))

        // An answers block edited to other valid answers: the report is printed, the edit first, and it exits 65.
        let changedAnswers = base + "/changed-answers.md"
        try Self.read(record).replacingOccurrences(of: "\n  agents: 40\n", with: "\n  agents: 41\n")
            .write(toFile: changedAnswers, atomically: true, encoding: .utf8)
        let mismatch = try Self.run(["recheck", changedAnswers] + Self.today)
        #expect(mismatch.status == 65)
        #expect(mismatch.stdout.contains("\n\nERROR: the answers block does not match the record's answers-sha256"))
        let mismatchJSON = try Self.run(["recheck", changedAnswers, "--format", "json"] + Self.today)
        #expect(mismatchJSON.status == 65)
        #expect(mismatchJSON.stdout.contains("\"answers_digest\": \"mismatch\""))

        let missing = try Self.run(["recheck", base + "/none.md"] + Self.today)
        #expect(missing.status == 66)
    }

    /// `recheck --format json` after AgentCore's vCPU price rises by $0.10 in a copy of Data/. The
    /// example's workload: 40 agents × 20 sessions a day × 730 / 24 × 12 minutes / 60 = 4,866.67
    /// vCPU-hours (1 vCPU, idle billed) and 9,733.33 GB-hours. Before: 4,866.67 × $0.0895 = $435.57
    /// + 9,733.33 × $0.00945 = $91.98, total $527.55. After: 4,866.67 × $0.1895 = $922.23 + $91.98 =
    /// $1,014.21; the change is $486.66. Scores do not depend on prices, so the decision holds.
    @Test func recheckAsJSONReportsAPriceChange() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let record = base + "/0001-record.md"
        #expect(try Self.run(["--answers", Self.aws, "--format", "markdown", "--output", record] + Self.today).status == 0)
        let data = base + "/data"
        try FileManager.default.copyItem(atPath: AdvisorProcess.packageRoot + "/Data", toPath: data)
        let stack = data + "/stacks/aws-agentcore.yaml"
        let original = try Self.read(stack)
        let repriced = original.replacingOccurrences(of: "unit: vCPU-hour\n    unit_size: 1\n    rate: 0.0895",
                                                     with: "unit: vCPU-hour\n    unit_size: 1\n    rate: 0.1895")
        try #require(repriced != original)
        try repriced.write(toFile: stack, atomically: true, encoding: .utf8)

        let result = try Self.run(["recheck", record, "--format", "json", "--data", data] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["holds"] as? Bool == true)
        #expect((json["current"] as? [String: Any])?["stack"] as? String == "aws-agentcore")
        #expect(json["answers_digest"] as? String == "match")
        let costs = try #require(json["costs"] as? [[String: Any]])
        let aws = try #require(costs.first { $0["stack"] as? String == "aws-agentcore" })
        #expect(aws["status"] as? String == "changed")
        // 4,866.67 vCPU-hours, idle billed: $435.57 + $91.98 = $527.55 before; × $0.1895 = $922.23 + $91.98 = $1,014.21 after.
        #expect(aws["before_usd"] as? Double == 527.55)
        #expect(aws["after_usd"] as? Double == 1014.21)
        #expect(aws["change_usd"] as? Double == 486.66)
        // The price change is a changed fact for the same answers.
        #expect(json["changed_prices"] as? [String] == ["aws-agentcore"])
        let meters = try #require(json["meter_changes"] as? [[String: Any]])
        #expect(meters.count == 1)
        #expect(meters.first?["meter"] as? String == "aws-runtime-vcpu")
        #expect(meters.first?["before_usd"] as? Double == 0.0895)
        #expect(meters.first?["after_usd"] as? Double == 0.1895)
        #expect(json["knowledge_base_digest"] as? String == "mismatch")
        let others = costs.filter { $0["stack"] as? String != "aws-agentcore" }
        #expect(others.count == 5)
        #expect(others.allSatisfy { $0["status"] as? String == "unchanged" })
        // The same re-check against the knowledge base the record was made with: nothing moved.
        let unchanged = try Self.run(["recheck", record, "--format", "json"] + Self.today)
        #expect(unchanged.status == 0)
        #expect(!unchanged.stdout.contains("\"changed\""))
    }

    @Test func supersedeWritesTheNewRecordAndMarksTheOld() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let first = try Self.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today)
        let old = first.stdout.trimmingCharacters(in: .newlines)
        let before = try Self.read(old)
        let result = try Self.run(["supersede", old, "--answers", AdvisorProcess.example("multi-cloud"),
                                             "--adr-dir", folder] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let new = folder + "/0002-neutral-agent-runtime-across-clouds.md"
        #expect(result.stdout == new + "\n")
        let after = try Self.read(old)
        // MADR's form: the status links the successor, and a line under the title does too, with its title.
        let link = "[ADR-0002](0002-neutral-agent-runtime-across-clouds.md)"
        let titled = "[ADR-0002: Neutral agent runtime across clouds](0002-neutral-agent-runtime-across-clouds.md)"
        #expect(after.contains("\nstatus: \"superseded by \(link)\"\n"))
        #expect(after.contains("\n# Agent runtime for support automation\n\nSuperseded by \(titled).\n\n"))
        #expect(after.replacingOccurrences(of: "status: \"superseded by \(link)\"", with: "status: \"proposed\"")
                    .replacingOccurrences(of: "\n\nSuperseded by \(titled).", with: "") == before)
        let record = try Self.read(new)
        #expect(record.contains("\nsupersedes: \"ADR-0001\"\nsupersedes-file: \"0001-agent-runtime-for-support-automation.md\"\n"))
        // It names the old record by title and says why, from re-checking it: the answers changed, the
        // knowledge base did not (AgentCore still wins for the old answers).
        #expect(record.contains("This record supersedes [ADR-0001: Agent runtime for support automation]"
                                + "(0001-agent-runtime-for-support-automation.md). Why: Re-checked on 2026-11-25 against the "
                                + "knowledge base as of 2026-04-24, its answers still pick AWS Bedrock AgentCore; and the answers changed."))
        // A superseded record cannot be superseded again; nothing new is written (exit 73, as for a
        // duplicate: the record that would be written is already there).
        let again = try Self.run(["supersede", old, "--answers", Self.aws, "--adr-dir", folder] + Self.today)
        #expect(again.status == 73)
        #expect(again.stderr.contains("it is already superseded by [ADR-0002]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
    }

    /// Superseding into another folder: the old record links its successor from its own folder
    /// (`../adr/0001-….md`), not `ADR-0001` of its own folder, which is an unrelated record there.
    @Test func supersedeAcrossFoldersLinksTheSuccessor() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let oldFolder = base + "/docs/decisions", newFolder = base + "/docs/adr"
        let unrelated = try Self.run(["--answers", AdvisorProcess.example("pre-production"), "--adr-dir", oldFolder] + Self.today)
        #expect(unrelated.status == 0)
        let first = try Self.run(["--answers", Self.aws, "--adr-dir", oldFolder] + Self.today)
        let old = first.stdout.trimmingCharacters(in: .newlines)
        #expect(old.hasSuffix("/0002-agent-runtime-for-support-automation.md"))
        let result = try Self.run(["supersede", old, "--answers", AdvisorProcess.example("multi-cloud"),
                                   "--adr-dir", newFolder] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == newFolder + "/0001-neutral-agent-runtime-across-clouds.md\n")
        let after = try Self.read(old)
        // Named with its folder: this folder has an ADR-0001 of its own, an unrelated record.
        let link = "[ADR-0001 in \(newFolder)](../adr/0001-neutral-agent-runtime-across-clouds.md)"
        #expect(after.contains("\nstatus: \"superseded by \(link)\"\n"), "\(after.prefix(400))")
        #expect(after.contains("\nSuperseded by [ADR-0001 in \(newFolder): Neutral agent runtime across clouds]"
                               + "(../adr/0001-neutral-agent-runtime-across-clouds.md).\n"))
        // The link resolves from the old record's folder to the new record.
        #expect(FileManager.default.fileExists(atPath: oldFolder + "/../adr/0001-neutral-agent-runtime-across-clouds.md"))
        let record = try Self.read(newFolder + "/0001-neutral-agent-runtime-across-clouds.md")
        #expect(record.contains("This record supersedes [ADR-0002 in \(oldFolder): Agent runtime for support automation]"
                                + "(../decisions/0002-agent-runtime-for-support-automation.md)."))
    }

    /// Without --answers, supersede re-runs the old record's own answers (the knowledge base changed).
    @Test func supersedeWithTheRecordsOwnAnswers() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let old = try Self.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today).stdout.trimmingCharacters(in: .newlines)
        let result = try Self.run(["supersede", old, "--adr-dir", folder] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let new = try Self.read(result.stdout.trimmingCharacters(in: .newlines))
        let oldDigest = try Self.read(old).components(separatedBy: "\n").first { $0.hasPrefix("answers-sha256:") }
        #expect(new.contains("\n" + (oldDigest ?? "missing") + "\n"))
    }

    /// The same answers twice into one folder: a warning, nothing written, exit 73; --force writes it.
    @Test func sameAnswersTwiceNeedForce() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        #expect(try Self.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today).status == 0)
        let again = try Self.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today)
        #expect(again.status == 73)
        #expect(again.stderr.contains("warning: \(folder)/0001-agent-runtime-for-support-automation.md already records these same answers"),
                "\(again.stderr)")
        #expect(again.stderr.contains("--force"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
        let forced = try Self.run(["--answers", Self.aws, "--adr-dir", folder, "--force"] + Self.today)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == folder + "/0002-agent-runtime-for-support-automation.md\n")
        // Other answers are not a duplicate.
        #expect(try Self.run(["--answers", AdvisorProcess.example("multi-cloud"), "--adr-dir", folder] + Self.today).status == 0)
    }

    /// A log4brains date-named file does not set the next number; past 9999 is refused in a
    /// four-digit folder and allowed in a five-digit one.
    @Test func numberingIgnoresDatesAndStopsAt9999() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "# Log4brains\n".write(toFile: folder + "/20260102-use-log4brains.md", atomically: true, encoding: .utf8)
        let first = try Self.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today)
        #expect(first.stdout == folder + "/0001-agent-runtime-for-support-automation.md\n", "\(first.stderr)")
        try "# Last\n".write(toFile: folder + "/9999-last.md", atomically: true, encoding: .utf8)
        let full = try Self.run(["--answers", AdvisorProcess.example("multi-cloud"), "--adr-dir", folder] + Self.today)
        #expect(full.status == 73)
        #expect(full.stderr.contains("has no four-digit record number left (the highest is 9999)"), "\(full.stderr)")
        let five = base + "/five"
        try FileManager.default.createDirectory(atPath: five, withIntermediateDirectories: true)
        try "# Old\n".write(toFile: five + "/10000-old.md", atomically: true, encoding: .utf8)
        let next = try Self.run(["--answers", AdvisorProcess.example("multi-cloud"), "--adr-dir", five] + Self.today)
        #expect(next.stdout == five + "/10001-neutral-agent-runtime-across-clouds.md\n", "\(next.stderr)")
    }
}
