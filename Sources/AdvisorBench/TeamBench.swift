import AdvisorCore

/// The team figures: a 12-person team's full analysis (consensus advice, each person's winner, the
/// disagreement map) and a workload with 10 ranged numbers (1,024 corners).
enum TeamBench {
    /// Twelve participants who differ on the choices, the flags, the numbers and the weights.
    static func participants(from answers: Answers) -> [Participant] {
        let clouds = ["aws", "aws", "aws", "multi-cloud", "none", "aws"]
        let models = ["multi-model", "claude", "openai", "multi-model"]
        let patterns = ["tight-loop", "idle-heavy", "tight-loop"]
        return (0..<12).map { index in
            var mine = answers
            mine["organization.cloud"] = .choice(clouds[index % clouds.count])
            mine["model.strategy"] = .choice(models[index % models.count])
            mine["billing.pattern"] = .choice(patterns[index % patterns.count])
            mine["sandbox.untrusted_content"] = .flag(index % 4 == 0)
            mine["workload.agents"] = .number(Double(20 + 5 * index))
            mine["workload.idle_fraction"] = .number(0.3 + 0.05 * Double(index % 10))
            mine["weights.sandbox"] = .number(Double(1 + index % 3))
            return Participant(name: "p\(index + 1)", file: "p\(index + 1).yaml", answers: mine)
        }
    }

    /// Ten workload numbers given as ranges around their answers.
    static func ranged(_ answers: Answers, questionnaire: Questionnaire) -> Answers {
        var ranged = answers
        let numbers = questionnaire.questions(in: "workload").filter { $0.kind == .number || $0.kind == .integer }.prefix(10)
        for question in numbers {
            let value = answers.number(question.id)
            let low = max(question.minimum ?? 0, value * 0.5), high = min(question.maximum ?? value * 2, max(value * 1.5, low + 1))
            ranged.setRange(question.id, ValueRange(low: low, high: min(high, question.maximum ?? high)))
        }
        return ranged
    }
}
