import AdvisorCore
import AdvisorTUI
import Foundation
import Testing

/// Issue 21 in the wizard: given a price book, every figure is at your prices (the engine's), and the
/// Costs tab and the live ranking say whose prices they are, with list beside yours.
@Suite struct PriceBookWizardTests {
    static let priced: Engine = {
        let path = packageRoot + "/Data/examples/prices/acme.yaml"
        let bytes = Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
        guard let book = try? PriceBookParser.parse(bytes: bytes, file: path, knowledgeBase: shippedEngine.knowledgeBase) else {
            fatalError("the shipped example price book does not read")
        }
        return shippedEngine.pricing(book)
    }()

    func driver() throws -> Driver {
        Driver(state: Wizard.initialState(engine: Self.priced, answers: try exampleAnswers("single-cloud-aws"), today: fixedToday,
                                          context: WizardContext(recordTemplate: recordTemplate), width: 120, height: 40))
    }

    @Test func theLiveRankingAndTheCostsTabAreAtYourPrices() throws {
        var driver = try driver()
        let headless = Self.priced.advise(try exampleAnswers("single-cloud-aws"), today: fixedToday)
        #expect(driver.state.costs == headless.costs)
        driver.press(.enter)  // past the welcome screen, to the first step and its live ranking
        #expect(driver.text().contains("Costs at your prices: Acme negotiated"), "\(driver.text())")
        driver.press(.character("r"), .character("3"))
        var text = ""
        for _ in 0..<40 {
            text += driver.text() + "\n"
            driver.press(.pageDown)
        }
        // $527.55 less 20% = $422.04 for AgentCore (PriceBookTests works it), with its list beside it; Anthropic 1,460 h × $0.07 = $102.20.
        for expected in ["Your prices: “Acme negotiated prices” as of 2026-11-01 (sha256 ", "$422.04", "list $527.55",
                         "$102.20", "list $116.80", "list not modelled",
                         "Price book: 20% discount on AWS Bedrock AgentCore (Enterprise discount programme); list $0.0895"] {
            #expect(text.contains(expected), "the Costs tab lacks «\(expected)»")
        }
    }
}
