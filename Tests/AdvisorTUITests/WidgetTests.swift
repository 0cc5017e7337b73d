import AdvisorTUI
import Testing

/// Renders one widget into a fresh grid of the given size and returns the grid.
private func draw(width: Int, height: Int, _ body: (inout CellGrid, Rect) -> Void) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    body(&grid, grid.area)
    return grid
}

@Suite struct ParagraphWidgetTests {
    @Test func wrapsAtWordBoundaries() {
        let grid = draw(width: 10, height: 3) { Paragraph("The quick brown fox jumps").render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["The quick ", "brown fox ", "jumps     "])
    }

    @Test func wrapsByDisplayWidthNotCharacterCount() {
        let grid = draw(width: 6, height: 3) { Paragraph("中文 中文字 ab").render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["中文  ", "中文字", "ab    "])
    }

    @Test func breaksWordsLongerThanALine() {
        let grid = draw(width: 4, height: 3) { Paragraph("abcdefghij").render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["abcd", "efgh", "ij  "])
    }

    @Test func maxLinesEndsWithEllipsis() {
        let grid = draw(width: 9, height: 3) {
            Paragraph("one two three four", maxLines: 1).render(into: &$0, area: $1)
        }
        #expect(grid.plainLines() == ["one two… ", "         ", "         "])
    }

    @Test func overflowingTheAreaEndsWithEllipsis() {
        let grid = draw(width: 5, height: 2) { Paragraph("aaaaa bbbbb ccccc").render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["aaaaa", "bbbb…"])
    }

    @Test func alignsCenterAndRight() {
        let center = draw(width: 6, height: 1) { Paragraph("ab", alignment: .center).render(into: &$0, area: $1) }
        let right = draw(width: 6, height: 1) { Paragraph("ab", alignment: .right).render(into: &$0, area: $1) }
        #expect(center.plainText() == "  ab  ")
        #expect(right.plainText() == "    ab")
    }

    @Test func keepsSpanStylesAndHardLineBreaks() {
        let spans = [Span("ab", style: .title), Span("cd\nef", style: .bad)]
        let grid = draw(width: 6, height: 2) { Paragraph(spans: spans).render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["abcd  ", "ef    "])
        #expect(grid.styleLines() == ["TTbb..", "bb...."])
    }

    @Test func wideCharacterInOneColumnDoesNotLoop() {
        let grid = draw(width: 1, height: 2) { Paragraph("中文").render(into: &$0, area: $1) }
        #expect(grid.plainLines() == [" ", " "])
    }

    @Test func scrollSkipsWrappedLines() {
        let grid = draw(width: 1, height: 2) { Paragraph("a b c", scroll: 1).render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["b", "c"])
        #expect(Paragraph("a b c").lineCount(width: 1) == 3)
    }
}

@Suite struct BlockWidgetTests {
    @Test func drawsBoxWithTitleAndReturnsInner() {
        var inner = Rect(x: 0, y: 0, width: 0, height: 0)
        let grid = draw(width: 8, height: 4) { inner = Block(title: "Hi").render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["┌ Hi ──┐", "│      │", "│      │", "└──────┘"])
        #expect(inner == Rect(x: 1, y: 1, width: 6, height: 2))
        #expect(grid.styleLines()[0] == "BTTTTBBB")
    }

    @Test func truncatesLongTitleAndHasAsciiFallback() {
        let unicode = draw(width: 8, height: 2) { Block(title: "Overview").render(into: &$0, area: $1) }
        #expect(unicode.plainLines()[0] == "┌ Ove… ┐")
        let ascii = draw(width: 8, height: 3) { Block(title: "Hi", charset: .ascii).render(into: &$0, area: $1) }
        #expect(ascii.plainLines() == ["+ Hi --+", "|      |", "+------+"])
    }
}

@Suite struct BarWidgetTests {
    @Test func usesEighthBlocks() {
        #expect(Bar.barText(fraction: 0.5, width: 10, charset: .unicode) == "█████     ")
        #expect(Bar.barText(fraction: 0.55, width: 10, charset: .unicode) == "█████▌    ")
        #expect(Bar.barText(fraction: 1.0 / 80, width: 10, charset: .unicode) == "▏         ")
        #expect(Bar.barText(fraction: 2, width: 4, charset: .unicode) == "████")
        #expect(Bar.barText(fraction: 0.5, width: 10, charset: .ascii) == "#####     ")
    }

