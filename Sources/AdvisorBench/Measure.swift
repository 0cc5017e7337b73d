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

/// One run of a program: wall time and peak resident memory.
struct ProcessRun {
    var milliseconds: Double
    var maxRSSKiB: Int
    var status: Int32
}

/// Starts `path` with `arguments`, output discarded, and waits for it.
func spawn(_ path: String, _ arguments: [String]) -> ProcessRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else {
        return ProcessRun(milliseconds: 0, maxRSSKiB: 0, status: -1)
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    return ProcessRun(milliseconds: Double(now() - start) / 1e6, maxRSSKiB: Int(usage.ru_maxrss),
                      status: (status >> 8) & 0xFF)
}
