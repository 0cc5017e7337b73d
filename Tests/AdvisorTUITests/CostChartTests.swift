import AdvisorCore
import AdvisorTUI
import Testing

private func draw(width: Int, height: Int, _ body: (inout CellGrid, Rect) -> Void) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    body(&grid, grid.area)
    return grid
}

/// The cost chart shows every series: close ones apart, overlaps marked, the legend complete.
@Suite struct CostChartTests {
    func count(_ marker: Character, in grid: CellGrid, belowRow row: Int) -> Int {
        grid.plainLines().dropFirst(row).reduce(0) { $0 + $1.filter { $0 == marker }.count }
    }

    @Test func twoSeriesFourPercentApartAreBothVisible() {
        let flat = { (y: Double) in CostChartData.idleSamples.map { LineChart.Point(x: $0, y: y) } }
        var chart = LineChart(series: [.init(name: "Near", points: flat(1_000), index: 0),
                                       .init(name: "Nearer", points: flat(1_040), index: 1)])
        chart.yScale = LineChart.automaticScale(chart.series)
        #expect(chart.yScale == .fitted)
        let grid = draw(width: 76, height: 13) { chart.render(into: &$0, area: $1) }
        #expect(count("*", in: grid, belowRow: 1) >= 60, "Near drawn across the plot")
        #expect(count("+", in: grid, belowRow: 1) >= 60, "Nearer drawn across the plot")
        #expect(count(LineChart.overlapMarker, in: grid, belowRow: 0) == 0)
        #expect(grid.plainLines()[0].contains("* Near") && grid.plainLines()[0].contains("+ Nearer"))
    }

    @Test func fromZeroTheyOverlapAndTheOverlapIsMarked() {
        let flat = { (y: Double) in CostChartData.idleSamples.map { LineChart.Point(x: $0, y: y) } }
        var chart = LineChart(series: [.init(name: "Near", points: flat(1_000), index: 0),
                                       .init(name: "Nearer", points: flat(1_040), index: 1)])
        chart.yScale = .fromZero
        let grid = draw(width: 76, height: 13) { chart.render(into: &$0, area: $1) }
        #expect(count(LineChart.overlapMarker, in: grid, belowRow: 1) >= 60)
        #expect(grid.plainText().contains("@ Near and Nearer overlap"), "the legend names what '@' hides")
    }

    @Test func everyLegendEntryIsDrawnEvenWithManySeriesAndLargeNumbers() {
        let series = (0..<8).map { index in
            LineChart.Series(name: "Stack number \(index) $\(index + 1).35T",
                             points: CostChartData.idleSamples.map { .init(x: $0, y: 1.35e12 * Double(index + 1)) }, index: index)
        }
        var chart = LineChart(series: series)
        chart.yScale = .fitted
        let grid = draw(width: 76, height: 16) { chart.render(into: &$0, area: $1) }
        let text = grid.plainText()
        for index in 0..<8 { #expect(text.contains("Stack number \(index)"), "legend entry \(index)") }
        #expect(!text.contains("000B"), "axis labels use T, never $10000B")
        #expect(grid.silentCuts.isEmpty)
    }

    @Test func aStackKeepsItsSymbolWhateverItsRank() throws {
        var aws = Driver(answers: try exampleAnswers("single-cloud-aws"))
        aws.press(.character("r"), .character("3"))
        var gcp = Driver(answers: try exampleAnswers("regulated-gcp"))
        gcp.press(.character("r"), .character("3"))
        func symbol(_ driver: Driver, _ name: String) -> Character? {
            let legend = driver.text().split(separator: "\n").first { $0.contains(name + " ") && $0.contains("$") }
            guard let legend, let range = legend.range(of: name + " ") else { return nil }
            return legend[legend.index(range.lowerBound, offsetBy: -2)]
        }
        for name in ["AgentCore", "Google GEAP"] {
            #expect(symbol(aws, name) != nil)
            #expect(symbol(aws, name) == symbol(gcp, name), "\(name) has one symbol in every run")
        }
    }

    @Test func zCyclesTheScaleAndCFoldsTheChart() throws {
        var driver = Driver(answers: try exampleAnswers("single-cloud-aws"))
        driver.press(.character("r"), .character("3"))
        let first = driver.text()
        driver.press(.character("z"))
        #expect(driver.state.costScale != nil)
        #expect(driver.text() != first)
        driver.press(.character("c"))
        #expect(driver.state.costChartHidden)
        #expect(driver.text().contains("c shows the chart"))
    }
}
