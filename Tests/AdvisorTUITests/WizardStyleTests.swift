import AdvisorCore
import AdvisorTUI
import Testing

/// Roles on screen, read from the grid's style map: the palette turns them into colours, or into
/// bold, reverse and underline under NO_COLOR, so what matters is that each thing has its role.
@Suite struct WizardStyleTests {
    func roles(_ grid: CellGrid, row: Int, containing text: String) throws -> String {
        let line = grid.plainLines()[row]
        let start = try #require(line.range(of: text)).lowerBound
        let column = line[..<start].count
        return String(Array(grid.styleLines()[row])[column..<(column + text.count)])
    }

    func row(_ grid: CellGrid, _ text: String) throws -> Int {
        try #require(grid.plainLines().firstIndex { $0.contains(text) }, "no line contains \(text)")
    }

    @Test func cursorOptionIsHighlightedAcrossThePane() throws {
        var driver = Driver(answers: defaultsChosen)
        driver.press(.enter, .down)
        let grid = driver.screen()
        let cursor = try row(grid, "Google Cloud")
        #expect(try roles(grid, row: cursor, containing: "Google Cloud").allSatisfy { $0 == "S" })
        #expect(try roles(grid, row: cursor, containing: "  2 ( ) ").allSatisfy { $0 == "S" })
        let selected = try row(grid, "(•) AWS")
        #expect(try roles(grid, row: selected, containing: "AWS") == "aaa", "the chosen option stands out")
        #expect(try roles(grid, row: 0, containing: "runtime-advisor") == String(repeating: "T", count: 15))
    }

    @Test func errorsAreInTheBadRole() throws {
        var driver = Driver()
        driver.press(.enter, .pageDown)
        driver.type("0")
        let grid = driver.screen()
        let error = try row(grid, "must be at least 1")
        #expect(try roles(grid, row: error, containing: "✗ must be at least 1").allSatisfy { $0 == "b" })
    }

    @Test func footerKeysAndLabelsDiffer() throws {
        let grid = Driver().screen()
        let footer = grid.height - 1
        #expect(try roles(grid, row: footer, containing: "Enter") == "aaaaa")
        #expect(try roles(grid, row: footer, containing: " start").allSatisfy { $0 == "h" })
    }

    @Test func chartSeriesKeepTheirRolesAndMarkers() throws {
        var driver = Driver(answers: try exampleAnswers("single-cloud-aws"))
        driver.press(.character("r"), .character("3"))
        let grid = driver.screen()
        let chart = try #require(driver.state.results?.chart)
        // Each stack's slot is its place in the knowledge base, whatever its rank.
        for series in chart.series {
            let slot = try #require(shippedEngine.knowledgeBase.stacks.firstIndex { $0.id == series.stack })
            let marker = LineChart.defaultMarkers[slot]
            let code = StyleRole.chart(slot).code
            let legend = try row(grid, "\(marker) \(series.name)")
            #expect(try roles(grid, row: legend, containing: "\(marker) \(series.name)").allSatisfy { $0 == code })
        }
        // The stale-prices warning on the welcome screen is a warning.
        let welcome = Driver().screen()
        #expect(try roles(welcome, row: try row(welcome, "Prices are more"), containing: "Prices").allSatisfy { $0 == "w" })
    }
}
