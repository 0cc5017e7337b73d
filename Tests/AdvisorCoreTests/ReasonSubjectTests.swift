import AdvisorCore
import AdvisorTestSupport
import Testing

/// Each reason for the recommendation is about the recommended stack: a shared rule worded for
/// another vendor is never quoted as the winner's reason.
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
            for reason in advice.reasons where reason.text.contains(": ") && reason.text.hasPrefix("On ") {
                let quoted = String(reason.text.split(separator: ":", maxSplits: 1)[1])
                let others = kb.stacks.filter { $0.id != winner.id && quoted.contains($0.short) }
                let ownWords = [winner.short, String(winner.vendor.split(separator: " ")[0]), String(winner.name.split(separator: " ")[0])]
                #expect(others.isEmpty || ownWords.contains(where: quoted.contains),
                        "\(variant): \(winner.short)'s reason quotes \(others.map(\.short)): \(reason.text)")
            }
        }
    }
}
