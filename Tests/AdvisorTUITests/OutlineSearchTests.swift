import AdvisorCore
import AdvisorTUI
import Testing

/// Long tabs: `g` lists the sections and jumps to one; `/` finds text, highlights it, `n` moves on.
@Suite struct OutlineSearchTests {
    func onRecord() throws -> Driver {
        var driver = Driver(answers: try exampleAnswers("single-cloud-aws"))
        driver.press(.character("r"), .character("6"))
        return driver
    }

    @Test func gListsTheRecordsSectionsAndJumps() throws {
        var driver = try onRecord()
        driver.press(.character("g"))
        guard case .outline(let cursor)? = driver.state.overlay else { Issue.record("no outline"); return }
        #expect(cursor == 0)
        #expect(driver.text().contains("Sections of Record"))
        #expect(driver.text().contains("Decision Outcome"))
        driver.press(.down, .down, .enter)
        #expect(driver.state.overlay == nil)
        #expect((driver.state.scroll[.record] ?? 0) > 0, "scrolled to the third section")
        let screen = driver.screen().plainLines()
        #expect(screen[3].contains("#"), "the section's heading is the first line shown")
    }

    @Test func slashFindsHighlightsAndNMovesOn() throws {
        var driver = try onRecord()
        driver.press(.character("/"))
        driver.type("firecracker")
        driver.press(.enter)
        #expect(driver.state.search == "firecracker")
        let first = driver.state.scroll[.record] ?? 0
        let grid = driver.screen()
        let row = try #require(grid.plainLines().firstIndex { $0.lowercased().contains("firecracker") })
        let column = grid.plainLines()[row].lowercased().range(of: "firecracker")!.lowerBound.utf16Offset(in: grid.plainLines()[row].lowercased())
        #expect(grid[column, row].style == .selection, "the match is highlighted")
        driver.press(.character("n"))
        #expect((driver.state.scroll[.record] ?? 0) != first || driver.state.status != nil)
        driver.press(.character("/"))
        driver.press(.ctrl("u"))
        driver.type("no such words anywhere")
        driver.press(.enter)
        #expect(driver.text().contains("is not on the Record tab"))
    }
}
