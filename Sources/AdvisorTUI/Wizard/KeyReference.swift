/// Every key the wizard accepts, screen by screen: one table that `?` shows and the man page's KEYS
/// section prints (`runtime-advisor` renders it; nothing else lists keys on its own).
public enum KeyReference {
    public struct Key: Hashable, Sendable {
        public let keys: String
        public let meaning: String
    }

    public struct Screen: Hashable, Sendable {
        public let title: String
        public let keys: [Key]
    }

    public static let questions = Screen(title: "Questions", keys: [
        Key(keys: "Up/Down, j/k", meaning: "move between options and questions"),
        Key(keys: "Enter", meaning: "choose, then go to the next question"),
        Key(keys: "Space, 1-9", meaning: "choose an option"),
        Key(keys: "0-9 . Backspace", meaning: "type a number; Left/Right step it"),
        Key(keys: "Tab / Shift-Tab", meaning: "next / previous question"),
        Key(keys: "PgDn / PgUp", meaning: "next / previous step"),
        Key(keys: "Home / End", meaning: "first / last question"),
        Key(keys: "Esc", meaning: "back one question (or undo typing)"),
        Key(keys: "Enter / Esc (from a result)", meaning: "back to the result the question was opened from, re-scored"),
        Key(keys: "r", meaning: "results"),
        Key(keys: "s", meaning: "save the answers"),
        Key(keys: "e", meaning: "export the decision record"),
        Key(keys: "q", meaning: "quit"),
    ])

    public static let results = Screen(title: "Results", keys: [
        Key(keys: "Tab, Left/Right, 1-6", meaning: "switch tab"),
        Key(keys: "Up/Down, j/k", meaning: "move the cursor (the pointer in the margin) between lines a key can open; scroll"),
        Key(keys: "PgUp/PgDn, Home/End", meaning: "scroll"),
        Key(keys: "Enter", meaning: "open the line under the cursor: a stack beside the winner, or the question behind a result"),
        Key(keys: "c (Ranking)", meaning: "the stack under the cursor side by side with the winner"),
        Key(keys: "C (Ranking)", meaning: "compare any two: C on the first stack, Enter on the second"),
        Key(keys: "x (Ranking)", meaning: "rule the stack under the cursor out (asks why), or take it back in"),
        Key(keys: "p", meaning: "pin these answers as what-if A, or unpin; the Ranking tab shows now against A"),
        Key(keys: "w", meaning: "swap the answers now with the pinned A"),
        Key(keys: "g", meaning: "jump to a section of the tab"),
        Key(keys: "/, then n / N", meaning: "search the tab; next / previous match"),
        Key(keys: "c, z (Costs)", meaning: "fold the chart away; change its money scale"),
        Key(keys: "e", meaning: "export the decision record (asks for a path)"),
        Key(keys: "s", meaning: "save the answers as YAML"),
        Key(keys: "Esc", meaning: "back to the questions"),
        Key(keys: "q", meaning: "quit (asks first when answers are unsaved)"),
    ])

    public static let teamComparison = Screen(title: "Team comparison", keys: [
        Key(keys: "Up/Down, j/k", meaning: "move between questions"),
        Key(keys: "Left/Right, Tab", meaning: "move between people"),
        Key(keys: "Enter, Space", meaning: "settle the question on the highlighted person's answer"),
        Key(keys: "t or =", meaning: "settle it on a value typed in the meeting"),
        Key(keys: "r", meaning: "results for the answers as they stand"),
        Key(keys: "s", meaning: "save the answers (open splits marked)"),
        Key(keys: "e", meaning: "export the team's decision record"),
        Key(keys: "q", meaning: "quit (asks first when settlements are unsaved)"),
    ])

    public static let sideBySide = Screen(title: "Two stacks side by side", keys: [
        Key(keys: "Up/Down, j/k, PgUp/PgDn", meaning: "scroll"),
        Key(keys: "Home / End", meaning: "top / end"),
        Key(keys: "Esc, Enter, b", meaning: "back to the Ranking tab, on the same stack"),
        Key(keys: "q", meaning: "quit (asks first when answers are unsaved)"),
    ])

    /// Every screen, in the order a session meets them.
    public static let all = [questions, results, sideBySide, teamComparison]

    static func screen(for screen: WizardScreen) -> Screen {
        switch screen {
        case .comparison: teamComparison
        case .results: results
        case .sideBySide: sideBySide
        default: questions
        }
    }
}
