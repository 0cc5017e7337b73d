/// A key as the wizard sees it, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, tab, backTab, escape, backspace, delete
    case pageUp, pageDown, home, end
    /// Control plus a letter, lowercased: Ctrl-A is `.ctrl("a")`.
    case ctrl(Character)
    /// F1 is `.function(1)`.
    case function(Int)
}

public enum MouseButton: Hashable, Sendable {
    case left, middle, right, scrollUp, scrollDown
}

/// Everything the wizard's update function reacts to.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Zero-based cell coordinates.
    case mouse(x: Int, y: Int, button: MouseButton)
    case resize(width: Int, height: Int)
    /// Ctrl-C (the terminal is in raw mode, so it arrives as a key, not a signal).
    case interrupt
    /// Text the terminal marked as pasted (bracketed paste): it goes into the focused field as one
    /// edit, cut at the field's limit, and is never read as keys.
    case paste(String)

    /// Decodes one plain character code from the terminal (not a special key). Control codes
    /// get their conventional meanings; other controls become `.ctrl`; C1 codes have no meaning
    /// and give nil so they can never reach a text field.
    public static func decode(characterCode code: UInt32) -> InputEvent? {
        switch code {
        case 3: return .interrupt
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 0: return .key(.ctrl("@"))
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(code + 96)!)))
        case 28...31: return .key(.ctrl(Character(Unicode.Scalar(code + 64)!)))
        case 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
