import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, item 3: "already superseded" and "a record with the same answers exists" are decided
/// under the ADR folder's lock, so advisors started together behave like advisors run one after the
/// other.
///
/// To make the race certain rather than likely, the test takes the folder's lock itself (flock on
/// the folder, as the advisor does), starts every advisor, waits until the kernel lists each of them
/// queued on that lock (/proc/locks), and only then lets them go: every run has done all its work
/// before the lock at the same time, which is the worst case for a check made outside it.
@Suite(.enabled(if: FileManager.default.isReadableFile(atPath: "/proc/locks"), "needs Linux's /proc/locks to see who waits on a lock"))
struct FolderRaceCLITests {
    static let today = ["--today", "2026-11-25"]
    static let aws = AdvisorProcess.example("single-cloud-aws")
    static let multiCloud = AdvisorProcess.example("multi-cloud")

    /// Runs every argument list at once, released together from behind `folder`'s lock.
    static func runTogether(behindLockOf folder: String, _ argumentLists: [[String]]) throws -> [AdvisorProcess.Result] {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX) == 0)
        var info = stat()
        try #require(fstat(fd, &info) == 0)
        let running = try argumentLists.map { try AdvisorProcess.start($0) }
        let queued = waitUntilQueued(argumentLists.count, onInode: UInt64(info.st_ino))
        flock(fd, LOCK_UN)
        let results = running.map { $0.finish() }
        #expect(queued, "not every advisor queued on the folder's lock: \(results.map(\.stderr))")
        return results
    }

    /// Polls /proc/locks until `count` processes wait for a lock on the inode; false after the hang limit.
    static func waitUntilQueued(_ count: Int, onInode inode: UInt64) -> Bool {
        let deadline = Date().addingTimeInterval(AdvisorProcess.hangLimit)
        while Date() < deadline {
            // A waiting request reads like `2: -> FLOCK  ADVISORY  WRITE 18925 fe:00:16228496 0 EOF`.
            let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
            let waiting = locks.split(separator: "\n").filter { $0.contains("->") && $0.contains(":\(inode) ") }
            if waiting.count >= count { return true }
            usleep(10_000)
        }
        return false
    }

    @Test func tenConcurrentSupersedesOfOneRecordLetExactlyOneWin() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let old = try AdvisorProcess.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today)
            .stdout.trimmingCharacters(in: .newlines)
        try #require(old == folder + "/0001-agent-runtime-for-support-automation.md")

        let runs = Array(repeating: ["supersede", old, "--answers", Self.multiCloud, "--adr-dir", folder] + Self.today, count: 10)
        let results = try Self.runTogether(behindLockOf: folder, runs)

        let won = results.filter { $0.status == 0 }
        #expect(won.count == 1, "statuses \(results.map(\.status)): \(results.map(\.stderr))")
        #expect(won.first?.stdout == folder + "/0002-neutral-agent-runtime-across-clouds.md\n")
        let refused = results.filter { $0.status != 0 }
        #expect(refused.count == 9)
        for result in refused {
            #expect(result.status == 73, "\(result.stderr)")
            #expect(result.stderr.contains("cannot supersede \(old): it is already superseded by [ADR-0002](0002-neutral-agent-runtime-across-clouds.md); nothing was written"),
                    "\(result.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["0001-agent-runtime-for-support-automation.md", "0002-neutral-agent-runtime-across-clouds.md"])
        let marked = try String(contentsOfFile: old, encoding: .utf8)
        #expect(marked.contains("\nstatus: \"superseded by [ADR-0002](0002-neutral-agent-runtime-across-clouds.md)\"\n"))
        #expect(marked.components(separatedBy: "Superseded by ").count == 2, "one successor line under the title")
    }

    @Test func twelveConcurrentIdenticalRecordsGiveOne() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        let runs = Array(repeating: ["--answers", Self.aws, "--adr-dir", folder] + Self.today, count: 12)
        let results = try Self.runTogether(behindLockOf: folder, runs)

        let record = folder + "/0001-agent-runtime-for-support-automation.md"
        #expect(results.filter { $0.status == 0 }.map(\.stdout) == [record + "\n"], "statuses \(results.map(\.status))")
        let refused = results.filter { $0.status != 0 }
        #expect(refused.count == 11)
        for result in refused {
            #expect(result.status == 73, "\(result.stderr)")
            #expect(result.stderr.contains("warning: \(record) already records these same answers; nothing was written"), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["0001-agent-runtime-for-support-automation.md"])
    }

    @Test func aSupersededRecordIsRefusedOneAfterAnotherToo() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/adr"
        let old = try AdvisorProcess.run(["--answers", Self.aws, "--adr-dir", folder] + Self.today)
            .stdout.trimmingCharacters(in: .newlines)
        #expect(try AdvisorProcess.run(["supersede", old, "--answers", Self.multiCloud, "--adr-dir", folder] + Self.today).status == 0)
        // Into another folder, whose lock is not the old record's folder's.
        let again = try AdvisorProcess.run(["supersede", old, "--answers", Self.aws, "--adr-dir", base + "/other"] + Self.today)
        #expect(again.status == 73, "\(again.stderr)")
        #expect(again.stderr.contains("it is already superseded by [ADR-0002](0002-neutral-agent-runtime-across-clouds.md); nothing was written"),
                "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
        #expect(!FileManager.default.fileExists(atPath: base + "/other/0001-agent-runtime-for-support-automation.md"))
    }
}
