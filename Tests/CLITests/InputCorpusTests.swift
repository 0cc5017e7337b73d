import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every file in Corpus/ is something a user or a colleague could hand the advisor. Each gets the
/// documented exit code and a message that says what is wrong and where, never a crash or a hang,
/// and no case uses more than 100 MiB of memory.
@Suite struct InputCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let status: Int32
        /// Substrings the error output must contain.
        let messages: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        .init(file: "not-yaml.yaml", status: 65, messages: ["not-yaml.yaml:3:1: error: is not valid YAML"]),
        .init(file: "binary.yaml", status: 65, messages: ["binary.yaml:2: error: contains a NUL byte"]),
        .init(file: "invalid-utf8.yaml", status: 65, messages: ["invalid-utf8.yaml:6: error: is not UTF-8 text"]),
        .init(file: "bom-crlf.yaml", status: 0, messages: []),
        .init(file: "empty.yaml", status: 65, messages: ["empty.yaml:1: error: is empty (expected an answers file starting with 'version: 1')"]),
        .init(file: "wrong-types.yaml", status: 65, messages: [
            "workload.agents: must be a number, got 'forty'", "sandbox.untrusted_content: must be true or false, got 'no'",
        ]),
        .init(file: "duplicate-keys.yaml", status: 65, messages: ["duplicate-keys.yaml:23:3: error: agents: appears twice in the same mapping (first at line 22)"]),
        .init(file: "unknown-keys.yaml", status: 65, messages: [
            "workload.agnets: is not a known key", "did you mean 'agents'?", "identiy: is not a known key", "did you mean 'identity'?",
        ]),
        .init(file: "misspelt-values.yaml", status: 65, messages: [
            "identity.provider: 'aws_iam' is not one of the options", "did you mean 'aws-iam'?",
            "billing.pattern: 'tightloop' is not one of the options", "did you mean 'tight-loop'?",
        ]),
        .init(file: "negative.yaml", status: 65, messages: [
            "workload.agents: is -40, below the minimum 1 (expected a whole number from 1 to 100000)",
            "workload.humans: is -1, below the minimum 0",
        ]),
        .init(file: "zero.yaml", status: 65, messages: ["workload.agents: is 0, below the minimum 1"]),
        .init(file: "nan.yaml", status: 65, messages: ["workload.idle_fraction: must be a finite number, got .nan"]),
        .init(file: "infinite.yaml", status: 65, messages: ["workload.session_minutes: must be a finite number, got .inf"]),
        .init(file: "huge.yaml", status: 65, messages: ["workload.agents: is 1e+308, above the maximum 100000"]),
        .init(file: "fraction-out-of-range.yaml", status: 65, messages: ["workload.idle_fraction: is 1.5, above the maximum 1"]),
        .init(file: "weights-zero.yaml", status: 65, messages: ["weights: are all zero (expected at least one weight above 0)"]),
        .init(file: "weights-denormal.yaml", status: 65, messages: [
            "weights-denormal.yaml:33:10: error: weights.model: is 5e-324, positive but below 0.001, the smallest weight that counts",
        ]),
        .init(file: "deep-nesting.yaml", status: 65, messages: ["deep-nesting.yaml:2:", "nests deeper than 32 levels"]),
        .init(file: "alias-bomb.yaml", status: 65, messages: ["alias-bomb.yaml:3:8: error: uses the alias '*a'; answers files do not use anchors and aliases"]),
        // The CI fuzzer's finding of 2026-12-03: an alias-expanded list used as a mapping key.
        .init(file: "alias-as-key.yaml", status: 65, messages: ["alias-as-key.yaml:3:8: error: uses the alias '*a'"]),
        .init(file: "hostile-title.yaml", status: 0, messages: []),
    ]

    @Test(arguments: cases) func corpusFile(_ testCase: Case) throws {
        let path = AdvisorProcess.corpus(testCase.file)
        let result = try AdvisorProcess.run(["--answers", path, "--today", "2026-11-25"])
        #expect(result.status == testCase.status, "stderr: \(result.stderr)")
        for message in testCase.messages {
            #expect(result.stderr.contains(message), "missing «\(message)» in: \(result.stderr)")
        }
        if testCase.status != 0 {
            #expect(result.stdout.isEmpty, "nothing is printed on stdout when the input is refused")
            #expect(result.stderr.hasPrefix(path), "messages start with the file name")
        }
        #expect(result.maxRSSKiB < 100 * 1024, "peak memory \(result.maxRSSKiB) KiB")
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"), "no raw escape reaches a terminal")
    }

    @Test func everyCorpusFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: AdvisorProcess.packageRoot + "/Tests/CLITests/Corpus")
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test func fileOverTheSizeLimitIsRefusedBeforeParsing() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/big.yaml"
        try Data(("version: 1\n# " + String(repeating: "x", count: 2 << 20) + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let result = try AdvisorProcess.run(["--answers", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("is 2,097,166 bytes"), "\(result.stderr)")
        #expect(result.stderr.contains("at most 1,048,576 bytes"), "\(result.stderr)")
    }

    /// An 8 GiB sparse file costs no disk; read whole, it would need 8 GiB of memory. A peak under
    /// 100 MiB shows the size was checked before reading.
    @Test func hugeFileIsNeverRead() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/huge.yaml"
        try #require(FileManager.default.createFile(atPath: path, contents: Data("version: 1\n".utf8)))
        try #require(truncate(path, 8 << 30) == 0)
        let result = try AdvisorProcess.run(["--answers", path])
        #expect(!result.hung)
        #expect(result.status == 65)
        #expect(result.stderr.contains("is 8,589,934,592 bytes"), "\(result.stderr)")
        #expect(result.maxRSSKiB < 100 * 1024, "peak memory \(result.maxRSSKiB) KiB")
    }

    @Test func oneMegabyteTitleIsRefusedWithoutTrouble() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/title.yaml"
        let answers = try String(contentsOfFile: AdvisorProcess.example("single-cloud-aws"), encoding: .utf8)
        let title = String(repeating: "t", count: 1_000_000)
        try answers.replacingOccurrences(of: "  title: Agent runtime for support automation", with: "  title: \(title)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try AdvisorProcess.run(["--answers", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("decision.title: is 1000000 characters long (expected at most 200)"), "\(result.stderr)")
        #expect(result.maxRSSKiB < 100 * 1024)
    }

    @Test func notARegularFile() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe.yaml"
        try #require(mkfifo(fifo, 0o600) == 0)
        let cases: [(String, String)] = [
            (folder, "is a directory"), (fifo, "is a FIFO"), ("/dev/zero", "is a device"),
            (folder + "/missing.yaml", "does not exist"),
        ]
        for (path, message) in cases {
            let result = try AdvisorProcess.run(["--answers", path])
            #expect(result.status == 66, "\(path): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(path): \(result.stderr)")
            #expect(!result.hung, "\(path): a FIFO opened for reading would wait for a writer forever")
        }
    }

    @Test func standardInput() throws {
        let result = try AdvisorProcess.run(["--answers", "-", "--format", "json"], stdin: AdvisorProcess.example("multi-cloud"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"stack\": \"cloudflare-neutral\""))
        let bad = try AdvisorProcess.run(["--answers", "-"], stdin: AdvisorProcess.corpus("negative.yaml"))
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("<stdin>:"))
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let result = try AdvisorProcess.run(["--answers", AdvisorProcess.corpus("hostile-title.yaml"), "--format", "json"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"))
        #expect(result.stdout.contains("\\u001b"), "JSON keeps the text, escaped")
    }

    @Test func usageErrorsExit64() throws {
        let unknown = try AdvisorProcess.run(["--answers", AdvisorProcess.example("multi-cloud"), "--format", "yaml"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("yaml"))
        let noTerminal = try AdvisorProcess.run([])
        #expect(noTerminal.status == 64)
        #expect(noTerminal.stderr.contains("--answers"))
        let badDate = try AdvisorProcess.run(["--answers", AdvisorProcess.example("multi-cloud"), "--today", "yesterday"])
        #expect(badDate.status == 64)
    }

    @Test func brokenKnowledgeBaseOverrideIsRefusedWhole() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/Data"
        try FileManager.default.copyItem(atPath: AdvisorProcess.packageRoot + "/Data", toPath: data)
        let stack = data + "/stacks/google-agent-platform.yaml"
        let text = try String(contentsOfFile: stack, encoding: .utf8)
        try text.replacingOccurrences(of: "rate: 0.0864", with: "rate: -0.0864").write(toFile: stack, atomically: true, encoding: .utf8)
        try "as_of: 2026-04-24\nrisks: []\nextra: 1\n".write(toFile: data + "/risks.yaml", atomically: true, encoding: .utf8)
        let result = try AdvisorProcess.run(["--answers", AdvisorProcess.example("multi-cloud"), "--data", data])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty, "no partial report")
        #expect(result.stderr.contains("\(stack):"), "\(result.stderr)")
        #expect(result.stderr.contains("negative price"))
        #expect(result.stderr.contains("\(data)/risks.yaml:3:1: error: extra: is not a known key"))
    }

    @Test func copiedBinaryStillFindsItsKnowledgeBase() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copy = folder + "/runtime-advisor"
        try FileManager.default.copyItem(atPath: AdvisorProcess.binary, toPath: copy)
        let example = folder + "/answers.yaml"
        try FileManager.default.copyItem(atPath: AdvisorProcess.example("identity-as-product"), toPath: example)
        let result = try AdvisorProcess.run(["--answers", example, "--format", "json"], binary: copy)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"stack\": \"microsoft-agent-365\""))
    }
}
