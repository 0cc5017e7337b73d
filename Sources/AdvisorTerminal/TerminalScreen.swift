import AdvisorTUI
import Cncursesw

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct TerminalSize: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public enum TerminalError: Error, CustomStringConvertible {
    case noTerminal
    case unknownTerminalType(String)

    public var description: String {
        switch self {
        case .noTerminal: "cannot open /dev/tty: the wizard needs an interactive terminal"
        case .unknownTerminalType(let name): "ncurses does not know the terminal type '\(name)' (TERM)"
        }
    }
}

/// The ncurses screen, opened on the terminal device rather than stdout, so stdout stays clean
/// for what the program prints after the wizard (a report, a path) even when it is redirected.
public final class TerminalScreen {
    public let palette: Palette
    /// ASCII when the locale is not UTF-8: the terminal could not show box drawing anyway.
    public let charset: Charset
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private var painter: Painter
    private var lastDrawn: CellGrid?
    var needsFullRedraw = true
    private var currentTimeout: Int32 = .min
    private var stopped = false
    /// Nil when the terminal does not declare bracketed paste: pastes then arrive as keys.
    private var bracketedPaste: BracketedPaste?

    /// Takes over the terminal. `noColor` overrides the NO_COLOR environment variable.
    public init(noColor: Bool? = nil, highContrast: Bool = false) throws {
        setlocale(LC_ALL, "")  // ncursesw needs the user's character encoding
        setlocale(LC_NUMERIC, "C")  // but C number formatting must not start writing "1,5"
        guard let output = fopen("/dev/tty", "w") else { throw TerminalError.noTerminal }
        guard let input = fopen("/dev/tty", "r") else {
            fclose(output)
            throw TerminalError.noTerminal
        }
        TerminalGuard.prepare(ttyFD: fileno(input))
        guard let screen = newterm(nil, output, input) else {
            fclose(output)
            fclose(input)
            throw TerminalError.unknownTerminalType(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.output = output
        self.input = input
        self.screen = screen
        set_term(screen)

        raw()  // Ctrl-C arrives as a key, so the wizard can ask before quitting
        noecho()
        nonl()
        keypad(shim_stdscr(), true)
        Self.defineHomeAndEnd()
        curs_set(0)
        set_escdelay(25)
        let clicks = shim_button1_pressed() | shim_button1_clicked() | shim_button2_pressed()
            | shim_button3_pressed() | shim_button4_pressed() | shim_button5_pressed()
        mousemask(clicks, nil)
        mouseinterval(0)  // report presses at once instead of waiting to assemble clicks

        let noColorSet = noColor ?? (getenv("NO_COLOR").map { $0.pointee != 0 } ?? false)
        let environment = noColorSet ? ["NO_COLOR": "1"] : [:]
        palette = Palette.detect(environment: environment, terminalHasColors: has_colors(), highContrast: highContrast)
        var defaultColors = false
        if !palette.isMonochrome {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        charset = shim_locale_is_utf8() != 0 ? .unicode : .ascii
        painter = Painter(palette: palette, defaultColors: defaultColors, asciiOnly: charset == .ascii)
        bracketedPaste = BracketedPaste.start(output: output)
        TerminalGuard.arm(outputFD: fileno(output), exitSequence: Self.exitSequence())
    }

    deinit { stop() }

    public var size: TerminalSize { TerminalSize(width: Int(shim_cols()), height: Int(shim_lines())) }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for one event; nil on timeout or
    /// for keys the wizard has no use for, so the caller's loop can poll its own flags.
    public func nextEvent(timeoutMilliseconds: Int32 = -1) -> InputEvent? {
        guard !stopped else { return nil }
        setTimeout(timeoutMilliseconds)
        var code: wint_t = 0
        switch wget_wch(shim_stdscr(), &code) {
        case KEY_CODE_YES where Int32(bitPattern: code) == BracketedPaste.startCode: return readPaste()
        case KEY_CODE_YES: return specialKey(Int32(bitPattern: code))
        case OK where code == 0x1A:
            // Ctrl-Z: raw mode delivers it as a key instead of SIGTSTP, so suspend by hand.
            suspend()
            return .resize(width: size.width, height: size.height)
        case OK: return InputEvent.decode(characterCode: UInt32(code))
        default: return nil
        }
    }

    /// Waits like `nextEvent` for one event, then takes every event already waiting (up to `limit`):
    /// keys typed faster than the screen is drawn, or a paste the terminal did not mark as one, are
    /// then one batch for one update and one draw, and an Esc behind them is handled in that frame.
    public func nextEvents(timeoutMilliseconds: Int32 = -1, limit: Int = 4_096) -> [InputEvent] {
        guard let first = nextEvent(timeoutMilliseconds: timeoutMilliseconds) else { return [] }
        var events = [first]
        while events.count < limit, let next = nextEvent(timeoutMilliseconds: 0) { events.append(next) }
        return events
    }

    /// Bytes the terminal has sent that are not read yet.
    func bytesWaiting() -> Int { Int(shim_bytes_waiting(fileno(input))) }

    func setTimeout(_ milliseconds: Int32) {
        guard milliseconds != currentTimeout else { return }
        wtimeout(shim_stdscr(), milliseconds)
        currentTimeout = milliseconds
    }

    /// Copies the grid to the terminal, writing only the cells that changed since the last
    /// draw (everything after a resize or a size change).
    public func draw(_ grid: CellGrid) {
        guard !stopped, let window = shim_stdscr() else { return }
        let full = needsFullRedraw || lastDrawn?.width != grid.width || lastDrawn?.height != grid.height
        if full {
            werase(window)
            clearok(window, true)  // the terminal may have reflowed old content on resize
        }
        let screenSize = size
        for y in 0..<min(grid.height, screenSize.height) {
            for x in 0..<min(grid.width, screenSize.width) {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if !full, let lastDrawn, lastDrawn[x, y] == cell { continue }
                painter.paint(cell, x: x, y: y, screenWidth: screenSize.width, window: window)
            }
        }
        wrefresh(window)
        lastDrawn = grid
        needsFullRedraw = false
    }

    /// Ctrl-Z: gives the shell its terminal back (modes, cursor, main screen), stops this process
    /// as the shell's job control expects, and takes the terminal over again when continued (`fg`).
    /// The caller redraws everything: the screen was someone else's meanwhile.
    func suspend() {
        def_prog_mode()
        bracketedPaste.map { $0.send($0.disable) }
        endwin()
        kill(getpid(), SIGSTOP)
        // Continued: back to the wizard's modes and screen.
        reset_prog_mode()
        bracketedPaste.map { $0.send($0.enable) }
        refresh()
        needsFullRedraw = true
    }

    /// Gives the terminal back: leaves the alternate screen, shows the cursor, restores the
    /// saved modes. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        bracketedPaste.map { $0.send($0.disable) }
        endwin()
        TerminalGuard.disarm()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }

    /// What the signal handler writes: the same resets endwin would send, read from terminfo
    /// now because the handler cannot ask ncurses.
    private static func exitSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        func append(_ capability: UnsafePointer<CChar>?) {
            guard let capability else { return }
            bytes += withoutPadding(Array(String(cString: capability).utf8))
        }
        append(shim_tigetstr("sgr0"))
        append(shim_tigetstr("BD"))  // bracketed paste off, when it was turned on
        if let xm = shim_tigetstr("XM") {
            append(shim_tparm1(xm, 0))
        } else if shim_tigetstr("kmous") != nil {
            bytes += Array("\u{1B}[?1000l".utf8)  // what ncurses sends for xterm-style mice
        }
        append(shim_tigetstr("rmkx"))
        append(shim_tigetstr("cnorm"))
        append(shim_tigetstr("rmcup"))
        return bytes
    }

    /// Drops terminfo padding like "$<5>", which is a delay instruction, not bytes to send.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let end = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = end + 1
                continue
            }
            result.append(bytes[i])
            i += 1
        }
        return result
    }
}

/// Runs `body` with the terminal and gives the terminal back however `body` ends, including
/// by throwing.
public func withTerminal<T>(noColor: Bool? = nil, highContrast: Bool = false, _ body: (TerminalScreen) throws -> T) throws -> T {
    let screen = try TerminalScreen(noColor: noColor, highContrast: highContrast)
    defer { screen.stop() }
    return try body(screen)
}

extension TerminalScreen {
    /// Home and End as common terminals send them, where the terminfo entry names other sequences:
    /// inside tmux or screen with TERM=xterm-256color, End arrives as ESC [ 4 ~, which xterm's entry
    /// does not list, and was read as Esc then "4~". A sequence the entry already binds is left alone.
    static func defineHomeAndEnd() {
        let alternates: [(String, Int32)] = [("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME),
                                             ("\u{1B}OH", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
                                             ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END)]
        for (sequence, code) in alternates where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }
}
