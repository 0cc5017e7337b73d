import AdvisorCore
import Testing

/// Two stacks side by side: the engine's figures and sentences, worked out by hand from the rule files.
@Suite struct SideBySideTests {
    static func pair(_ first: StackID, _ second: StackID, _ answers: Answers) throws -> (SideBySide, Advice) {
        let advice = shippedEngine.advise(answers, today: fixedToday)
        return (try #require(shippedEngine.sideBySide(first, second, in: advice)), advice)
    }

    /// Single-cloud AWS, AgentCore against Google. Identity (Data/rules/identity.yaml): AgentCore starts at
    /// 0.5, +0.40 for matching AWS IAM, +0.20 for the AWS commitment, -0.05 for its sticky identity: 1.05,
    /// held at 1.00; Google stays at 0.5. So three rules separate them: 0.40 and 0.20 for AgentCore, and
    /// 0.05 for Google (the rule held AgentCore back, so its sentence is AgentCore's). With four equal
    /// weights the axis adds 1/4 × (1.00 - 0.50) = 0.125 to AgentCore's lead.
    @Test func identitySeparationsWorkedByHand() throws {
        let (pair, _) = try Self.pair("aws-agentcore", "google-agent-platform", try exampleAnswers("single-cloud-aws"))
        let identity = try #require(pair.axes.first { $0.axis == "identity" })
        #expect(identity.fits == [1.0, 0.5])
        #expect(identity.lead.isClose(to: 0.125, tolerance: 1e-9))
        #expect(identity.separations.map(\.separation.rule) == ["identity-idp-aws-iam", "identity-single-cloud-aws", "identity-lock-in-depth"])
        #expect(identity.separations.map(\.separation.favours) == ["aws-agentcore", "aws-agentcore", "google-agent-platform"])
        #expect(identity.separations.map { Format.score($0.separation.gap) } == ["0.40", "0.20", "0.05"])
        #expect(identity.separations[2].sentence.full
                == "For Google GEAP by 0.05: AgentCore Identity is one of the two stickiest identity couplings.")
        // Sandbox: no rule moves either (both 0.70 under the non-adversarial rule), so nothing separates them.
        #expect(pair.axes.first { $0.axis == "sandbox" }?.separations.isEmpty == true)
    }

    /// The README's example, idle time billed: 4,866.67 session-hours; AgentCore 4,866.67 × $0.0895 = $435.57
    /// + 9,733.33 GB-hours × $0.00945 = $91.98, $527.55; Google 4,866.67 × $0.0864 = $420.48 + 9,733.33 ×
    /// $0.009 = $87.60, $508.08: Google $19.47 less.
    @Test func costNoteGivesBothBillsAndTheDifference() throws {
        let (pair, _) = try Self.pair("aws-agentcore", "google-agent-platform", try exampleAnswers("single-cloud-aws"))
        #expect(pair.costNote.full == "Monthly: AgentCore $527.55, Google GEAP $508.08; Google GEAP costs $19.47 less.")
        #expect(pair.sides.map(\.cost.totalText) == ["$527.55", "$508.08"])
    }

    /// Cloudflare's total is a lower bound ($105.12 of CPU; memory, disk and requests unpriced), below
    /// Anthropic's $116.80: which costs less cannot be said.
    @Test func aLowerBoundBelowTheOtherIsNotCalledCheaper() throws {
        let (pair, _) = try Self.pair("anthropic-managed-agents", "cloudflare-neutral", try exampleAnswers("single-cloud-aws"))
        #expect(pair.costNote.full.hasSuffix("which costs less is not known: Cloudflare cannot be fully priced."))
    }

    /// The flip it names, applied, puts the trailing stack ahead; no nearer change (fewer answers) would.
    @Test func theFlipPutsTheOtherAhead() throws {
        let answers = try exampleAnswers("single-cloud-aws")
        let (pair, _) = try Self.pair("aws-agentcore", "google-agent-platform", answers)
        let flip = try #require(pair.flip)
        #expect(flip.winner == "google-agent-platform")
        var changed = answers
        for change in flip.changes { changed[change.question] = change.to }
        let ranking = shippedEngine.rank(changed)
        let rank = { (stack: StackID) in ranking.score(stack)?.rank ?? 0 }
        #expect(rank("google-agent-platform") < rank("aws-agentcore"))
        #expect(pair.flipSentence.full.hasPrefix("Nearest change that puts Gemini Enterprise Agent Platform ahead of AWS Bedrock AgentCore: "))
    }

    /// Adversarial exposure with a Claude-first multi-cloud team: Anthropic leads on a condition, Cloudflare
    /// fails the sandbox floor, so it ranks last whatever its total, and says so about itself alone.
    @Test func floorsSayWhereEachStands() throws {
        let answers = try parseAnswers(answersText(["organization.cloud": "multi-cloud", "identity.provider": "okta",
                                                    "model.strategy": "claude", "sandbox.untrusted_content": "true",
                                                    "billing.pattern": "idle-heavy"]))
        let (pair, _) = try Self.pair("anthropic-managed-agents", "cloudflare-neutral", answers)
        #expect(pair.headline.full.hasSuffix("Cloudflare does not meet every floor, so it ranks after every stack that does."))
        #expect(pair.standings.count == 2)
        #expect(pair.standings[1].full.hasPrefix("Floors: Cloudflare does not meet the sandbox threat model floor: "))
        #expect(pair.sides[0].conditions.count == 1)
        #expect(pair.sides[1].toConfirm.map(\.full) == ["Cloudflare: nothing to confirm for the floors."])
        #expect(pair.floors.map { $0.results.map(\.status) } == [[.unverified, .failed]])
    }

    @Test func aRuledOutOrUnknownStackCannotBeCompared() throws {
        var answers = try exampleAnswers("single-cloud-aws")
        answers.exclude(Exclusion(stack: "google-agent-platform"))
        let advice = shippedEngine.advise(answers, today: fixedToday)
        #expect(shippedEngine.sideBySide("aws-agentcore", "google-agent-platform", in: advice) == nil)
        #expect(shippedEngine.sideBySide("aws-agentcore", "nonesuch", in: advice) == nil)
        #expect(shippedEngine.sideBySide("aws-agentcore", "aws-agentcore", in: advice) == nil)
        #expect(shippedEngine.sideBySide("aws-agentcore", "cloudflare-neutral", in: advice) != nil)
    }
}

/// A sentence quoted after a colon starts in lower case, unless it starts with a name, possessive or not.
@Suite struct QuotedSentenceTests {
    /// Multi-cloud with Okta: the neutral stack's identity sentence starts "Cloudflare's identity coupling".
    @Test func aPossessiveNameKeepsItsCapital() throws {
        let answers = try parseAnswers(answersText(["organization.cloud": "multi-cloud", "identity.provider": "okta"]))
        let advice = shippedEngine.advise(answers, today: fixedToday)
        let pair = try #require(shippedEngine.sideBySide("cloudflare-neutral", "aws-agentcore", in: advice))
        let texts = pair.axes.flatMap(\.separations).map(\.sentence.full)
        #expect(texts.contains { $0.contains(": Cloudflare's identity coupling is light") })
        #expect(!texts.contains { $0.contains("cloudflare's") })
    }
}
