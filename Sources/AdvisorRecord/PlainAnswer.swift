import AdvisorCore

/// Answers as a person would say them: option labels, yes or no, numbers with their units.
enum PlainAnswer {
    static func text(_ value: AnswerValue?, for question: Question) -> String {
        guard let value else { return "not answered" }
        switch value {
        case .choice(let choice): return question.option(choice)?.label ?? choice
        case .flag(let flag): return flag ? "yes" : "no"
        case .number(let number): return Format.plain(number) + (question.unit.map { " " + $0 } ?? "")
        case .text(let text): return text.isEmpty ? "none" : text
        case .list(let items): return items.isEmpty ? "none" : items.joined(separator: ", ")
        }
    }

    /// `How many agents will run? (`workload.agents`) from 40 agents to 9 agents`.
    static func change(_ change: AnswerChange, questionnaire: Questionnaire) -> String {
        guard let question = questionnaire.question(change.question) else {
            return MarkdownText.code(change.question) + " from " + MarkdownText.escape(change.from.display)
                + " to " + MarkdownText.escape(change.to.display)
        }
        return MarkdownText.escape(question.text) + " (" + MarkdownText.code(question.id) + ") from "
            + MarkdownText.escape(text(change.from, for: question)) + " to " + MarkdownText.escape(text(change.to, for: question))
    }
}
