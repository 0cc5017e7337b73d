import AdvisorTUI
import Cncursesw

/// ncurses key codes to InputEvent. Plain characters and control codes are decoded in AdvisorTUI
/// (InputEvent.decode); only the codes ncurses invents for special keys are handled here.
extension TerminalScreen {
    func specialKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE:
            needsFullRedraw = true
            return .resize(width: Int(shim_cols()), height: Int(shim_lines()))
        case KEY_MOUSE: return mouseEvent()
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let button: MouseButton? =
            if state & (shim_button1_pressed() | shim_button1_clicked()) != 0 { .left }
            else if state & shim_button4_pressed() != 0 { .scrollUp }
            else if state & shim_button5_pressed() != 0 { .scrollDown }
            else if state & shim_button2_pressed() != 0 { .middle }
            else if state & shim_button3_pressed() != 0 { .right }
            else { nil }  // releases and motion: nothing the wizard reacts to
        guard let button else { return nil }
        return .mouse(x: Int(event.x), y: Int(event.y), button: button)
    }
}
