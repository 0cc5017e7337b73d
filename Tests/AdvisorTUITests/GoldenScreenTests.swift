import AdvisorCore
import AdvisorTUI
import Foundation
import Testing

/// Plain-text screens of the wizard at 80x24 and 120x40, made by feeding keys through `update` and
/// rendering, compared with Golden/. After an intended change regenerate them with
/// `UPDATE_GOLDEN=1 swift test --filter GoldenScreenTests` and read the diff.
@Suite struct GoldenScreenTests {
    static let folder = packageRoot + "/Tests/AdvisorTUITests/Golden"
    static let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
    static let sizes = [(80, 24), (120, 40)]

    /// `styles`: the grid's style map (one role code per cell) instead of its text.
    static func check(_ grid: CellGrid, _ name: String, styles: Bool = false) throws {
        let path = "\(folder)/\(name)-\(grid.width)x\(grid.height)\(styles ? ".styles" : "").txt"
        let text = (styles ? grid.styleMap() : grid.plainText()) + "\n"
        if update {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "\(name) at \(grid.width)x\(grid.height) differs from \(path); if intended, run UPDATE_GOLDEN=1 swift test --filter GoldenScreenTests")
    }

    /// Walks the single-cloud-aws answers in by keys, calling `visit` on every step and results tab.
    static func walk(width: Int, height: Int, visit: (String, Driver) throws -> Void) throws {
        var driver = Driver(width: width, height: height)
        try visit("welcome", driver)
        driver.press(.enter)
        for (index, keys) in singleCloudAWSWalk.enumerated() {
            try visit("step-\(index + 1)-fresh", driver)
            driver.press(keys)
            driver.press(.home)
            try visit("step-\(index + 1)", driver)
            driver.press(.pageDown)
        }
        #expect(driver.state.screen == .results)
        for tab in ResultsTab.allCases {
            driver.press(.character(Character(String(tab.rawValue + 1))))
            try visit("results-\(tab.rawValue + 1)-\(tab.title.lowercased().split(separator: " ")[0])", driver)
        }
    }

    @Test(arguments: [0, 1]) func everyStepAndTab(size: Int) throws {
        let (width, height) = Self.sizes[size]
        var seen = 0
        try Self.walk(width: width, height: height) { name, driver in
            seen += 1
            try Self.check(driver.screen(), name)
        }
        #expect(seen == 1 + 2 * shippedEngine.questionnaire.steps.count + ResultsTab.allCases.count)
    }

    @Test(arguments: [0, 1]) func overlaysAndMessages(size: Int) throws {
        let (width, height) = Self.sizes[size]
        var driver = Driver(width: width, height: height)
        driver.press(.enter, .character("?"))
        try Self.check(driver.screen(), "help-step-1")
        driver.press(.escape, .pageDown)
        driver.type("0")
        driver.press(.enter)
        try Self.check(driver.screen(), "step-2-invalid")
        driver.press(.escape, .character("s"))
        try Self.check(driver.screen(), "save-prompt")
        driver.press(.escape)
        driver.type("5")
        driver.press(.character("q"))
        try Self.check(driver.screen(), "quit-confirm")
        var small = driver
        small.send(.resize(width: 60, height: 20))
        try Self.check(small.screen(), "too-small")
        var results = Driver(answers: try exampleAnswers("single-cloud-aws"), width: width, height: height)
        results.press(.character("r"), .character("?"))
        try Self.check(results.screen(), "help-results")
        results.press(.escape, .character("e"))
        results.apply(.suggestedRecordPath("docs/decisions/0001-agent-runtime-for-support-automation.md"))
        try Self.check(results.screen(), "export-prompt")
        var editing = Driver(width: width, height: height)
        editing.press(.enter)
        for _ in 0..<7 { editing.press(.pageDown) }
        editing.press(.enter)
        editing.type("Agent runtime")
        try Self.check(editing.screen(), "step-8-editing")
    }

    /// Issue 22: two stacks side by side (its top, and at 80x24 its end), a pinned what-if on the Ranking
    /// tab after "what if 45 agents?", a stack ruled out, and a question opened from a result.
    @Test(arguments: [0, 1]) func reviewConversation(size: Int) throws {
        let (width, height) = Self.sizes[size]
        var driver = Driver(answers: try exampleAnswers("single-cloud-aws"), width: width, height: height)
        driver.press(.character("r"), .down, .down, .character("c"))  // Google GEAP beside AgentCore
        try Self.check(driver.screen(), "side-by-side")
        driver.press(.end)
        try Self.check(driver.screen(), "side-by-side-end")
        driver.press(.escape, .character("p"), .character("4"), .enter)  // pin A, then the first flip's question
        try Self.check(driver.screen(), "jumped-question")
        driver.type("45")
        driver.press(.enter, .character("1"))
        driver.press(.character("g"), .down, .enter)  // the outline's second section: the what-if
        try Self.check(driver.screen(), "what-if-pinned")
        var ruledOut = Driver(answers: try exampleAnswers("single-cloud-aws"), width: width, height: height)
        ruledOut.press(.character("r"), .down, .down, .down, .down, .character("x"))
        ruledOut.type("we will never buy Microsoft")
        try Self.check(ruledOut.screen(), "rule-out-prompt")
        ruledOut.press(.enter)
        try Self.check(ruledOut.screen(), "ranking-ruled-out")
    }

    /// Issue 22: the live ranking says what its symbols mean on screen: the conditional case (a floor
    /// left unverified, "?") and the floor-failing one ("✗"), where 80 columns leave room only for the symbols.
    @Test(arguments: [0, 1]) func liveRankingLegend(size: Int) throws {
        let (width, height) = Self.sizes[size]
        for testCase in SurfaceCase.all where ["conditional", "floor-failing"].contains(testCase.name) {
            var driver = Driver(answers: try answers(testCase.overrides), width: width, height: height)
            driver.press(.enter, .pageDown, .pageDown, .pageDown, .pageDown)  // the sandbox step
            try Self.check(driver.screen(), "live-ranking-\(testCase.name)")
        }
    }

    /// Colours are checked apart from text: the style map of a step and of the Costs tab.
    @Test func styleMaps() throws {
        try Self.walk(width: 80, height: 24) { name, driver in
            if ["step-1", "step-7", "results-1-ranking", "results-3-costs"].contains(name) {
                try Self.check(driver.screen(), name, styles: true)
            }
        }
    }
}
