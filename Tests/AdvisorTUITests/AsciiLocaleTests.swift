import AdvisorCore
import AdvisorTUI
import Testing

/// Under a non-UTF-8 locale (LANG=C) every symbol has an ASCII stand-in: nothing reaches the
/// terminal as "?" that was not a question mark to begin with.
@Suite struct AsciiLocaleTests {
    func questionMarks(_ grid: CellGrid) -> Int { grid.plainText().filter { $0 == "?" }.count }

    @Test(arguments: ["single-cloud-aws", "regulated-gcp"]) func everyScreenIsAsciiWithNoSymbolLost(example: String) throws {
        let answers = try exampleAnswers(example)
        let unicode = NoSilentCutTests.screens(answers)
        var context = WizardContext(recordTemplate: recordTemplate)
        context.charset = .ascii
        var driver = Driver(answers: answers, context: context)
        var shots: [CellGrid] = [driver.screen()]
        driver.press(.enter)
        for step in shippedEngine.questionnaire.steps {
            for _ in step.questions { shots.append(driver.screen()); driver.press(.tab) }
        }
        for tab in ResultsTab.allCases {
            driver.press(.character(Character(String(tab.rawValue + 1))))
            shots.append(driver.screen())
        }
        for grid in shots {
            let strays = grid.plainText().filter { !$0.isASCII }
            #expect(strays.isEmpty, "non-ASCII on an ASCII terminal: \(String(strays.prefix(20)))")
        }
        // Same screens in the same order: the question marks are the text's own.
        let unicodeByName = unicode.map(\.1)
        for (index, grid) in shots.prefix(1 + shippedEngine.questionnaire.questions.count).enumerated() {
            #expect(questionMarks(grid) <= questionMarks(unicodeByName[index]), "screen \(index) gained a '?'")
        }
        let why = try #require(shots.last { $0.plainText().contains("Total = ") } ?? shots.first { $0.plainText().contains("sum") })
        #expect(!why.plainText().contains("Total = ?"))
    }

    /// Issue 18: a label shortened with "…" grows to "..." under LANG=C; measured as drawn, the answer
    /// beside it keeps its place instead of being pushed past the pane's edge (0.8 showed as "0").
    @Test func answersBesideShortenedLabelsAreWholeUnderAscii() throws {
        var answers = try exampleAnswers("single-cloud-aws")
        answers["workload.idle_fraction"] = .number(0.8)
        var context = WizardContext(recordTemplate: recordTemplate)
        context.charset = .ascii
        var driver = Driver(answers: answers, context: context)
        driver.press(.enter, .pageDown)
        for _ in 0..<6 { driver.press(.character("j")) }
        let grid = driver.screen()
        let idle = try #require(grid.plainLines().first { $0.contains("What share of a session is idle") })
        #expect(idle.contains(" 0.8 |") || idle.contains(" 0.8 "), "\(idle)")
        #expect(grid.silentCuts.isEmpty, "\(grid.silentCuts)")
    }

    @Test func symbolsFold() {
        #expect(ASCIIFold.fold("Total = Σ weight × fit / Σ weight") == "Total = sum weight x fit / sum weight")
        #expect(ASCIIFold.fold("cut…") == "cut...")
        for symbol in ASCIIFold.symbols { let folded = ASCIIFold.fold(String(symbol)); #expect(folded.allSatisfy { $0.isASCII }) }
    }

    @Test func aCutLineStillEndsInDotsUnderAscii() {
        var grid = CellGrid(width: 10, height: 1)
        grid.asciiOnly = true
        grid.put(DisplayWidth.truncate("a long sentence", to: 10), x: 0, y: 0)
        #expect(grid.plainLines()[0] == "a long ...")
        #expect(grid.silentCuts.isEmpty)
    }
}
