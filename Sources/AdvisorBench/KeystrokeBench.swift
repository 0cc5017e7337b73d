import AdvisorCore
import AdvisorTUI

/// Measures what one key press costs the wizard at 120x40: the pure update (which re-scores the
/// answers) and drawing the whole frame into a cell grid. Keys alternate Right and Left on a number
/// question, so every press changes an answer.
enum KeystrokeBench {
    static func run(engine: Engine, answers: Answers, today: Day, samples: inout Samples, count: Int) {
        var state = Wizard.initialState(engine: engine, answers: answers, today: today, width: 120, height: 40)
        // Leave the welcome screen and move to the workload step, whose questions are numbers.
        for event in [InputEvent.key(.enter), .key(.tab), .key(.tab)] { state = Wizard.update(state, event).0 }
        for index in 0..<(count + 50) {
            let event = InputEvent.key(index % 2 == 0 ? .right : .left)
            let start = now()
            state = Wizard.update(state, event).0
            _ = Wizard.render(state, width: 120, height: 40)
            if index >= 50 { samples.milliseconds.append(Double(now() - start) / 1e6) }
        }
    }
}