    @Test func drawsLabelBarAndValue() {
        let grid = draw(width: 12, height: 1) {
            Bar(fraction: 0.5, label: "A", valueText: "50%").render(into: &$0, area: $1)
        }
        #expect(grid.plainText() == "A ███    50%")
        #expect(grid.styleMap() == "..aaaaaa....")
    }

    @Test func progressBarShowsStepOfTotal() {
        let grid = draw(width: 20, height: 1) { ProgressBar(step: 2, of: 4).render(into: &$0, area: $1) }
        #expect(grid.plainText() == "Step 2 of 4 ████░░░░")
        let ascii = draw(width: 20, height: 1) { ProgressBar(step: 1, of: 4, charset: .ascii).render(into: &$0, area: $1) }
        #expect(ascii.plainText() == "Step 1 of 4 ##------")
    }
}

@Suite struct TableWidgetTests {
    let columns = [Table.Column("Name"), Table.Column("Cost", width: .fixed(6), alignment: .right)]
    let rows = [Table.Row(["Serverless functions", "$1200"]), Table.Row(["VM", "$80"])]

    @Test func truncatesWithEllipsisAndRightAlignsNumbers() {
        let grid = draw(width: 15, height: 3) { Table(columns: columns, rows: rows).render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["Name       Cost", "Serverl…  $1200", "VM          $80"])
    }

    @Test func highlightsSelectedRowAcrossTheWidth() {
        let grid = draw(width: 15, height: 3) {
            Table(columns: columns, rows: rows, selected: 1).render(into: &$0, area: $1)
        }
        #expect(grid.styleLines()[2] == String(repeating: "S", count: 15))
        #expect(grid.styleLines()[1] == String(repeating: ".", count: 15))
    }

    @Test func truncationIsMeasuredInDisplayWidth() {
        let table = Table(columns: [Table.Column("N", width: .fixed(5))], rows: [Table.Row(["中文字符"])])
        let grid = draw(width: 5, height: 2) { table.render(into: &$0, area: $1) }
        #expect(grid.plainLines()[1] == "中文…")
    }

    @Test func scrollsToKeepSelectionVisibleAndHitTestsRows() {
        let many = (0..<10).map { Table.Row(["r\($0)"]) }
        let table = Table(columns: [Table.Column("N")], rows: many, selected: 7)
        let grid = draw(width: 3, height: 4) { table.render(into: &$0, area: $1) }
        #expect(grid.plainLines() == ["N  ", "r5 ", "r6 ", "r7 "])
        #expect(table.row(atY: 1, area: grid.area) == 5)
        #expect(table.row(atY: 0, area: grid.area) == nil)
    }
}

@Suite struct TabsWidgetTests {
    @Test func highlightsSelectedTabAndReturnsRanges() {
        let tabs = Tabs(titles: ["One", "Two"], selected: 1)
        var ranges: [Range<Int>] = []
        let grid = draw(width: 20, height: 1) { ranges = tabs.render(into: &$0, area: $1) }
        #expect(grid.plainText() == " One │ Two          ")
        #expect(grid.styleMap() == ".....dSSSSS.........")
        #expect(ranges == [0..<5, 6..<11])
        #expect(tabs.index(atX: 7, area: grid.area) == 1)
        #expect(tabs.index(atX: 5, area: grid.area) == nil)
        #expect(tabs.index(atX: 0, area: grid.area) == 0)
    }
}

@Suite struct KeyHintsWidgetTests {
    @Test func dropsPairsFromTheEndWhenTooNarrow() {
        let hints = KeyHints([.init("q", "quit"), .init("↑↓", "move"), .init("enter", "select")])
        let grid = draw(width: 20, height: 1) { hints.render(into: &$0, area: $1) }
        #expect(grid.plainText() == "q quit  ↑↓ move     ")
        #expect(grid.styleMap() == "ahhhhhhhaahhhhh.....")
        #expect(hints.fittingCount(width: 29) == 3)
    }
}

@Suite struct LineChartWidgetTests {
    let chart = LineChart(
        series: [
            .init(name: "A", points: [.init(x: 0, y: 100), .init(x: 0.95, y: 1000)], index: 0),
            .init(name: "B", points: [.init(x: 0, y: 500), .init(x: 0.95, y: 400)], index: 1),
        ],
        markers: [.init(x: 0.5, label: "break-even")])

