import AdvisorCore
import AdvisorTUI
import Testing

/// At 80x24 nothing is cut without a marker: every line either fits, wraps at a word, or ends in
/// "…". `CellGrid.silentCuts` records any text a draw had to drop at a width or the grid's edge.
@Suite struct NoSilentCutTests {
    /// Every screen a facilitator sees for these answers: each question of each step focused, then
    /// every page of every results tab.
    static func screens(_ answers: Answers?, width: Int = 80, height: Int = 24) -> [(String, CellGrid)] {
        var driver = Driver(answers: answers, width: width, height: height)
        var shots: [(String, CellGrid)] = [("welcome", driver.screen())]
        driver.press(.enter)
        for step in shippedEngine.questionnaire.steps {
            for question in step.questions {
                shots.append(("\(question)", driver.screen()))
                driver.press(.tab)
            }
        }
        guard driver.state.screen == .results else { return shots }
        for tab in ResultsTab.allCases {
            driver.press(.character(Character(String(tab.rawValue + 1))))
            var pages = 0
            while pages < 200 {
                shots.append(("\(tab.title) page \(pages + 1)", driver.screen()))
                let before = driver.state.scroll[tab] ?? 0
                driver.press(.pageDown)
                if (driver.state.scroll[tab] ?? 0) == before { break }
                pages += 1
            }
        }
        return shots
    }

    static func problems(_ shots: [(String, CellGrid)]) -> [String] {
        shots.flatMap { name, grid in
            grid.silentCuts.map { "\(name), row \($0.row): \(grid.plainLines()[$0.row]) ⟶ dropped \"\($0.dropped)\"" }
        }
    }

    @Test(arguments: exampleNames) func noExampleScreenIsCutSilently(example: String) throws {
        let problems = Self.problems(Self.screens(try exampleAnswers(example)))
        #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) silent cuts:\n" + problems.prefix(30).joined(separator: "\n")))
    }

    @Test func aFreshRunIsNotCutSilently() {
        let problems = Self.problems(Self.screens(nil))
        #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) silent cuts:\n" + problems.prefix(30).joined(separator: "\n")))
    }

    @Test func theGridRecordsACut() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put("a long sentence", x: 0, y: 0)
        grid.put("fits      ", x: 0, y: 0, maxWidth: 4)
        #expect(grid.silentCuts.count == 1)
        #expect(grid.silentCuts.first?.dropped == "tence")
    }
}

/// Floor states on the Ranking tab are whole words at 80 columns.
@Suite struct FloorWordTests {
    @Test func unverifiedFloorsAreWholeWordsAt80Columns() throws {
        var answers = try exampleAnswers("single-cloud-aws")
        answers["identity.provider"] = .choice("entra")
        answers["sandbox.customer_code"] = .flag(true)
        var driver = Driver(answers: answers)
        driver.press(.character("r"))
        let text = driver.text()
        #expect(text.contains("? check") || text.contains("? unverified"))
        #expect(!text.contains("? unve…"))
    }
}

/// Review mode with a long path and a recovery file waiting: the welcome screen, the title bar
/// and the first step still cut nothing silently.
@Suite struct ReviewModeCutTests {
    @Test func aLongReviewPathIsShortenedNotCut() throws {
        let path = "/home/facilitator/projects/platform-architecture/decisions/2026/agent-runtime/answers-for-the-room.yaml"
        var recovered = try exampleAnswers("multi-cloud")
        recovered.defaulted = []
        let context = WizardContext(recovery: RecoveredAnswers(answers: recovered, step: 2), reviewFile: path,
                                    recordTemplate: recordTemplate)
        var driver = Driver(answers: try exampleAnswers("single-cloud-aws"), context: context)
        var shots = [driver.screen()]
        #expect(driver.text().contains("answers-for-the-room.yaml"), "the file name shows")
        driver.press(.enter)  // reviewing the file discards nothing, so no question is asked
        shots.append(driver.screen())
        #expect(driver.state.screen == .step)
        let cuts = shots.flatMap { grid in grid.silentCuts.map { "row \($0.row): \(grid.plainLines()[$0.row])" } }
        #expect(cuts.isEmpty, Comment(rawValue: cuts.joined(separator: "\n")))
    }
}
