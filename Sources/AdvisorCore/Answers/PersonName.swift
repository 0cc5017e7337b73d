/// A participant's name is printed on one line of every team report, beside other names, so it must
/// be one visible line: a newline could start a forged line, and an invisible character makes two
/// names that look the same.
public enum PersonName {
    /// What is wrong with `name` as a participant's name, or nil.
    public static func problem(_ name: String) -> (message: String, expected: String)? {
        let expected = "a name of visible characters on one line"
        if name.allSatisfy(\.isWhitespace) { return ("is empty", expected) }
        for (offset, scalar) in name.unicodeScalars.enumerated() where isInvisible(scalar) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return ("contains the invisible or control character U+\(padded) at position \(offset + 1)", expected)
        }
        return nil
    }

    /// Controls, line and paragraph separators, zero-width characters, bidi controls and the BOM.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
             0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
