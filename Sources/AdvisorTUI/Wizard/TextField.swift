import AdvisorCore

/// A one-line text buffer with a cursor, edited by keys and pastes. It holds at most `maxLength`
/// characters: input past the limit is cut as it arrives, and `note` says so, so a long paste costs
/// no more than the limit. Only printable characters get in: the key decoder never produces control
/// characters as `.character`, and every way in drops any that a caller passes anyway, so nothing
/// typed or pasted can carry an escape sequence.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// Cursor position in characters, 0...count.
    public private(set) var cursor: Int
    /// Characters in `text`, kept as it changes: `String.count` walks the whole string.
    public private(set) var count: Int
    /// For numbers: the first character typed replaces the shown value instead of appending.
    public var replacesOnType: Bool
    public let maxLength: Int
    /// Why input was not all taken ("pasted text cut at 200 characters"), until the text next changes.
    public private(set) var note: String?

    /// A `text` longer than `maxLength` (an answer read from a file) is kept whole: cutting it here
    /// would change the answer unseen; validating it says what is wrong.
    public init(_ text: String, replacesOnType: Bool = false, maxLength: Int = 1_000) {
        self.text = text
        self.count = text.count
        self.cursor = count
        self.replacesOnType = replacesOnType
        self.maxLength = maxLength
    }

    public enum Outcome: Hashable, Sendable {
        /// The text or cursor changed.
        case edited
        /// A character did not fit: the text is as it was, and `note` says why.
        case refused
        /// The key means nothing to a text field.
        case ignored
    }

    /// Applies an editing key: printable characters, Backspace, Delete, Left/Right, Home/End,
    /// Ctrl-U (clear), Ctrl-A / Ctrl-E (start / end), Ctrl-W (delete a word).
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character):
            guard TextField.isPrintable(character) else { return .ignored }
            clearIfReplacing()
            guard count < maxLength else {
                note = "full: at most \(Self.characters(maxLength))"
                return .refused
            }
            replace(cursor..<cursor, with: String(character))
        case .backspace:
            replacesOnType = false
            guard cursor > 0 else { return .edited }
            replace((cursor - 1)..<cursor, with: "")
        case .delete:
            replacesOnType = false
            guard cursor < count else { return .edited }
            replace(cursor..<(cursor + 1), with: "")
        case .left: replacesOnType = false; cursor = max(0, cursor - 1)
        case .right: replacesOnType = false; cursor = min(count, cursor + 1)
        case .home, .ctrl("a"): replacesOnType = false; cursor = 0
        case .end, .ctrl("e"): replacesOnType = false; cursor = count
        case .ctrl("u"):
            replacesOnType = false
            replace(0..<count, with: "")
        case .ctrl("w"):
            replacesOnType = false
            var start = index(at: cursor), removed = 0
            for skippingSpaces in [true, false] {  // the spaces before the cursor, then the word
                while start > text.startIndex, (text[text.index(before: start)] == " ") == skippingSpaces {
                    start = text.index(before: start)
                    removed += 1
                }
            }
            replace((cursor - removed)..<cursor, with: "")
        default:
            return .ignored
        }
        return .edited
    }

    /// Inserts pasted text at the cursor in one step, cut at the limit: a line break or tab becomes
    /// a space (the field is one line; line breaks at the end are dropped), other control characters
    /// are dropped, and the paste is read only as far as the room left.
    public mutating func paste(_ pasted: String) -> Outcome {
        clearIfReplacing()
        var end = pasted.endIndex
        while end > pasted.startIndex, pasted[pasted.index(before: end)].isNewline { end = pasted.index(before: end) }
        let room = max(0, maxLength - count)
        var accepted = "", taken = 0, cut = false
        for original in pasted[..<end] {
            let character: Character = original.isNewline || original == "\t" ? " " : original
            guard TextField.isPrintable(character) else { continue }
            guard taken < room else {
                cut = true
                break
            }
            accepted.append(character)
            taken += 1
        }
        if taken > 0 { replace(cursor..<cursor, with: accepted) }
        if cut { note = "pasted text cut at \(Self.characters(maxLength))" }
        return taken > 0 ? .edited : cut ? .refused : .ignored
    }

    /// The one place the text changes: the characters at `offsets` replaced; the cursor ends after
    /// the replacement. Counted again after it, because a combining mark can join the character
    /// before it; the limit keeps that short.
    private mutating func replace(_ offsets: Range<Int>, with replacement: String) {
        let start = index(at: offsets.lowerBound)
        let end = offsets.isEmpty ? start : text.index(start, offsetBy: offsets.count)
        let after = count - offsets.upperBound
        text.replaceSubrange(start..<end, with: replacement)
        count = text.count
        cursor = max(0, min(count, count - after))
        note = nil
    }

    /// Walks from the nearer end: typing and Backspace at the end cost nothing however long the text.
    private func index(at offset: Int) -> String.Index {
        offset * 2 >= count ? text.index(text.endIndex, offsetBy: offset - count) : text.index(text.startIndex, offsetBy: offset)
    }

    private mutating func clearIfReplacing() {
        guard replacesOnType else { return }
        replacesOnType = false
        replace(0..<count, with: "")
    }

    /// "200 characters", "1,000 characters".
    static func characters(_ number: Int) -> String { Format.fixed(Double(number), 0) + " characters" }

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
