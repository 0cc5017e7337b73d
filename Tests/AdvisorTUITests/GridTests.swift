import AdvisorTUI
import Testing

@Suite struct GridTests {
    @Test func putWritesTextAndKeepsTrailingSpaces() {
        var grid = CellGrid(width: 6, height: 2)
        let used = grid.put("hello", x: 1, y: 0)
        #expect(used == 5)
        #expect(grid.plainText() == " hello\n      ")
        #expect(grid.plainLines() == [" hello", "      "])
    }

    @Test func putClipsAtMaxWidthAndGridEdge() {
        var grid = CellGrid(width: 6, height: 1)
        #expect(grid.put("abcdef", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(grid.plainText() == "abc   ")
        #expect(grid.put("xyz", x: 4, y: 0) == 2)
        #expect(grid.plainText() == "abc xy")
        #expect(grid.put("never", x: 0, y: 1) == 0)  // row outside the grid
    }

    @Test func wideCharacterAtLastColumnIsNotHalfDrawn() {
        var grid = CellGrid(width: 5, height: 1)
        #expect(grid.put("中", x: 4, y: 0) == 1)
        #expect(grid.plainText() == "     ")
        grid.put("ab中", x: 2, y: 0)
        #expect(grid.plainText() == "  ab ")
        #expect(!grid.plainText().contains("中"))
    }

    @Test func wideCharacterOccupiesTwoCells() {
        var grid = CellGrid(width: 4, height: 1)
        #expect(grid.put("中a", x: 0, y: 0) == 3)
        #expect(grid.plainText() == "中a ")
        #expect(grid[0, 0].character == "中")
        #expect(grid[1, 0].isContinuation)
        #expect(!grid[2, 0].isContinuation)
    }

    @Test func clippingOnTheLeftNeverShowsHalfAWideCharacter() {
        var grid = CellGrid(width: 3, height: 1)
        #expect(grid.put("中ab", x: -1, y: 0) == 4)
        #expect(grid.plainText() == " ab")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("中", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.plainText() == " x  ")
        grid.put("文", x: 2, y: 0)
        grid.put("y", x: 2, y: 0)
        #expect(grid.plainText() == " xy ")
        #expect(!grid[3, 0].isContinuation)
    }

    @Test func escapeSequencesNeverReachTheGrid() {
        var grid = CellGrid(width: 12, height: 1)
        grid.put("a\u{1B}[2Jb\u{9B}c\u{7}", x: 0, y: 0)
        let text = grid.plainText()
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(!text.unicodeScalars.contains("\u{9B}"))
        #expect(!text.unicodeScalars.contains("\u{7}"))
        #expect(text == "a�[2Jb�c�   ")
    }

    @Test func fillCoversTheClippedRect() {
        var grid = CellGrid(width: 4, height: 3)
        grid.fill(Rect(x: 1, y: 1, width: 10, height: 1), with: "#", style: .bad)
        #expect(grid.plainLines() == ["    ", " ###", "    "])
        #expect(grid.styleLines() == ["....", ".bbb", "...."])
    }

    @Test func styleMapShowsRolesPerColumn() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("ab", x: 1, y: 0, style: .title)
        grid.put("中", x: 3, y: 0, style: .warning)
        #expect(grid.styleMap() == ".TTww")
    }

    @Test func rectSplitsByFixedPercentAndFill() {
        let columns = Rect(x: 0, y: 0, width: 100, height: 10).splitColumns([.fixed(20), .percent(30), .fill()])
        #expect(columns.map(\.x) == [0, 20, 50])
        #expect(columns.map(\.width) == [20, 30, 50])
        let rows = Rect(x: 0, y: 5, width: 10, height: 10).splitRows([.fixed(3), .fill(1), .fill(2)])
        #expect(rows.map(\.height) == [3, 3, 4])
        #expect(rows.map(\.y) == [5, 8, 11])
        #expect(LayoutConstraint.resolve([.fixed(8), .fixed(5)], total: 10) == [8, 2])
    }

    @Test func rectInsetShrinksAndNeverGoesNegative() {
        #expect(Rect(x: 2, y: 3, width: 10, height: 5).inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 3))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
        #expect(Rect(x: 0, y: 0, width: 10, height: 4).centered(width: 4, height: 2) == Rect(x: 3, y: 1, width: 4, height: 2))
    }

    @Test func monochromePaletteKeepsRolesApartWithAttributes() {
        let mono = Palette.monochrome
        #expect(mono.appearance(for: .selection).attributes.contains(.reverse))
        #expect(mono.appearance(for: .title).attributes.contains(.bold))
        #expect(mono.appearance(for: .bad).attributes == [.bold, .underline])
        #expect(mono.appearance(for: .warning).attributes.contains(.underline))
        #expect(mono.appearance(for: .selection).background == .terminalDefault)
        #expect(Palette.color.appearance(for: .selection).background != .terminalDefault)
        #expect(mono.appearance(for: Style.normal.bold).attributes == .bold)
    }

    @Test func paletteDetectionHonoursNoColor() {
        #expect(Palette.detect(environment: [:], terminalHasColors: true).isMonochrome == false)
        #expect(Palette.detect(environment: ["NO_COLOR": "1"], terminalHasColors: true).isMonochrome)
        #expect(Palette.detect(environment: ["NO_COLOR": ""], terminalHasColors: true).isMonochrome == false)
        #expect(Palette.detect(environment: [:], terminalHasColors: false).isMonochrome)
    }
}
