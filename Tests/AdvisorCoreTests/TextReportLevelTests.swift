import AdvisorCore
import Foundation
import Testing

/// The text report's levels: the summary fits one 80x24 screen for every example, `full` keeps every
/// section of the report, `why` and `costs` add theirs to the summary, and prose names questions by label.
@Suite struct TextReportLevelTests {
    func render(_ name: String, _ detail: ReportDetail, style: TextStyle = .plain) throws -> String {
        TextReport.render(try GoldenTests().advice(name), engine: shippedEngine, detail: detail, style: style)
    }

    func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Section headings: the lines that start at column 0.
    func headings(_ text: String) -> [String] {
        lines(text).filter { !$0.isEmpty && !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" && $0 != "(" }).trimmingCharacters(in: .whitespaces) }
    }

    @Test(arguments: GoldenTests.examples) func summaryFitsOneScreen(_ name: String) throws {
        let summary = lines(try render(name, .summary))
        #expect(summary.count <= 24, "\(name): \(summary.count) lines")
        for line in summary { #expect(line.count <= 80, "\(name): \(line.count) columns: \(line)") }
        #expect(summary.last?.hasPrefix("More: --detail why") == true)
    }

    @Test(arguments: GoldenTests.examples) func summaryLeadsWithTheRecommendationRankingAndCosts(_ name: String) throws {
        let advice = try GoldenTests().advice(name)
        let summary = try render(name, .summary)
        // The engine's headline, in one of its two forms.
        let flat = lines(summary).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains(advice.verdict.headline.full) || lines(summary).contains(advice.verdict.headline.short))
        // Every stack has a row with its rank, and every priced stack shows its whole monthly bill.
        for score in advice.ranking.scores {
            let short = try #require(shippedEngine.knowledgeBase.stack(score.stack)?.short)
            let row = try #require(lines(summary).first { $0.hasPrefix("  \(score.rank)  \(short) ") }, "\(name): no row for \(short)")
            let cost = try #require(advice.costs.cost(score.stack))
            if cost.isUnpriced {
                #expect(row.contains("not modelled"))
            } else {
                #expect(row.contains(Format.money(cost.total)), "\(row)")
                #expect(row.contains("at least ") == cost.totalIsLowerBound, "\(row)")
            }
        }
        #expect(flat.contains(advice.verdict.mainCaveat.full) || lines(summary).contains(advice.verdict.mainCaveat.short))
    }

    @Test(arguments: GoldenTests.examples) func fullKeepsEverySectionOfTheReport(_ name: String) throws {
        let winner = shippedEngine.stackName(try GoldenTests().advice(name).recommendation)
        #expect(headings(try render(name, .full)) == ["runtime-advisor", "WARNING", "Recommendation", "Ranking", "Why", "Monthly cost in US dollars",
                                                      "Sensitivity", "Caveats", "Open risks of " + winner.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces), "Sources"])
        // The default level is the full report for callers of the library that ask for nothing else.
        #expect(TextReport.render(try GoldenTests().advice(name), engine: shippedEngine) == (try render(name, .full)))
    }

    @Test func whyAndCostsAddTheirSectionToTheSummary() throws {
        let summary = lines(try render("single-cloud-aws", .summary))
        let why = lines(try render("single-cloud-aws", .why))
        let costs = lines(try render("single-cloud-aws", .costs))
        let body = Array(summary.dropLast(2))
        #expect(Array(why.prefix(body.count)) == body)
        #expect(Array(costs.prefix(body.count)) == body)
        #expect(why.contains { $0.hasPrefix("Why: the scoring trace") })
        #expect(why.contains("      +0.40 AgentCore Identity brokers agent credentials through AWS IAM, so an IAM shop adds no new identity plane. [0, 13]"))
        #expect(!why.contains { $0.hasPrefix("Monthly cost") })
        // 4,866.67 session-hours × 1 vCPU, idle billed = 4,866.67 vCPU-hours × $0.0895 = $435.57, the AgentCore compute line.
        #expect(costs.contains { $0.contains("Runtime compute (vCPU)") && $0.contains(" 4,866.67 ") && $0.hasSuffix("$0.0895  $435.57") })
        #expect(!costs.contains { $0.hasPrefix("Why:") })
        #expect(why.last == summary.last && costs.last == summary.last)
    }

    @Test func conditionalSummaryShowsWhatToConfirmAndTheFallback() throws {
        // The Claude-first team with untrusted content: Anthropic's isolation is unverified, so its win is conditional.
        let path = "\(packageRoot)/Data/examples/model-loyal-claude.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "untrusted_content: false", with: "untrusted_content: true")
        let answers = try AnswersParser.parse(bytes: Array(text.utf8), file: path, questionnaire: shippedEngine.questionnaire)
        let advice = shippedEngine.advise(answers, today: fixedToday)
        try #require(!advice.condition.isEmpty, "the example no longer gives a conditional recommendation")
        let summary = lines(TextReport.render(advice, engine: shippedEngine, detail: .summary))
        #expect(summary.count <= 24 && summary.allSatisfy { $0.count <= 80 })
        #expect(summary[2].hasPrefix("Conditional recommendation: Anthropic"))
        let fallback = try #require(advice.verdict.fallback)
        let flat = summary.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains(fallback.full) || summary.contains("  " + fallback.short))
        #expect(fallback.short == "Otherwise: AgentCore, which meets every floor")
        // Never said to meet every floor while one is unverified, and nothing cut.
        #expect(!summary.contains { $0.contains("meets every floor that applies") || $0.hasSuffix("…") })
        #expect(summary.contains { $0.hasPrefix("  Before accepting: Ask Anthropic") })
        #expect(summary.contains { $0.hasPrefix("  1  Anthropic MA ") && $0.contains(" unverified ") })
        #expect(summary.contains { $0.hasPrefix("  6  Cloudflare ") && $0.contains(" FAILS ") })
    }

    @Test func proseNamesQuestionsByLabel() throws {
        let full = try render("single-cloud-aws", .full)
        #expect(full.contains("also: identity provider from AWS IAM to Microsoft Entra ID makes Microsoft Agent 365 (with Copilot Studio or Foundry) win"))
        #expect(full.contains("defaults were used: runtime under Agent 365 = Not decided, autonomous agents = 0 agents, "
                              + "Copilot Studio credits per session = 0 credits, identity requests per session = 0 requests."))
        #expect(!full.contains("identity.provider from"))
        #expect(!full.contains("workload.identity_requests_per_session"))
        // JSON keeps the ids.
        let json = JSONReport.render(try GoldenTests().advice("single-cloud-aws"), engine: shippedEngine, toolVersion: ToolVersion.current)
        #expect(json.contains("\"identity.provider\""))
    }

    @Test func ansiStyleOnlyAddsEscapes() throws {
        let plain = try render("regulated-gcp", .full)
        let styled = try render("regulated-gcp", .full, style: .ansi)
        #expect(styled.contains("\u{1B}[1;32mRecommendation: Gemini Enterprise Agent Platform"))
        #expect(styled.contains("\u{1B}[1;33mWARNING:"))
        // Cloudflare fails the isolation floor (red); Self-managed leaves it unverified (yellow).
        #expect(styled.contains("\u{1B}[31m  6  Cloudflare"))
        #expect(styled.contains("\u{1B}[1;33m  3  Self-managed"))
        #expect(!styled.contains("\u{1B}[31m  1  ") && !styled.contains("\u{1B}[1;33m  1  "), "the winner meets the floor")
        let stripped = styled.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain)
        #expect(!plain.contains("\u{1B}"))
    }
}
