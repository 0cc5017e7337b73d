import AdvisorCore
import AdvisorTUI
import Testing

/// The wizard's results for each shipped example are the headless run's: the same advice from the
/// engine, and the tabs show the same order, scores and monthly figures the text report prints.
@Suite struct ResultsParityTests {
    func results(_ name: String, width: Int = 120, height: Int = 40) throws -> (Driver, Advice, String) {
        let answers = try exampleAnswers(name)
        var driver = Driver(answers: answers, width: width, height: height)
        driver.press(.character("r"))
        let headless = shippedEngine.advise(answers, today: fixedToday)
        return (driver, headless, TextReport.render(headless, engine: shippedEngine))
    }

    @Test func everyExampleIsCovered() { #expect(exampleNames.count == 6) }

    @Test(arguments: exampleNames) func sameAdviceAsTheHeadlessRun(_ name: String) throws {
        let (driver, headless, _) = try results(name)
        let shown = try #require(driver.state.results?.advice)
        #expect(shown == headless)
        #expect(driver.state.ranking == headless.ranking, "the live scoreboard agrees too")
        #expect(driver.state.costs == headless.costs)
    }

    @Test(arguments: exampleNames) func rankingTabShowsTheHeadlessOrderAndScores(_ name: String) throws {
        let (driver, headless, report) = try results(name)
        let lines = driver.text().split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.contains("#  Stack") })
        for (offset, score) in headless.ranking.scores.enumerated() {
            let short = try #require(shippedEngine.knowledgeBase.stack(score.stack)?.short)
            let row = lines[header + 1 + offset]
            #expect(row.contains("\(score.rank)  \(short)"), "row \(offset + 1): \(row)")
            #expect(row.contains(Format.score(score.total)))
            for axis in score.axes { #expect(row.contains(Format.score(axis.fit))) }
            // The headless table has the same rank, name and total on one line.
            #expect(report.split(separator: "\n").contains { $0.contains(short) && $0.contains(Format.score(score.total))
                && $0.hasPrefix("  \(score.rank)") })
        }
        let winner = try #require(shippedEngine.knowledgeBase.stack(headless.recommendation)?.short)
        #expect(lines[0].contains("Recommended: \(winner) \(Format.score(headless.ranking.winner.total))"))
    }

    @Test(arguments: exampleNames) func costsTabShowsTheHeadlessMonthlyFigures(_ name: String) throws {
        var (driver, headless, report) = try results(name)
        driver.press(.character("3"))
        var text = ""
        // Scroll through the whole tab, collecting every page.
        for _ in 0..<40 {
            text += driver.text() + "\n"
            driver.press(.pageDown)
        }
        for cost in headless.costs.stacks {
            let short = try #require(shippedEngine.knowledgeBase.stack(cost.stack)?.short)
            let monthly = cost.lineItems.isEmpty ? "not modelled" : Format.money(cost.monthly)
            #expect(text.split(separator: "\n").contains { $0.contains(short) && $0.contains(monthly) }, "\(short) \(monthly)")
            #expect(report.contains(monthly))
            for item in cost.lineItems { #expect(text.contains(Format.money(item.cost)), "\(item.name)") }
        }
        if let cheapest = headless.costs.cheapest {
            let short = try #require(shippedEngine.knowledgeBase.stack(cheapest)?.short)
            #expect(text.contains(headless.costs.cheapestMeaning))
            #expect(driver.state.results?.chart.series.contains { $0.stack == cheapest } == true)
            _ = short
        }
    }

    @Test(arguments: exampleNames) func chartPointsAreTheEnginesMonthlyTotals(_ name: String) throws {
        let (driver, headless, _) = try results(name)
        let chart = try #require(driver.state.results?.chart)
        let priced = headless.costs.stacks.filter { !$0.lineItems.isEmpty }
        #expect(Set(chart.series.map(\.stack)) == Set(priced.map(\.stack)))
        for series in chart.series {
            #expect(series.points.map(\.x) == (0...19).map { Double($0) * 0.05 })
            // At the answered idle fraction the line passes through the cost table's total.
            let workload = headless.costs.workload
            let atAnswer = shippedEngine.monthlyTotal(series.stack, workload: workload)
            #expect(abs(atAnswer - headless.costs.cost(series.stack)!.monthly) < 1e-9)
            for point in series.points {
                #expect(point.y == shippedEngine.monthlyTotal(series.stack, workload: workload.withIdle(point.x)))
            }
        }
        #expect(chart.breakEvens == headless.sensitivity.breakEvens.filter { $0.reading == nil })
    }

    @Test func floorsAreFlaggedOnTheRankingTabAndTheScoreboard() throws {
        let (driver, headless, report) = try results("regulated-gcp", width: 80, height: 24)
        let failing = headless.ranking.scores.filter { $0.standing == .failed }
        #expect(!failing.isEmpty)
        #expect(failing.count == report.split(separator: "\n").filter { $0.contains("FAILS: sandbox") }.count)
        let grid = driver.screen()
        let lines = grid.plainLines(), styles = grid.styleLines()
        for score in failing {
            let short = shippedEngine.knowledgeBase.stack(score.stack)!.short
            let row = try #require(lines.firstIndex { $0.contains("\(score.rank)  \(short)") })
            #expect(lines[row].contains("✗ fails"))
            let column = try #require(lines[row].range(of: "✗ fails")).lowerBound.utf16Offset(in: lines[row])
            #expect(Array(styles[row])[column] == "b", "flagged in the bad role")
        }
        var onStep = driver
        onStep.press(.escape)
        #expect(onStep.text().contains("✗ floor"))
    }

    @Test func resultsFollowAnswerChanges() throws {
        var (driver, _, _) = try results("single-cloud-aws")
        let before = try #require(driver.state.results?.advice.recommendation)
        #expect(before == "aws-agentcore")
        // Back to the questions: make the fleet small and pre-production, then results again.
        driver.press(.escape)
        for _ in 0..<7 { driver.press(.pageUp) }
        driver.press(.tab, .character("2"))
        driver.press(.character("r"))
        let after = try #require(driver.state.results?.advice)
        var changed = try exampleAnswers("single-cloud-aws")
        changed["organization.stage"] = .choice("pre-production")
        #expect(after == shippedEngine.advise(changed, today: fixedToday))
    }
}
