#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a pseudo-terminal of a given size, as the wizard needs, and times it to its first
/// complete frame: the moment the bytes that draw the screen's last row have arrived. Then the program
/// is sent SIGTERM (the wizard restores the terminal and exits) and waited for, so the run's CPU time
/// is the first frame plus a clean exit.
enum TerminalRun {
    struct Result {
        /// Wall time to the first frame, or nil when it never came (timeout, or the program ended first).
        var firstFrameMilliseconds: Double?
        var run: ProcessRun
    }

    static func firstFrame(_ path: String, _ arguments: [String], width: Int, height: Int,
                           environment: [String: String], timeoutSeconds: Double) -> Result? {
        guard let slave = PseudoTerminal.open() else { return nil }
        let master = slave.master
        defer { close(master) }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else { return nil }

        // A new session whose first terminal opened becomes its controlling terminal (/dev/tty).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setSessionID: Int16 = 0x80  // glibc's POSIX_SPAWN_SETSID, which Swift's Glibc module leaves out
        posix_spawnattr_setflags(&attributes, setSessionID)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave.path, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var pid: pid_t = 0
        let start = now()
        let spawned = CStrings.with([path] + arguments, environment: environment) { argv, envp in
            posix_spawn(&pid, path, &actions, &attributes, argv, envp) == 0
        }
        guard spawned else { return nil }

        let deadline = start + UInt64(timeoutSeconds * 1e9)
        var frame: Double?
        var screen = LastRowWatch(height: height)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var signalled = false
        while true {
            if frame == nil, now() > deadline, !signalled {
                kill(pid, SIGKILL)
                signalled = true
            }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 || errno == EINTR else { break }
            guard poller.revents != 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }  // EIO: every copy of the terminal's other side is closed
            if frame == nil, screen.sawLastRow(buffer[0..<count]) {
                frame = Double(now() - start) / 1e6
                kill(pid, SIGTERM)
                signalled = true
            }
        }
        return Result(firstFrameMilliseconds: frame, run: wait(for: pid, startedAt: start))
    }
}

/// A new pseudo-terminal: the master side's descriptor and the path of the side a program opens.
/// Swift's Glibc module leaves out glibc's pseudo-terminal calls (they need _XOPEN_SOURCE), so they are
/// looked up by name.
struct PseudoTerminal {
    var master: Int32
    var path: String

    static func open() -> PseudoTerminal? {
        typealias Call = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        func libc<T>(_ name: String, _ type: T.Type) -> T? {
            dlsym(nil, name).map { unsafeBitCast($0, to: type) }  // nil is RTLD_DEFAULT in glibc
        }
        guard let openpt = libc("posix_openpt", Call.self), let grantpt = libc("grantpt", Call.self),
              let unlockpt = libc("unlockpt", Call.self), let ptsname = libc("ptsname_r", Name.self) else { return nil }
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        var name = [CChar](repeating: 0, count: 128)
        guard grantpt(master) == 0, unlockpt(master) == 0, ptsname(master, &name, name.count) == 0 else {
            close(master)
            return nil
        }
        return PseudoTerminal(master: master, path: String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}

/// Watches terminal output for the screen's last row being drawn: a cursor move to that row
/// (`ESC [ row ; column H`) followed by text. ncurses draws a frame top to bottom, so this is the end
/// of the first frame.
struct LastRowWatch {
    private let move: [UInt8]
    private var seen: [UInt8] = []

    init(height: Int) { move = Array("\u{1B}[\(height);".utf8) }

    mutating func sawLastRow(_ bytes: ArraySlice<UInt8>) -> Bool {
        seen += bytes
        guard let found = seen.firstRange(of: move) else {
            seen = Array(seen.suffix(move.count))
            return false
        }
        // Text after the move, past its column and `H`, means the row is being drawn.
        let after = seen[found.upperBound...].drop { $0 != UInt8(ascii: "H") }.dropFirst()
        return after.contains { $0 >= 0x20 && $0 < 0x7F && $0 != 0x1B }
    }
}
