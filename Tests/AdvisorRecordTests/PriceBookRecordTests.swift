import AdvisorCore
import AdvisorRecord
import Foundation
import Testing

/// Issue 21: a record written at your prices names the price book in its front matter and summary,
/// embeds it whole in a folded `yaml price-book` block that cmark-gfm reads as one code block, and
/// reads back (RecordReader) to the same price book.
@Suite struct PriceBookRecordTests {
    static let path = packageRoot + "/Data/examples/prices/acme.yaml"
    static let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""

    static func priced() throws -> (engine: Engine, book: PriceBook) {
        let book = try PriceBookParser.parse(bytes: Array(text.utf8), file: path, knowledgeBase: shippedEngine.knowledgeBase)
        return (shippedEngine.pricing(book), book)
    }

    static func recordText(template name: String = DecisionRecord.templateName) throws -> String {
        try record(try exampleAnswers("single-cloud-aws"), engine: try priced().engine, templateName: name)
    }

    @Test func theFrontMatterAndSummaryNameThePriceBook() throws {
        let (_, book) = try Self.priced()
        let record = try Self.recordText()
        let yaml = try #require(splitFrontMatter(record)).yaml
        for line in ["price-book: \"Acme negotiated prices\"", "price-book-as-of: \"2026-11-01\"",
                     "price-book-sha256: \"\(book.sha256)\"",
                     // The list rate under Acme's own Anthropic rate, for recheck to compare.
                     "price-book-list-usd: {\"anth-session-hours\": 0.08}",
                     // Yours: $527.55 less 20% = $422.04 (PriceBookTests works it).
                     "\"aws-agentcore\": {monthly-usd: 422.04,"] {
            #expect(yaml.contains(line), "the front matter lacks \(line)")
        }
        #expect(try YAMLDocument.parse(text: yaml, file: "front matter", limits: .answers) != nil)
        #expect(record.contains("* **Cost:** \\$422.04 a month as modelled, against \\$102.20 for Anthropic Managed Agents, "
                                + "the cheapest complete total at your prices; no token spend was given. Your prices: "
                                + "“Acme negotiated prices” as of 2026-11-01; at list prices AWS Bedrock AgentCore would cost \\$527.55."))
    }

    @Test(needsCmark) func thePriceBookIsOneFoldedCodeBlockBesideTheAnswers() throws {
        let (_, book) = try Self.priced()
        let record = try Self.recordText()
        let document = try parseMarkdown(try #require(splitFrontMatter(record)).body)
        let blocks = document.all("code_block")
        #expect(blocks.filter { $0.attributes["info"] == "yaml" }.count == 1, "the answers block is still the only plain yaml block")
        let embedded = try #require(blocks.first { $0.attributes["info"] == "yaml price-book" }).literal
        #expect(embedded == Self.text)
        #expect(SHA256.hex(embedded) == book.sha256)
        // Folded: inside <details>, so the lines a reviewer reads first stay at most 150.
        var depth = 0, outside = 0
        for line in record.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line == "<details>" { depth += 1 }
            if depth == 0 { outside += 1 }
            if line == "</details>" { depth -= 1 }
        }
        #expect(depth == 0 && outside <= 150, "\(outside) lines outside <details>")
    }

    @Test(arguments: [DecisionRecord.templateName, DecisionRecord.minimalTemplateName])
    func theRecordReadsBackToTheSamePriceBook(template: String) throws {
        let (_, book) = try Self.priced()
        let recorded = try RecordReader.read(try Self.recordText(template: template), file: "0001-record.md")
        let embedded = try #require(recorded.priceBook)
        #expect(embedded.name == "Acme negotiated prices")
        #expect(embedded.matchesDigest == true)
        #expect(embedded.listUSD == ["anth-session-hours": 0.08])
        let reread = try embedded.read(knowledgeBase: shippedEngine.knowledgeBase)
        #expect(reread.sha256 == book.sha256)
        #expect(reread.discounts == book.discounts && reread.rates.map(\.rate) == book.rates.map(\.rate))
        // The answers block is found as before, not the price book (both start with 'version: 1').
        #expect(try recorded.answers(questionnaire: shippedEngine.questionnaire).values == (try exampleAnswers("single-cloud-aws")).values)
    }

    @Test func anEditedPriceBookBlockIsSeenAndItsProblemsPointAtTheRecordsLines() throws {
        let record = try Self.recordText()
        let edited = record.replacingOccurrences(of: "    percent: 20\n", with: "    percent: 120\n")
        let recorded = try RecordReader.read(edited, file: "0001-record.md")
        let embedded = try #require(recorded.priceBook)
        #expect(embedded.matchesDigest == false)
        // The error names the record's own line, not the block's.
        let lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == "    percent: 120" }) + 1
        do {
            _ = try embedded.read(knowledgeBase: shippedEngine.knowledgeBase)
            Issue.record("an embedded percent of 120 was accepted")
        } catch {
            #expect(error.description.hasPrefix("0001-record.md:\(line):14: error: discounts.percent: is 120, outside 0 to 100"),
                    "\(error.description)")
        }
    }

    @Test func aRecordAtListPricesHasNoPriceBook() throws {
        let record = try record(try exampleAnswers("single-cloud-aws"))
        #expect(!record.contains("price-book"))
        #expect(try RecordReader.read(record, file: "r.md").priceBook == nil)
    }

    /// The same real-world readers as the examples' records (RealWorldCheckTests): pymarkdown with
    /// MADR's settings finds nothing, and PyYAML reads the price book's front-matter keys.
    @Test(.enabled(if: RecordTool.pymarkdown.shouldRun, RecordTool.pymarkdown.missing))
    func pymarkdownFindsNothing() throws {
        let file = try temporaryFile(try Self.recordText(), name: "0001-record.md")
        let result = try RecordTool.pymarkdown.run(RealWorldCheckTests.pymarkdownSettings + ["scan", file])
        #expect(result.status == 0 && result.output.isEmpty, "\(result.output)")
    }

    @Test(.enabled(if: RecordTool.python.shouldRun, RecordTool.python.missing))
    func pyyamlReadsThePriceBookKeys() throws {
        let file = try temporaryFile(try #require(splitFrontMatter(try Self.recordText())).yaml, name: "front.yaml")
        let script = """
            import json, sys, yaml
            data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            print(json.dumps({k: data[k] for k in ["price-book", "price-book-as-of", "price-book-list-usd"]}))
            """
        let result = try RecordTool.python.run(["-c", script, file])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines)
                == #"{"price-book": "Acme negotiated prices", "price-book-as-of": "2026-11-01", "price-book-list-usd": {"anth-session-hours": 0.08}}"#)
    }
}
