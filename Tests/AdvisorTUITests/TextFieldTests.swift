import AdvisorTUI
import Testing

/// The text buffer on its own: the limit, pastes, and counting characters as the screen does.
@Suite struct TextFieldTests {
    @Test func aPasteGoesInAtTheCursorAndIsCutAtTheLimit() {
        var field = TextField("ac", maxLength: 5)
        _ = field.handle(.left)
        #expect(field.paste("bbbbbb") == .edited)  // room for 5 - 2 = 3 of the 6
        #expect(field.text == "abbbc")
        #expect(field.cursor == 4, "after the pasted text")
        #expect(field.note == "pasted text cut at 5 characters")
        #expect(field.paste("z") == .refused, "full: nothing goes in, the note stays")
        #expect(field.text == "abbbc")
    }

    @Test func aPasteThatFitsLeavesNoNote() {
        var field = TextField("", maxLength: 5)
        #expect(field.paste("abcde\n") == .edited, "a line break at the end is not text")
        #expect(field.text == "abcde")
        #expect(field.note == nil)
        #expect(field.paste("\u{1B}\u{07}") == .ignored, "only control characters: nothing to paste")
    }

    @Test func aCombiningMarkJoinsTheCharacterBeforeIt() {
        var field = TextField("e", maxLength: 3)
        _ = field.handle(.character("\u{301}"))  // e + combining acute accent is one character, é
        #expect(field.text == "e\u{301}")
        #expect(field.count == 1 && field.cursor == 1)
        _ = field.handle(.character("x"))
        _ = field.handle(.backspace)
        _ = field.handle(.backspace)
        #expect(field.text == "" && field.cursor == 0)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        var field = TextField("one two  three")
        _ = field.handle(.left)
        _ = field.handle(.left)
        _ = field.handle(.left)
        _ = field.handle(.left)
        _ = field.handle(.left)  // before "three"
        _ = field.handle(.ctrl("w"))
        #expect(field.text == "one three")
        #expect(field.cursor == 4)
    }

    @Test func aNumberFieldsFirstPasteReplacesTheShownValue() {
        var field = TextField("10", replacesOnType: true, maxLength: 24)
        _ = field.paste("40")
        #expect(field.text == "40")
    }
}
