import AdvisorCore
import AdvisorRecord
import AdvisorFiles
import Testing

/// Issue 18: the record states the engine's standing, reason and condition, never its own.
@Suite struct RecordSaysWhatTheEngineSaysTests {
    @Test(arguments: SurfaceCase.all) func theRecordStatesTheVerdict(_ testCase: SurfaceCase) throws {
        let advice = shippedEngine.advise(try answers(testCase.overrides), today: fixedToday)
        let template = try #require(KnowledgeSource.builtInScreen("record/madr.md.mustache"))
        let record = try DecisionRecord.render(advice, engine: shippedEngine, options: RecordOptions(date: fixedToday),
                                               template: template, file: "madr.md.mustache")
        let flat = record.split(separator: "\n").joined(separator: " ")
        let because = MarkdownText.escape(advice.verdict.because.full)
        #expect(flat.contains("Chosen option: \"\(shippedEngine.stackName(advice.recommendation))\", because \(because)"), "\(testCase.name)")
        for reason in advice.verdict.reasons { #expect(flat.contains(MarkdownText.escape(reason.full))) }
        if advice.standing == .unverified {
            #expect(!flat.contains("and meets every floor"), "a conditional winner is never said to meet every floor")
            for sentence in advice.verdict.conditions + [advice.verdict.fallback].compactMap({ $0 }) {
                #expect(flat.contains(MarkdownText.escape(sentence.full)), "\(sentence.full)")
            }
            for condition in advice.condition { #expect(flat.contains(MarkdownText.escape(condition).prefix(40))) }
        }
    }
}
