import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12: a `--data` folder is read whole or refused; nothing in it is silently skipped.
@Suite struct KnowledgeFolderCLITests {
    static let answers = AdvisorProcess.example("multi-cloud")

    static func copyOfData() throws -> (base: String, data: String) {
        let base = try AdvisorProcess.temporaryDirectory()
        let data = base + "/Data"
        try FileManager.default.copyItem(atPath: AdvisorProcess.packageRoot + "/Data", toPath: data)
        return (base, data)
    }

    @Test func everyFileTheLoaderWouldNotReadIsNamedAtOnce() throws {
        let (base, data) = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.copyItem(atPath: data + "/stacks/aws-agentcore.yaml", toPath: data + "/stacks/extra.yml")
        try FileManager.default.createDirectory(atPath: data + "/rules/a/b/c", withIntermediateDirectories: true)
        try "x: 1\n".write(toFile: data + "/rules/a/b/c/deep.yaml", atomically: true, encoding: .utf8)
        try #require(symlink("/etc/passwd", data + "/rules/leak.yaml") == 0)
        // A name that is not UTF-8 (a Latin-1 "é").
        let badName = data + "/stacks/caf\u{FFFD}.yaml"
        let raw = Array((data + "/stacks/caf").utf8) + [0xE9] + Array(".yaml".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        try #require(fd >= 0)
        close(fd)
        let result = try AdvisorProcess.run(["--answers", Self.answers, "--data", data])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        for message in [
            "\(data)/stacks/extra.yml: error: is not read by the knowledge-base loader (expected *.yaml files",
            "\(data)/rules/a/b/c: error: is nested too deep to be read",
            "\(data)/rules/leak.yaml: error: is a symbolic link that leads outside the knowledge-base folder",
            "\(badName): error: has a name that is not UTF-8",
        ] {
            #expect(result.stderr.contains(message), "missing «\(message)» in: \(result.stderr)")
        }
        #expect(!result.stderr.contains("root:"), "the link's target is never quoted")
    }

    @Test func theKnowledgeBaseHasATotalSizeCap() throws {
        let (base, data) = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: base) }
        // Three files each under the 4 MiB per-file cap, together over the 8 MiB cap.
        let padding = "# " + String(repeating: "x", count: 3 << 20) + "\n"
        for name in ["a", "b", "c"] {
            try padding.write(toFile: data + "/rules/pad-\(name).yaml", atomically: true, encoding: .utf8)
        }
        let result = try AdvisorProcess.run(["--answers", Self.answers, "--data", data])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(data): error: holds "), "\(result.stderr)")
        #expect(result.stderr.contains("(expected a knowledge base of at most 8,388,608 bytes in all)"), "\(result.stderr)")
        #expect(result.maxRSSKiB < 100 * 1024, "refused before reading: \(result.maxRSSKiB) KiB")
    }

    @Test func documentationAndExamplesAreSkippedOnPurpose() throws {
        let (base, data) = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try "# notes\n".write(toFile: data + "/stacks/NOTES.md", atomically: true, encoding: .utf8)
        let result = try AdvisorProcess.run(["--answers", Self.answers, "--data", data, "--today", "2026-11-25"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