    @Test func drawsAxisLabelsLegendAndMarkers() {
        let grid = draw(width: 60, height: 16) { chart.render(into: &$0, area: $1) }
        let lines = grid.plainLines()
        #expect(lines[0].hasPrefix("* A  + B"))
        #expect(lines[1].contains("break-even"))
        let xLabels = lines[15]
        for label in ["0%", "25%", "50%", "75%", "95%"] { #expect(xLabels.contains(label), "\(label)") }
        #expect(xLabels.hasSuffix("95%"))
        let yLabels = lines.map { String($0.prefix(4)) }
        #expect(yLabels[2] == " $1K")
        #expect(yLabels[14] == "    ")
        #expect(lines[13].hasPrefix("  $0┤"))
        #expect(lines.contains { $0.hasPrefix("$500┤") })
        #expect(lines[14].hasPrefix("    └"))
    }

    @Test func plotsEachSeriesWithItsMarkerAndRole() {
        let grid = draw(width: 60, height: 16) { chart.render(into: &$0, area: $1) }
        // A rises from $100 at 0% to $1k (the top row) at 95% (the last column).
        #expect(grid[59, 2].character == "*")
        #expect(grid[59, 2].style.role == .chart1)
        #expect(grid[5, 12].character == "*")
        #expect(grid[5, 8].character == "+")
        #expect(grid[5, 8].style.role == .chart2)
        // The break-even line at 50% (column 33) where no series passes.
        #expect(grid[33, 3].character == "┊")
    }

    @Test func defaultMarkersAreDistinctAndAsciiAxesWork() {
        #expect(Set(LineChart.defaultMarkers).count == LineChart.defaultMarkers.count)
        var ascii = chart
        ascii.charset = .ascii
        let grid = draw(width: 60, height: 16) { ascii.render(into: &$0, area: $1) }
        let lines = grid.plainLines()
        #expect(lines[14].hasPrefix("    ++---"))
        #expect(lines[2].hasPrefix(" $1K+"))
        #expect(grid[33, 3].character == ":")
        #expect(!grid.plainText().contains("│"))
    }

    @Test func formatsDollarsCompactly() {
        #expect(ChartFormat.dollars(0) == "$0")
        #expect(ChartFormat.dollars(950) == "$950")
        #expect(ChartFormat.dollars(1200) == "$1.2K")
        #expect(ChartFormat.dollars(12_000) == "$12K")
        #expect(ChartFormat.dollars(9_999_900_000_000) == "$10T", "never $10000B")
        #expect(ChartFormat.dollars(999_700_000_000) == "$1T")
        #expect(MoneyText.short(1_345_536_000_000) == "$1.35T")
        #expect(MoneyText.short(164_250) == "$164K")
        #expect(MoneyText.short(2_250) == "$2,250.00")
        #expect(ChartFormat.dollars(3_400_000) == "$3.4M")
        #expect(ChartFormat.dollars(-5) == "-$5")
        #expect(ChartFormat.percent(0.95) == "95%")
        #expect(ChartFormat.niceTicks(lo: 0, hi: 1000, count: 5) == [0, 250, 500, 750, 1000])
    }
}

@Suite struct InputDecodingWidgetTests {
    @Test func controlCodesHaveTheirConventionalMeanings() {
        #expect(InputEvent.decode(characterCode: 3) == .interrupt)
        #expect(InputEvent.decode(characterCode: 9) == .key(.tab))
        #expect(InputEvent.decode(characterCode: 13) == .key(.enter))
        #expect(InputEvent.decode(characterCode: 10) == .key(.enter))
        #expect(InputEvent.decode(characterCode: 27) == .key(.escape))
        #expect(InputEvent.decode(characterCode: 127) == .key(.backspace))
        #expect(InputEvent.decode(characterCode: 1) == .key(.ctrl("a")))
        #expect(InputEvent.decode(characterCode: 26) == .key(.ctrl("z")))
        #expect(InputEvent.decode(characterCode: 0x9B) == nil)
        #expect(InputEvent.decode(characterCode: 0x4E2D) == .key(.character("中")))
    }
}
