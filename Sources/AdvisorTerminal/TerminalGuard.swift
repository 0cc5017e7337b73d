#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back the way the shell had it, on every way out: a normal stop, exit()
/// (atexit), a terminating signal (INT, TERM, HUP, QUIT) or a crash (ABRT, SEGV, BUS, ILL, FPE,
/// TRAP). A program killed in raw mode with no echo leaves its user a dead-looking shell.
///
/// The signal handler only calls async-signal-safe functions (write, tcsetattr, sigaction,
/// raise) on memory allocated up front, and touches no reference-counted Swift values.
public enum TerminalGuard {
    /// Saves the tty's modes and the current signal actions. Call before ncurses changes the tty.
    @discardableResult
    public static func prepare(ttyFD: Int32) -> Bool {
        let s = state
        guard !s.pointee.active else { return true }
        s.pointee.ttyFD = ttyFD
        s.pointee.hasSaved = tcgetattr(ttyFD, &s.pointee.saved) == 0
        for signal in handledSignals + ncursesSignals { sigaction(signal, nil, previousActions + Int(signal)) }
        return s.pointee.hasSaved
    }

    /// Installs the handlers and the atexit hook. `exitSequence` is written to `outputFD` when
    /// restoring: it should reset attributes, show the cursor and leave the alternate screen.
    public static func arm(outputFD: Int32, exitSequence: [UInt8]) {
        let s = state
        s.pointee.outputFD = outputFD
        let count = min(exitSequence.count, exitCapacity)
        for i in 0..<count { exitBytes[i] = exitSequence[i] }
        s.pointee.exitLength = count
        s.pointee.active = true
        if !s.pointee.atexitRegistered {
            s.pointee.atexitRegistered = true
            atexit { TerminalGuard.restore() }
        }
        for signal in handledSignals where !isIgnored(previousActions[Int(signal)]) {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = signalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Restores right now: exit sequence, then the saved modes. Does nothing when not armed or
    /// already restored, so every exit path can call it. Async-signal-safe.
    public static func restore() {
        let s = state
        guard s.pointee.active else { return }
        s.pointee.active = false
        var written = 0, attempts = 0
        while written < s.pointee.exitLength && attempts < 16 {
            let n = write(s.pointee.outputFD, exitBytes + written, s.pointee.exitLength - written)
            if n > 0 { written += n }
            attempts += 1
        }
        if s.pointee.hasSaved { tcsetattr(s.pointee.ttyFD, TCSANOW, &s.pointee.saved) }
    }

    /// After a normal endwin: sets the saved modes again (belt and braces) and puts the signal
    /// actions back as they were before the terminal was opened, ncurses' own included.
    public static func disarm() {
        let s = state
        s.pointee.active = false
        if s.pointee.hasSaved { tcsetattr(s.pointee.ttyFD, TCSANOW, &s.pointee.saved) }
        for signal in handledSignals where !isIgnored(previousActions[Int(signal)]) {
            sigaction(signal, previousActions + Int(signal), nil)
        }
        for signal in ncursesSignals { sigaction(signal, previousActions + Int(signal), nil) }
    }

    static let handledSignals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP,
    ]

    /// Installed by ncurses itself in newterm; put back on disarm so no handler of a deleted
    /// screen stays behind.
    static let ncursesSignals: [Int32] = [SIGTSTP, SIGWINCH]

    private static func isIgnored(_ action: sigaction) -> Bool {
        // SIG_IGN is the handler value 1; a program started under nohup keeps ignoring HUP.
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1
    }
}

/// Restores the terminal, then re-raises the signal; it stays blocked until this handler returns
/// and then ends the process with the right status. Termination signals get the default action:
/// a previous handler might return and leave the program running on a terminal it no longer
/// owns (the Swift runtime's backtracer does that for SIGQUIT). Crash signals go to the previous
/// handler, so the runtime still prints its backtrace.
private let signalHandler: @convention(c) (Int32) -> Void = { signal in
    TerminalGuard.restore()
    if signal == SIGINT || signal == SIGTERM || signal == SIGHUP || signal == SIGQUIT {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
    } else {
        sigaction(signal, previousActions + Int(signal), nil)
    }
    raise(signal)
}

struct GuardState {
    var saved = termios()
    var hasSaved = false
    var ttyFD: Int32 = -1
    var outputFD: Int32 = -1
    var exitLength = 0
    var active = false
    var atexitRegistered = false
}

private let exitCapacity = 512

// Process-wide state shared with the signal handler. nonisolated(unsafe) is sound here because
// it is written only from the thread that owns the terminal, and only while `active` is false
// (the handler then does nothing but re-raise); raw pointers keep the handler free of retain
// and release. Allocated once, on first use in prepare(), before any handler exists.
private nonisolated(unsafe) let state: UnsafeMutablePointer<GuardState> = {
    let pointer = UnsafeMutablePointer<GuardState>.allocate(capacity: 1)
    pointer.initialize(to: GuardState())
    return pointer
}()

private nonisolated(unsafe) let exitBytes: UnsafeMutablePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: exitCapacity)
    pointer.initialize(repeating: 0, count: exitCapacity)
    return pointer
}()

/// Indexed by signal number.
private nonisolated(unsafe) let previousActions: UnsafeMutablePointer<sigaction> = {
    let count = 65
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: count)
    pointer.initialize(repeating: sigaction(), count: count)
    return pointer
}()
