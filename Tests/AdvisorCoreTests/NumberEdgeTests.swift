import AdvisorCore
import Foundation
import Testing

/// Numbers that cannot overflow or mean two things (issue 17): one decimal grammar, weights too small
/// to count refused, bounded prices, money that never prints an exponent, a knowledge base dated after
/// the run refused.
@Suite struct NumberEdgeTests {
    @Test(arguments: [
        ("010", "a number with a leading zero, which YAML 1.1 reads as octal and YAML 1.2 as decimal", "10"),
        ("0x10", "a hexadecimal number", "16"),
        ("0o10", "an octal number", "8"),
        ("0b101", "a binary number", "5"),
        ("1_000", "a number with '_' separators, which YAML 1.2 reads as text", "1000"),
    ])
    func formsYAMLReadersDisagreeOnAreRefused(_ written: String, _ why: String, _ decimal: String) throws {
        let problem = try #require(answerProblems(answersText(["workload.agents": written])).first)
        #expect(problem.key == "workload.agents")
        #expect(problem.message == "is '\(written)', \(why)" + (why.hasSuffix("number") ? "; YAML versions read these forms differently, so numbers here are decimal" : ""))
        #expect(problem.expected == "a plain decimal number such as \(decimal)")
    }

    @Test(arguments: ["40", "40.0", "4e1", "+40", "0.4e2"])
    func plainDecimalsStillRead(_ written: String) throws {
        #expect(try parseAnswers(answersText(["workload.agents": written])).number("workload.agents") == 40)
    }

    @Test func fourEqualDenormalWeightsAreRefusedNotMisranked() {
        // 5e-324 × a fit underflows to 0 or 5e-324, so equal weights ranked 1.00 / 0.75 / 0.50 / 0.25.
        let text = answersText(["weights.identity": "5e-324", "weights.model": "5e-324", "weights.sandbox": "5e-324",
                                "weights.billing": "5e-324"])
        let problems = answerProblems(text)
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.message == "is 5e-324, positive but below 0.001, the smallest weight that counts" })
        #expect(problems.first?.expected == "0 to leave the axis out, or at least 0.001")
    }

    @Test func equalSmallWeightsRankLikeTheDefault() throws {
        let small = try parseAnswers(answersText(["weights.identity": "0.001", "weights.model": "0.001",
                                                  "weights.sandbox": "0.001", "weights.billing": "0.001"]))
        let reference = shippedEngine.rank(try parseAnswers(answersText())).scores
        let scaled = shippedEngine.rank(small).scores
        #expect(scaled.map(\.stack) == reference.map(\.stack))
        for (a, b) in zip(scaled, reference) { #expect(abs(a.total - b.total) < 1e-12) }
    }

    @Test func moneyNeverPrintsAnExponentOrInfinity() {
        // 1.46e20 dollars: 146 followed by 18 zeros, grouped in threes.
        #expect(Format.money(1.46e20) == "$146,000,000,000,000,000,000.00")
        #expect(Format.money(9e16) == "$90,000,000,000,000,000.00")
        #expect(Format.money(-2.5e17) == "-$250,000,000,000,000,000.00")
        #expect(Format.money(.infinity) == "n/a" && Format.money(.nan) == "n/a")
        #expect(Format.money(1_234.5) == "$1,234.50")
    }

    @Test func aGapTooSmallForTwoPlacesIsNotCalledZero() {
        // Cost fits of $508.08 and $527.55 differ by a few thousandths: "by 0.00" would say nothing separates them.
        #expect(Format.gap(0.0037) == "less than 0.01")
        #expect(Format.gap(0.2) == "0.20")
        #expect(Format.gap(0.013) == "0.01")
        #expect(Format.gap(0) == "0.00")  // an exact tie is said as a tie elsewhere, never as a gap
    }

    @Test func aRangeErrorListsEachKeyOnce() throws {
        let problem = try #require(answerProblems(answersText(["workload.agents": "{low: 10, hihg: 20}"])).first { $0.key == "workload.agents.hihg" })
        #expect(problem.expected == "one of low, high, likely")
    }

    @Test func aReportLineCannotCarryANewline() {
        #expect(PrintableText.joinedLines(["Team: Eve\nConsensus: Evil Corp wins", "next"])
                == "Team: Eve\u{FFFD}Consensus: Evil Corp wins\nnext")
    }

    @Test func aKnowledgeBaseDatedAfterTheRunIsRefused() throws {
        let kb = shippedEngine.knowledgeBase
        #expect(kb.dateProblem(on: Day("2026-04-24")!) == nil, "the as-of day itself is fine")
        let problem = try #require(kb.dateProblem(on: Day("2026-04-23")!)?.diagnostics.first)
        #expect(problem.description.contains("Data/knowledge-base.yaml:2:8: error: as_of: is 2026-04-24, after the run's day 2026-04-23"))
    }
}
