import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 through the real binary: failed writes (exit 74), what `--force` may replace, file modes,
/// ADR numbers under concurrency and absurd names, and text that must not pass raw.
@Suite struct WriteSafetyCLITests {
    static let today = ["--today", "2026-11-25"]
    static let aws = AdvisorProcess.example("single-cloud-aws")
    static let multiCloud = AdvisorProcess.example("multi-cloud")

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : nil
    }

    @Test func aFullDiskOnStandardOutputExits74() throws {
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--format", "json"] + Self.today, stdout: "/dev/full")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write to standard output: No space left on device"), "\(result.stderr)")
        let help = try AdvisorProcess.run(["--help"])
        #expect(help.stdout.contains("74 a write failed part-way"), "\(help.stdout)")
    }

    @Test func aFileSizeLimitFailsTheWriteAndLeavesNoTemporaryFile() throws {
        // Under `ulimit -f` the kernel sends SIGXFSZ, which would kill the process mid-write and
        // leave its temporary file; ignored, the write fails with EFBIG and is cleaned up.
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let script = "ulimit -f 4 && exec \"$0\" --answers \"$1\" --format json --today 2026-11-25 --output \"$2\""
        let result = try AdvisorProcess.run(["-c", script, AdvisorProcess.binary, Self.aws, base + "/report.json"],
                                            binary: "/bin/sh")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("report.json: cannot write: File too large"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).isEmpty, "no temporary file left behind")
    }

    @Test func aClosedPipeIsQuiet() throws {
        // `| true`: the reader is gone before the report is written, so the write meets EPIPE; the
        // advisor must neither complain nor die of SIGPIPE (status 141).
        let script = "\"$0\" --answers \"$1\" --format json --today 2026-11-25 | true; echo \"advisor=${PIPESTATUS[0]}\""
        let result = try AdvisorProcess.run(["-c", script, AdvisorProcess.binary, Self.aws], binary: "/bin/bash")
        #expect(result.stdout == "advisor=0\n", "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func forceRefusesSpecialFilesAndWritesThroughLinks() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let fifo = base + "/pipe"
        try #require(mkfifo(fifo, 0o644) == 0)
        let refused = try AdvisorProcess.run(["--answers", Self.aws, "--output", fifo, "--force"] + Self.today)
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("\(fifo): is a FIFO, not a regular file; only regular files are replaced"), "\(refused.stderr)")
        #expect(Self.mode(fifo).map { $0 & S_IFMT == S_IFIFO } == true, "the FIFO is still a FIFO")

        try FileManager.default.createDirectory(atPath: base + "/real", withIntermediateDirectories: true)
        let target = base + "/real/report.txt", link = base + "/report.txt"
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        try #require(symlink("real/report.txt", link) == 0)
        let through = try AdvisorProcess.run(["--answers", Self.aws, "--output", link, "--force"] + Self.today)
        #expect(through.status == 0, "\(through.stderr)")
        #expect(Self.mode(link).map { $0 & S_IFMT == S_IFLNK } == true, "the link is still a link")
        #expect(try Self.read(target).contains("AWS Bedrock AgentCore"), "the link's target was replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base + "/real") == ["report.txt"], "no temporary file left")

        try #require(symlink("real/missing.txt", base + "/dangling") == 0)
        let dangling = try AdvisorProcess.run(["--answers", Self.aws, "--output", base + "/dangling", "--force"] + Self.today)
        #expect(dangling.status == 73)
        #expect(dangling.stderr.contains("is a symbolic link to a file that does not exist"), "\(dangling.stderr)")
    }

    @Test func filesHonourTheUmaskAndKeepTheirMode() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let created = base + "/new.txt"
        let new = try AdvisorProcess.run(umask: "077", ["--answers", Self.aws, "--output", created] + Self.today)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(Self.mode(created).map { $0 & 0o777 } == 0o600, "umask 077 gives 0600")

        let kept = base + "/kept.txt"
        try "old\n".write(toFile: kept, atomically: true, encoding: .utf8)
        try #require(chmod(kept, 0o640) == 0)
        let replaced = try AdvisorProcess.run(["--answers", Self.aws, "--output", kept, "--force"] + Self.today)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(Self.mode(kept).map { $0 & 0o777 } == 0o640, "--force keeps the old file's mode")
    }

    @Test func supersedeThroughALinkKeepsTheLinkAndTheMode() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let first = try AdvisorProcess.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today)
        let old = first.stdout.trimmingCharacters(in: .newlines)
        try #require(chmod(old, 0o600) == 0)
        let link = base + "/current.md"
        try #require(symlink(old, link) == 0)
        let result = try AdvisorProcess.run(["supersede", link, "--answers", Self.multiCloud, "--adr-dir", folder] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.mode(link).map { $0 & S_IFMT == S_IFLNK } == true, "the link is still a link")
        #expect(try Self.read(old).contains("\nstatus: \"superseded by [ADR-0002](0002-neutral-agent-runtime-across-clouds.md)\"\n"))
        #expect(Self.mode(old).map { $0 & 0o777 } == 0o600, "the old record keeps its mode")
    }

    @Test(.enabled(if: getuid() == 0, "giving a file to another owner needs root"))
    func supersedeKeepsTheOldRecordsOwner() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let old = try AdvisorProcess.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today)
            .stdout.trimmingCharacters(in: .newlines)
        try #require(chown(old, 65534, 65534) == 0)
        let result = try AdvisorProcess.run(["supersede", old, "--answers", Self.multiCloud, "--adr-dir", folder] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        try #require(stat(old, &info) == 0)
        #expect(info.st_uid == 65534 && info.st_gid == 65534, "owner \(info.st_uid):\(info.st_gid)")
        #expect(try Self.read(old).contains("superseded by [ADR-0002]"))
    }

    @Test func concurrentWritersNeverShareANumber() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let rounds = 20
        for _ in 0..<rounds {
            // Two writers at once, with different titles (so different file names).
            let examples = [Self.aws, Self.multiCloud]
            nonisolated(unsafe) var statuses = [Int32](repeating: -1, count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                // --force: every round writes the same two answer sets again, on purpose.
                let result = try? AdvisorProcess.run(["--answers", examples[index], "--adr-dir", folder, "--force"] + Self.today)
                statuses[index] = result?.status ?? -1
            }
            #expect(statuses == [0, 0])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }
        let numbers = names.map { String($0.prefix(4)) }
        #expect(names.count == 2 * rounds, "nothing lost: \(names.sorted())")
        #expect(Set(numbers).count == numbers.count, "duplicate numbers: \(names.sorted())")
        #expect(Set(numbers) == Set((1...2 * rounds).map { String(format: "%04d", $0) }))
    }

    @Test func anAbsurdNumberInTheFolderIsRefusedNotACrash() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try #require(FileManager.default.createFile(atPath: base + "/9223372036854775807-x.md", contents: Data()))
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--adr-dir", base] + Self.today)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("holds '9223372036854775807-x.md', whose number is too large for a record"), "\(result.stderr)")
        let full = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: full) }
        try #require(FileManager.default.createFile(atPath: full + "/9999-last.md", contents: Data()))
        let past = try AdvisorProcess.run(["--answers", Self.aws, "--adr-dir", full] + Self.today)
        #expect(past.status == 73)
        #expect(past.stderr.contains("no four-digit record number left"), "\(past.stderr)")
    }

    @Test func jsonEscapesInvisibleAndReorderingCharacters() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let answers = base + "/answers.yaml"
        let text = try Self.read(Self.aws).replacingOccurrences(
            of: "title: Agent runtime for support automation",
            with: #"title: "A\u202Eb\u2066c\u200Bd\u2060e\uFEFFf""#)
        try text.write(toFile: answers, atomically: true, encoding: .utf8)
        let result = try AdvisorProcess.run(["--answers", answers, "--format", "json"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""A\u202eb\u2066c\u200bd\u2060e\ufefff""#), "\(result.stdout.prefix(600))")
        for scalar in ["\u{202E}", "\u{2066}", "\u{200B}", "\u{2060}", "\u{FEFF}"] {
            #expect(!result.stdout.contains(scalar))
        }
    }

    @Test func aNewlineInAPathStaysOnOneLine() throws {
        let result = try AdvisorProcess.run(["--answers", "/tmp/no\nsuch: error: forged.yaml"])
        #expect(result.status == 66)
        #expect(result.stderr == "/tmp/no\\nsuch: error: forged.yaml: error: does not exist\n", "\(result.stderr)")
    }

    @Test func nestedTemplateSectionsAreRefusedBeforeRendering() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        // The issue's 201-byte template: 8 nested sections over the 6 options, 6^8 renders.
        let template = base + "/nested.mustache"
        let text = String(repeating: "{{#options}}", count: 8) + "{{name}}" + String(repeating: "{{/options}}", count: 8) + "\n"
        try text.write(toFile: template, atomically: true, encoding: .utf8)
        #expect(text.utf8.count == 201)
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--template", template] + Self.today)
        #expect(!result.hung)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(template): error: needs more than 500000 tag renders"), "\(result.stderr)")
        #expect(result.stderr.contains("expected a render budget of at most 500000 tag renders"))

        let deep = base + "/deep.mustache"
        try (String(repeating: "{{#front}}", count: 13) + "x" + String(repeating: "{{/front}}", count: 13))
            .write(toFile: deep, atomically: true, encoding: .utf8)
        let tooDeep = try AdvisorProcess.run(["--answers", Self.aws, "--template", deep] + Self.today)
        #expect(tooDeep.status == 65)
        #expect(tooDeep.stderr.contains("\(deep): error: nests sections 13 deep at line 1 ('front')"), "\(tooDeep.stderr)")

        let wide = base + "/wide.mustache"
        try (String(repeating: "{{#options}}", count: 2) + String(repeating: "{{answers.yaml}}", count: 2000)
             + String(repeating: "{{/options}}", count: 2)).write(toFile: wide, atomically: true, encoding: .utf8)
        let tooLarge = try AdvisorProcess.run(["--answers", Self.aws, "--template", wide] + Self.today)
        #expect(tooLarge.status == 65)
        #expect(tooLarge.stderr.contains("\(wide): error: could write more than 16777216 bytes"), "\(tooLarge.stderr)")
    }
}
