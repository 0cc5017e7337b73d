/// A one-line text buffer with a cursor, edited by keys. Only printable characters get in: the
/// key decoder never produces control characters as `.character`, and `insert` drops any that a
/// caller passes anyway, so nothing typed can carry an escape sequence.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// Cursor position in characters, 0...text.count.
    public private(set) var cursor: Int
    /// For numbers: the first character typed replaces the shown value instead of appending.
    public var replacesOnType: Bool
    public var maxLength: Int

    public init(_ text: String, replacesOnType: Bool = false, maxLength: Int = 1_000) {
        self.text = text
        self.cursor = text.count
        self.replacesOnType = replacesOnType
        self.maxLength = maxLength
    }

    public enum Outcome: Hashable, Sendable {
        /// The text or cursor changed.
        case edited
        /// The key means nothing to a text field.
        case ignored
    }

    /// Applies an editing key: printable characters, Backspace, Delete, Left/Right, Home/End,
    /// Ctrl-U (clear), Ctrl-A / Ctrl-E (start / end), Ctrl-W (delete a word).
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character):
            guard TextField.isPrintable(character) else { return .ignored }
            if replacesOnType {
                text = ""
                cursor = 0
                replacesOnType = false
            }
            guard text.count < maxLength else { return .edited }
            insert(character)
        case .backspace:
            replacesOnType = false
            guard cursor > 0 else { return .edited }
            remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            replacesOnType = false
            guard cursor < text.count else { return .edited }
            remove(at: cursor)
        case .left: replacesOnType = false; cursor = max(0, cursor - 1)
        case .right: replacesOnType = false; cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): replacesOnType = false; cursor = 0
        case .end, .ctrl("e"): replacesOnType = false; cursor = text.count
        case .ctrl("u"):
            text = ""
            cursor = 0
            replacesOnType = false
        case .ctrl("w"):
            replacesOnType = false
            let characters = Array(text)
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            text = String(characters[..<start] + characters[cursor...])
            cursor = start
        default:
            return .ignored
        }
        return .edited
    }

    private mutating func insert(_ character: Character) {
        var characters = Array(text)
        characters.insert(character, at: cursor)
        text = String(characters)
        cursor += 1
    }

    private mutating func remove(at index: Int) {
        var characters = Array(text)
        characters.remove(at: index)
        text = String(characters)
    }

    /// Letters, digits, punctuation, symbols and spaces; never C0/C1 controls, DEL or bidi controls.
    public static func isPrintable(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: false
            default: true
            }
        }
    }
}
