import AdvisorCore
import AdvisorTUI
import Foundation
import Testing

/// Issue 18: the wizard's Ranking and Why tabs state the engine's verdict, word for word, on the cases
/// the text, JSON and record are checked on.
@Suite struct WizardSaysWhatTheEngineSaysTests {
    /// Every line of a tab, scrolled through, joined as prose (the tab wraps at its own width).
    func tab(_ number: Character, _ driver: inout Driver) -> String {
        driver.press(.character(number))
        var text = ""
        for _ in 0..<12 {
            text += driver.text() + "\n"
            driver.press(.pageDown)
        }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │┌┐└┘─")) }
            .joined(separator: " ")
    }

    @Test(arguments: SurfaceCase.all) func theRankingAndWhyTabsStateTheVerdict(_ testCase: SurfaceCase) throws {
        let answers = try answers(testCase.overrides)
        let advice = shippedEngine.advise(answers, today: fixedToday)
        var driver = Driver(answers: answers, width: 120, height: 40)
        driver.press(.character("r"))
        #expect(driver.state.results?.advice == advice)
        let ranking = tab("1", &driver)
        for sentence in [advice.verdict.headline, advice.verdict.standing] + advice.verdict.conditions
            + [advice.verdict.fallback, advice.verdict.tie].compactMap({ $0 }) {
            #expect(ranking.contains(sentence.full), "\(testCase.name): the Ranking tab lacks «\(sentence.full)»")
        }
        if advice.standing == .unverified { #expect(!ranking.contains("meets every floor that applies")) }
        let why = tab("2", &driver)
        for reason in advice.verdict.reasons {
            #expect(why.contains(reason.full), "\(testCase.name): the Why tab lacks «\(reason.full)»")
        }
    }
}
