#if canImport(Glibc)
import Glibc
#endif

/// Monotonic time in nanoseconds.
func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Timings of repeated runs, in milliseconds.
struct Samples {
    var milliseconds: [Double] = []

    mutating func time(_ body: () -> Void) {
        let start = now()
        body()
        milliseconds.append(Double(now() - start) / 1e6)
    }

    func percentile(_ p: Double) -> Double {
        let sorted = milliseconds.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    var median: Double { percentile(0.5) }
}

/// One run of a program: wall time, CPU time (user and system) and peak resident memory.
struct ProcessRun {
    var milliseconds: Double
    var cpuMilliseconds: Double
    var maxRSSKiB: Int
    var status: Int32
}

/// Where a spawned program's standard streams go.
struct Streams {
    var input = "/dev/null"
    var output = "/dev/null"
    var error = "/dev/null"
}

/// Starts `path` with `arguments` and waits for it. `environment` entries replace the inherited ones
/// of the same name.
func spawn(_ path: String, _ arguments: [String], streams: Streams = Streams(), environment: [String: String] = [:]) -> ProcessRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, streams.input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, streams.output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, streams.error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    return CStrings.with([path] + arguments, environment: environment) { argv, envp in
        var pid: pid_t = 0
        let start = now()
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else {
            return ProcessRun(milliseconds: 0, cpuMilliseconds: 0, maxRSSKiB: 0, status: -1)
        }
        return wait(for: pid, startedAt: start)
    }
}

/// Waits for `pid` and reads its resource use.
func wait(for pid: pid_t, startedAt start: UInt64) -> ProcessRun {
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let cpu = usage.ru_utime.milliseconds + usage.ru_stime.milliseconds
    return ProcessRun(milliseconds: Double(now() - start) / 1e6, cpuMilliseconds: cpu, maxRSSKiB: Int(usage.ru_maxrss),
                      status: (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
}

extension timeval {
    var milliseconds: Double { Double(tv_sec) * 1000 + Double(tv_usec) / 1000 }
}

/// Argument and environment vectors as C strings, for posix_spawn.
enum CStrings {
    static func with<T>(_ arguments: [String], environment: [String: String],
                        _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>, UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
        var entries: [String] = []
        var index = 0
        while let entry = environ[index] {
            let text = String(cString: entry)
            if !environment.keys.contains(where: { text.hasPrefix($0 + "=") }) { entries.append(text) }
            index += 1
        }
        entries += environment.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = entries.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        return body(argv, envp)
    }
}

/// A fresh folder under /tmp, and its removal.
enum Scratch {
    static func folder(_ name: String) -> String {
        var template = Array("/tmp/advisor-bench-\(name)-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    static func remove(_ folder: String) {
        _ = spawn("/bin/rm", ["-rf", folder])
    }
}
