import AdvisorCore
import Testing

/// Ruling a stack out (`decision.exclude`, `--exclude`): read with every problem at file:line:column,
/// written back the same, and taken out of every figure the engine makes for those answers.
@Suite struct ExclusionTests {
    static let withExclusions = answersText().replacingOccurrences(of: "organization:", with: """
        decision:
          exclude:
            - {stack: microsoft-agent-365, reason: "we will never buy Microsoft"}
            - cloudflare-neutral
        organization:
        """)

    @Test func readsMappingsAndBareIdsInOrder() throws {
        let answers = try parseAnswers(Self.withExclusions)
        #expect(answers.exclusions == [Exclusion(stack: "microsoft-agent-365", reason: "we will never buy Microsoft"),
                                       Exclusion(stack: "cloudflare-neutral")])
    }

    @Test func writesWhatItReads() throws {
        let answers = try parseAnswers(Self.withExclusions)
        let text = AnswersWriter.yaml(answers, questionnaire: shippedEngine.questionnaire, includeDefaults: false)
        // The decision's own section comes last, as in the questionnaire.
        #expect(text.hasSuffix("""
            decision:
              exclude:
                - {stack: microsoft-agent-365, reason: "we will never buy Microsoft"}
                - {stack: cloudflare-neutral}

            """))
        #expect(try parseAnswers(text) == answers)
    }

    @Test func everyProblemAtItsLineWithTheNearestStack() {
        let text = answersText().replacingOccurrences(of: "organization:", with: """
            decision:
              exclude:
                - {stack: microsft, reason: "no"}
                - {stack: aws-agentcore, reason: "a\\u0007b"}
                - aws-agentcore
                - {reason: "x"}
            organization:
            """)
        let problems = answerProblems(text)
        let found = problems.map { "\($0.location.line ?? 0) \($0.key ?? "") \($0.message)" }
        #expect(found == [
            "4 decision.exclude.stack 'microsft' is not a stack in the knowledge base",
            "5 decision.exclude.reason contains the invisible or control character U+0007 at position 2",
            "6 decision.exclude rules out 'aws-agentcore' again (first at line 5)",
            "7 decision.exclude.stack is missing",
        ])
        // "microsft" misspells a word of Microsoft Agent 365's name.
        #expect(problems.first?.suggestion == "microsoft-agent-365")
    }

    @Test func rulingOutEveryStackIsRefused() {
        let every = shippedEngine.knowledgeBase.stacks.map { "    - \($0.id)" }.joined(separator: "\n")
        let problems = answerProblems(answersText().replacingOccurrences(of: "organization:", with: "decision:\n  exclude:\n\(every)\norganization:"))
        #expect(problems.map(\.message) == ["rules out every stack, which leaves nothing to rank"])
    }

    @Test func aQuestionnaireWithoutAKnowledgeBaseAcceptsNoExclusion() throws {
        var bare = shippedEngine.questionnaire
        bare = Questionnaire(version: bare.version, steps: bare.steps, questions: bare.questions)
        #expect(throws: DiagnosticError.self) {
            try AnswersParser.parse(bytes: Array(Self.withExclusions.utf8), file: "a.yaml", questionnaire: bare)
        }
    }

    /// Anthropic is the cheapest complete total ($116.80), so every dearer stack loses billing fit against
    /// it. Ruled out, the reference becomes Google ($508.08), just below AgentCore ($527.55, idle time
    /// billed; see SideBySideTests): AgentCore's billing fit goes from 0.70 - 0.2 × (527.55 - 116.80) /
    /// 527.55 = 0.5443 to 0.70 - 0.2 × (527.55 - 508.08) / 527.55 = 0.70 - 0.0074 = 0.6926, and its total
    /// from (1 + 0.8 + 0.7 + 0.5443) / 4 = 0.7611 to (1 + 0.8 + 0.7 + 0.6926) / 4 = 0.7982.
    @Test func rulingOutTheCheapestMovesTheCostReference() throws {
        let before = shippedEngine.rank(try answers())
        #expect(before.winner.total.isClose(to: 0.7611, tolerance: 0.0001))
        var ruled = try answers()
        ruled.exclude(Exclusion(stack: "anthropic-managed-agents", reason: "existing OpenAI contract"))
        let advice = shippedEngine.advise(ruled, today: fixedToday)
        #expect(advice.costs.cheapest == "google-agent-platform")
        #expect(advice.recommendation == "aws-agentcore")
        #expect(advice.ranking.winner.total.isClose(to: 0.7982, tolerance: 0.0001))
        #expect(advice.ranking.winner.axis("billing")?.costAdjustment?.isClose(to: -0.0074, tolerance: 0.0001) == true)
        #expect(!advice.ranking.scores.contains { $0.stack == "anthropic-managed-agents" })
        #expect(!advice.costs.stacks.contains { $0.stack == "anthropic-managed-agents" })
    }

    /// For every example and every stack ruled out in turn, no figure the engine makes names that stack:
    /// the ruling-out happens in one place, not per surface.
    @Test(arguments: exampleNames)
    func aRuledOutStackIsInNoFigure(_ name: String) throws {
        let base = try exampleAnswers(name)
        for stack in shippedEngine.stackIDs {
            var answers = base
            answers.exclude(Exclusion(stack: stack))
            let advice = shippedEngine.advise(answers, today: fixedToday)
            var named: [StackID?] = advice.ranking.scores.map(\.stack) + advice.costs.stacks.map(\.stack)
            named += [advice.costs.cheapest, advice.ranking.fallback] + advice.ranking.tiedWith
            named += advice.sensitivity.flips.map(\.winner)
            named += advice.sensitivity.breakEvens.flatMap { [$0.from, $0.to] }
            named += advice.caveats.compactMap { if case .stack(let id) = $0.subject { id } else { nil } }
            #expect(!named.contains(stack), "\(name) without \(stack)")
            #expect(advice.ranking.scores.count == shippedEngine.stackIDs.count - 1)
            #expect(advice.verdict.exclusions?.full.contains(shippedEngine.stackName(stack)) == true)
        }
    }

    /// The nearest flip of the shipped example is a fleet of 9 agents making Self-managed win; with
    /// Self-managed ruled out that change flips nothing, and the search finds a change for a stack still in.
    @Test func theNearestFlipIsAmongTheStacksLeft() throws {
        let aws = try exampleAnswers("single-cloud-aws")
        let flip = try #require(shippedEngine.sensitivity(aws).flips.first)
        #expect(flip.winner == "self-managed" && flip.changes.map(\.question) == ["workload.agents"])
        var ruled = aws
        ruled.exclude(Exclusion(stack: "self-managed"))
        let flips = shippedEngine.sensitivity(ruled).flips
        #expect(!flips.isEmpty)
        #expect(!flips.contains { $0.winner == "self-managed" })
    }

    @Test func theVerdictQuotesTheReasonAndSaysWhenThereIsNone() throws {
        let advice = shippedEngine.advise(try parseAnswers(Self.withExclusions), today: fixedToday)
        let sentence = try #require(advice.verdict.exclusions)
        #expect(sentence.full == "Ruled out by the team, so not ranked or priced: Microsoft Agent 365 (with Copilot Studio "
                + "or Foundry), \u{201C}we will never buy Microsoft\u{201D}; Cloudflare Sandboxes + MCP reference architecture, "
                + "no reason given.")
        #expect(sentence.short.count <= Sentence.shortWidth)
        #expect(shippedEngine.advise(try answers(), today: fixedToday).verdict.exclusions == nil)
    }

    /// Answers that would rule out everything leave the candidates as they are rather than leave nothing
    /// (the readers refuse them first; the engine must still never crash on them).
    @Test func theEngineNeverRanksNothing() throws {
        var answers = try answers()
        for stack in shippedEngine.stackIDs { answers.exclude(Exclusion(stack: stack)) }
        #expect(shippedEngine.rank(answers).scores.count == shippedEngine.stackIDs.count)
    }

    @Test func aCommandLineExclusionNamesTheNearestStack() {
        let options = shippedEngine.questionnaire.stackOptions
        #expect(Exclusion.argument("aws-agentcore: existing contract", options: options)
                == .success(Exclusion(stack: "aws-agentcore", reason: "existing contract")))
        #expect(Exclusion.argument("self-managed", options: options) == .success(Exclusion(stack: "self-managed")))
        guard case .failure(let problem) = Exclusion.argument("google", options: options) else {
            Issue.record("google is not an id")
            return
        }
        #expect(problem.suggestion == "google-agent-platform")
    }

    /// A stack anyone in the team rules out is out for the team, and the report says whose answers did it.
    @Test func aTeamRulesOutWhatAnyoneRulesOut() throws {
        var amara = try answers()
        amara.exclude(Exclusion(stack: "microsoft-agent-365", reason: "procurement"))
        let people = [Participant(name: "Amara", file: "a.yaml", answers: amara),
                      Participant(name: "Bruno", file: "b.yaml", answers: try answers())]
        let team = shippedEngine.team(people, today: fixedToday)
        #expect(team.consensus.exclusions == [Exclusion(stack: "microsoft-agent-365", reason: "procurement")])
        #expect(!team.advice.ranking.scores.contains { $0.stack == "microsoft-agent-365" })
        #expect(team.ruledOut?.full == "Ruled out: Microsoft Agent 365 (with Copilot Studio or Foundry) (in the answers of Amara).")
    }
}
