import AdvisorTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `runtime-advisor` as a user would, capturing exit status, output and peak memory.
enum AdvisorProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Peak resident memory of the advisor, in KiB, as the memory probe measured it.
        var maxRSSKiB: Int
        /// The advisor was still running after `hangLimit` and was killed: it hung (for example on a FIFO).
        var hung: Bool
    }

    /// A guard against hangs, not a speed measurement: far beyond any normal run on a loaded machine.
    static let hangLimit: Double = 120

    static let packageRoot = AdvisorTestSupport.packageRoot

    /// The folder the test bundle was built into, which holds the built executables too.
    static let products: String = {
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()]
        where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("runtime-advisor").path) {
            return folder.path
        }
        return packageRoot + "/.build/debug"
    }()

    static let binary = products + "/runtime-advisor"
    static let memoryProbe = products + "/MemoryProbe"

    static func example(_ name: String) -> String { examplePath(name) }
    static func corpus(_ name: String) -> String { "\(packageRoot)/Tests/CLITests/Corpus/\(name)" }

    /// Runs the advisor under `/bin/sh` with `umask` set first, as a user with that umask would.
    static func run(umask mask: String, _ arguments: [String]) throws -> Result {
        try run(["-c", "umask \(mask) && exec \"$0\" \"$@\"", binary] + arguments, binary: "/bin/sh")
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs the advisor with `arguments`; `stdin` is a file to read standard input from (default /dev/null);
    /// `stdout` a file to send standard output to instead of capturing it (such as /dev/full).
    static func run(_ arguments: [String], stdin: String = "/dev/null", stdout: String? = nil,
                    environment: [String: String] = [:], binary: String = AdvisorProcess.binary) throws -> Result {
        let running = try start(arguments, stdin: stdin, stdout: stdout, environment: environment, binary: binary)
        let result = running.finish()
        // A binary copied moments ago can still be open for writing in a child another test forked.
        if result.status == 127, result.stderr.contains("busy") {
            usleep(50_000)
            return try run(arguments, stdin: stdin, stdout: stdout, environment: environment, binary: binary)
        }
        return result
    }

    /// An advisor started and not yet waited for, so several can run at once.
    struct Running {
        let pid: pid_t
        let scratch: String
        let capturesStdout: Bool

        /// Waits for the advisor to end and collects what it wrote.
        func finish() -> Result {
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let (status, hung) = AdvisorProcess.waitWithHangGuard(pid)
            let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            let peak = (try? String(contentsOfFile: scratch + "/peak", encoding: .utf8))
                .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return Result(status: exitStatus,
                          stdout: capturesStdout ? (try? String(contentsOfFile: scratch + "/stdout", encoding: .utf8)) ?? "" : "",
                          stderr: (try? String(contentsOfFile: scratch + "/stderr", encoding: .utf8)) ?? "",
                          maxRSSKiB: peak ?? Int.max, hung: hung)
        }
    }

    /// Starts the advisor with `arguments` (see `run`) and returns at once.
    static func start(_ arguments: [String], stdin: String = "/dev/null", stdout: String? = nil,
                      environment: [String: String] = [:], binary: String = AdvisorProcess.binary) throws -> Running {
        let scratch = try temporaryDirectory()
        let outPath = scratch + "/stdout", errPath = scratch + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        env["RUNTIME_ADVISOR_DATA"] = nil
        env["RUNTIME_ADVISOR_PRICES"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        // Through the memory probe, so the peak measured is the advisor's, not this test process's.
        let argv = ([memoryProbe, scratch + "/peak", binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, memoryProbe, &actions, nil, argv, envp)
        guard spawned == 0 else {
            try? FileManager.default.removeItem(atPath: scratch)
            throw SpawnError(description: "could not start \(binary): \(String(cString: strerror(spawned)))")
        }
        return Running(pid: pid, scratch: scratch, capturesStdout: stdout == nil)
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Waits for `pid`; kills it when it is still running after `hangLimit` seconds.
    private static func waitWithHangGuard(_ pid: pid_t) -> (status: Int32, hung: Bool) {
        let deadline = Date().addingTimeInterval(hangLimit)
        var status: Int32 = 0
        var hung = false
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return (status, hung) }
            if result < 0 && errno != EINTR { return (status, hung) }
            if !hung && Date() > deadline {
                hung = true
                kill(pid, SIGKILL)
            }
            usleep(2_000)
        }
    }
}
