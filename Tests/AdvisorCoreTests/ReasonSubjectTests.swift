import AdvisorCore
import AdvisorTestSupport
import Testing

/// Each reason explains the two stacks it compares: it quotes the winner's own sentence, the
/// runner-up's (the rule held it back), or the cost of both, never a third vendor's sentence.
@Suite struct ReasonSubjectTests {
    static let variants: [[QuestionID: AnswerValue]] = {
        var result: [[QuestionID: AnswerValue]] = []
        for cloud in ["aws", "gcp", "azure", "multi-cloud", "none"] {
            for identity in ["entra", "aws-iam", "google-cloud-iam", "okta"] {
                for model in ["claude", "gemini", "openai", "multi-model"] {
                    for code in [true, false] {
                        result.append(["organization.cloud": .choice(cloud), "identity.provider": .choice(identity),
                                       "model.strategy": .choice(model), "sandbox.customer_code": .flag(code)])
                    }
                }
            }
        }
        return result
    }()

    @Test func noReasonNamesOnlyAnotherStack() throws {
        let kb = shippedEngine.knowledgeBase
        var base = try exampleAnswers("single-cloud-aws")
        base.defaulted = []
        for variant in Self.variants {
            var answers = base
            for (id, value) in variant { answers[id] = value }
            let advice = shippedEngine.advise(answers, today: fixedToday)
            let winner = try #require(kb.stack(advice.recommendation))
            let rival = try #require(kb.stack(advice.ranking.scores[1].stack))
            for reason in advice.reasons where reason.full.contains(": ") && reason.full.hasPrefix("On ") {
                let quoted = String(reason.full.split(separator: ":", maxSplits: 1)[1])
                let pair = [winner.id, rival.id]
                let others = kb.stacks.filter { !pair.contains($0.id) && quoted.contains($0.short) }
                #expect(others.map(\.id) == [], "\(variant): \(winner.short) against \(rival.short) quotes \(others.map(\.short)): \(reason.full)")
                #expect(reason.full.contains("for \(rival.short):"), "the reason names the runner-up it is about")
            }
        }
    }
}
