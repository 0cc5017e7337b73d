/// Makes text from users or data files safe to put on a terminal: nothing in it can start an
/// escape sequence, move the cursor or reorder the line.
///
/// - C0 controls (U+0000–U+001F), DEL and C1 controls (U+0080–U+009F) become U+FFFD "�", one
///   column wide, so the reader sees that something was there without the layout shifting much.
///   (U+009B is a one-byte CSI on some terminals, which is why C1 matters as much as ESC.)
/// - Tab becomes one space: tab stops belong to the terminal, not to our grid.
/// - Line and paragraph separators (U+2028, U+2029) become one space.
/// - Bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069) are removed, so
///   data cannot make text display in a different order from the one it is stored in.
public func sanitized(_ text: some StringProtocol) -> String {
    var needsWork = false
    for scalar in text.unicodeScalars where sanitizedReplacement(scalar) != .keep {
        needsWork = true
        break
    }
    guard needsWork else { return String(text) }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch sanitizedReplacement(scalar) {
        case .keep: result.append(scalar)
        case .replace(let replacement): result.append(replacement)
        case .remove: break
        }
    }
    return String(result)
}

enum SanitizeAction: Equatable {
    case keep, remove
    case replace(Unicode.Scalar)
}

func sanitizedReplacement(_ scalar: Unicode.Scalar) -> SanitizeAction {
    switch scalar.value {
    case 0x09, 0x2028, 0x2029: return .replace(" ")
    case 0x00...0x1F, 0x7F...0x9F: return .replace("\u{FFFD}")
    case 0x202A...0x202E, 0x2066...0x2069: return .remove
    default: return .keep
    }
}
