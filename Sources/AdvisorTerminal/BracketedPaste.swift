import AdvisorTUI
import Cncursesw
#if canImport(Glibc)
import Glibc
#endif

/// Bracketed paste (xterm's mode 2004; terminfo's BE, BD, PS and PE): the terminal wraps pasted text
/// in PS … PE, so a paste reaches the wizard as one `.paste` event, taken in one update and one draw
/// however long it is, instead of a stream of keys that could be read as commands.
struct BracketedPaste {
    /// Key codes ncurses returns for the start and end markers, far above its own (KEY_MAX is 0777,
    /// and the extended keys it numbers from terminfo come just after).
    static let startCode: Int32 = 0x2000 + 200
    static let endCode: Int32 = 0x2000 + 201
    /// Unicode scalars of a paste kept (about a megabyte of text): more than any field takes, so a
    /// field still sees that a longer paste was cut; the rest is read and dropped, so memory stays bounded.
    static let keptScalars = 1 << 20

    /// Turns the mode on, and off again.
    let enable: [UInt8]
    let disable: [UInt8]
    /// The terminal the screen is drawn on. Not ncurses' `putp`, which writes to standard output,
    /// where a report may be going.
    let output: UnsafeMutablePointer<FILE>

    /// For a terminal whose terminfo declares the mode: its markers become keys, and the mode is
    /// turned on. Nil otherwise: a paste then arrives as keys, which the event loop takes in batches.
    static func start(output: UnsafeMutablePointer<FILE>) -> BracketedPaste? {
        guard let enable = shim_tigetstr("BE"), let disable = shim_tigetstr("BD"),
              let start = shim_tigetstr("PS"), let end = shim_tigetstr("PE"),
              define_key(start, startCode) == OK, define_key(end, endCode) == OK else { return nil }
        let mode = BracketedPaste(enable: Array(String(cString: enable).utf8), disable: Array(String(cString: disable).utf8),
                                  output: output)
        mode.send(mode.enable)
        return mode
    }

    /// Written and flushed at once: a mode switch needs no place among the screen's bytes.
    func send(_ sequence: [UInt8]) {
        _ = sequence.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, output) }
        fflush(output)
    }
}

extension TerminalScreen {
    /// Reads a paste after its start marker, up to the end marker. A line break arrives as Enter and
    /// is kept as one; other special keys inside a paste are not text and are dropped, but a resize
    /// during it is handed back to ncurses, to come as the next event. A terminal that never sends the
    /// end marker gives what came before a second of silence.
    func readPaste() -> InputEvent {
        var resized = false
        defer { if resized { ungetch(KEY_RESIZE) } }
        var text = "", kept = 0
        var code: wint_t = 0
        // ncurses reads a byte per system call and, with a timeout, polls before each: so bytes known
        // to be waiting are read without one, which halves the calls of a long paste. The count only
        // ever runs low (a character counts its UTF-8 length, ncurses' fifo aside), so a read without
        // a timeout always has a byte to read; after a key or a skipped byte it is asked again.
        var waiting = 0
        while true {
            if waiting <= 0 { waiting = bytesWaiting() }
            let timed = waiting <= 0
            setTimeout(timed ? 1_000 : -1)
            switch wget_wch(shim_stdscr(), &code) {
            case KEY_CODE_YES:
                waiting = 0
                let key = Int32(bitPattern: code)
                if key == BracketedPaste.endCode { return .paste(text) }
                if key == KEY_RESIZE { resized = true }
                if key == KEY_ENTER, kept < BracketedPaste.keptScalars {
                    text.append("\n")
                    kept += 1
                }
            case OK:
                guard let scalar = Unicode.Scalar(UInt32(code)) else {
                    waiting = 0
                    continue
                }
                waiting -= UTF8.width(scalar)
                guard kept < BracketedPaste.keptScalars else { continue }
                text.unicodeScalars.append(scalar)
                kept += 1
            default:
                // A second without input: the paste is over. Otherwise bytes that are not text in
                // this locale, which ncurses skipped.
                if timed { return .paste(text) }
                waiting = 0
            }
        }
    }
}
