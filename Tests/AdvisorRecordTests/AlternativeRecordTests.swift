import AdvisorCore
import AdvisorFiles
import AdvisorRecord
import Testing

/// Issue 22: answers pinned as what-if A in a review become "Alternatives considered" in the record.
@Suite struct AlternativeRecordTests {
    func render(pinnedAgents: Double?) throws -> String {
        let now = try exampleAnswers("single-cloud-aws")
        var pinned = now
        pinned["workload.agents"] = .number(pinnedAgents ?? 40)
        let advice = shippedEngine.advise(now, today: fixedToday)
        let pinnedAdvice = shippedEngine.advise(pinned, today: fixedToday)
        let template = try #require(KnowledgeSource.builtInScreen("record/madr.md.mustache"))
        let alternative = pinnedAgents.map { _ in (pinned: pinnedAdvice, whatIf: shippedEngine.whatIf(pinned: pinnedAdvice, current: advice)) }
        return try TeamRecord.render(advice, engine: shippedEngine, options: RecordOptions(date: fixedToday), template: template,
                                     file: "madr.md.mustache", alternative: alternative).text
    }

    @Test func aPinnedWhatIfIsAnAlternativeConsidered() throws {
        let record = try render(pinnedAgents: 45)
        // The example runs 40 agents; A ran 45. AgentCore bills per session, so A's bill is 45/40 of
        // the example's $527.55: $593.49, and the record (now) costs $593.49 - $527.55 = $65.94 less.
        #expect(record.contains("## Alternatives considered"))
        #expect(record.contains("Changed from A: fleet size from 45 agents to 40 agents."))
        #expect(record.contains("| AWS Bedrock AgentCore | 0.76 | 0.76 | \\$593.49 | \\$527.55 | -\\$65.94 |"))
        #expect(record.contains("\n  agents: 45\n"), "A's answers are there to re-run")
        // Before the pros and cons, like the team's section.
        let section = try #require(record.range(of: "## Alternatives considered"))
        let pros = try #require(record.range(of: "## Pros and Cons of the Options"))
        #expect(section.lowerBound < pros.lowerBound)
    }

    @Test func withoutAPinTheRecordIsTheHeadlessOne() throws {
        let now = try exampleAnswers("single-cloud-aws")
        let advice = shippedEngine.advise(now, today: fixedToday)
        let template = try #require(KnowledgeSource.builtInScreen("record/madr.md.mustache"))
        let headless = try DecisionRecord.render(advice, engine: shippedEngine, options: RecordOptions(date: fixedToday),
                                                 template: template, file: "madr.md.mustache")
        #expect(try render(pinnedAgents: nil) == headless)
    }
}
