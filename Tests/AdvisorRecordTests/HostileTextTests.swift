import AdvisorCore
import AdvisorRecord
import Foundation
import Testing

/// Text from answers and knowledge bases cannot break the record's structure or inject markup.
@Suite struct HostileTextTests {
    static let hostile = [
        "| [x](javascript:alert(1)) <script> ``` # heading",
        "![img](https://evil.example/x.png) [ref]: https://evil.example",
        "<img src=x onerror=alert(1)> <https://evil.example> &amp; &#60;",
        "*em* _em_ **strong** __strong__ ~~strike~~ `code` ``` ````",
        "# heading", "## heading ##", "- item", "+ item", "1. item", "2) item", "> quote", "---", "===", "***",
        "https://evil.example/path and www.evil.example and HTTP://X.EXAMPLE",
        "back\\slash\\ and trailing hash #", "$x$ and $$y$$ cost $5", "tab\there  two  spaces  ",
        "line one\nline two\r\nline three", "esc \u{1B}[31mred\u{7} del\u{7F} c1\u{85} bidi\u{202E}txt\u{2066}",
        "[^note] and [link][ref] and <!-- comment -->", "before\n````\nafter the fence\n~~~~",
    ]

    /// What a reader should see: the same text on one line, control characters replaced.
    static func shown(_ raw: String) -> String { MarkdownText.oneLine(raw) }

    /// Node kinds escaped text may turn into.
    static let plain: Set = ["document", "paragraph", "text", "softbreak", "heading", "list", "item", "table",
                             "table_header", "table_row", "table_cell"]

    @Test(needsCmark, arguments: hostile)
    func escapedTextRendersAsItselfEverywhere(raw: String) throws {
        let text = MarkdownText.escape(raw)
        let contexts = [
            text, "# " + text, "* " + text, "1. " + text, "> " + text, "Chosen option: \"" + text + "\", because",
            "| a | b |\n| --- | --- |\n| " + text + " | x |",
        ]
        for markdown in contexts {
            let document = try parseMarkdown(markdown)
            let kinds = Set(collectKinds(document))
            #expect(kinds.isSubset(of: Self.plain.union(["block_quote"])), "\(markdown) → \(kinds)")
            #expect(document.text.contains(Self.shown(raw)), "\(markdown) → \(document.text)")
        }
        // The table keeps two cells, the first holding the whole text.
        let cells = try #require(tables(try parseMarkdown("| a | b |\n| --- | --- |\n| " + text + " | x |")).first)
        #expect(cells[1] == [Self.shown(raw), "x"])
        // The autolink and strikethrough extensions find nothing either.
        let html = try cmark(text, to: "html", extensions: ["autolink", "strikethrough"])
        #expect(!html.contains("<a ") && !html.contains("<del>") && !html.contains("<img") && !html.contains("<script"))
    }

    private func collectKinds(_ node: MDNode) -> [String] { [node.name] + node.children.flatMap(collectKinds) }

    @Test(needsCmark, arguments: hostile)
    func codeSpansAndFencesOutlastTheirContent(raw: String) throws {
        let span = MarkdownText.code(raw)
        let document = try parseMarkdown(span)
        let code = document.all("code")
        #expect(code.count == 1)
        #expect(code.first?.literal == Self.shown(raw))
        // Control characters never go into a record's blocks (and XML cannot carry them back).
        let content = PrintableText.clean(raw.replacingOccurrences(of: "\r\n", with: "\n"), keepNewlines: true)
        let fence = MarkdownText.fence(for: content)
        let block = try parseMarkdown(fence + "yaml\n" + content + "\n" + fence + "\nafter\n")
        #expect(block.all("code_block").first?.literal == content + "\n")
        #expect(block.all("paragraph").map(\.text) == ["after"])
    }

    @Test(arguments: hostile)
    func mermaidLabelsStayOneQuotedString(raw: String) throws {
        let label = MermaidText.label(raw)
        #expect(label.hasPrefix("\"") && label.hasSuffix("\"") && label.count >= 2)
        let inside = label.dropFirst().dropLast()
        // Remove the #entity; codes; nothing Mermaid or HTML reads as syntax may remain.
        let bare = inside.replacingOccurrences(of: "#[a-z0-9]+;", with: "", options: .regularExpression)
        for mark in ["\"", "<", ">", "&", "`", "|", ";", "\\", "#", "\n"] { #expect(!bare.contains(mark), "\(mark) in \(label)") }
    }

    /// The issue's example title, plus hostile decision-makers, through the whole record.
    @Test(needsCmark) func hostileTitleAndDecidersRenderEscaped() throws {
        let title = "| [x](javascript:alert(1)) <script> ``` # heading"
        let deciders = ["Eve | <img src=x onerror=alert(1)>", "**bold** `code` ~~gone~~ https://evil.example \"quoted\" \\"]
        var answers = try exampleAnswers("single-cloud-aws")
        answers["decision.title"] = .text(title)
        answers["decision.deciders"] = .list(deciders)
        let plainText = try record(try exampleAnswers("single-cloud-aws"))
        let text = try record(answers)
        let parts = try #require(splitFrontMatter(text))
        let document = try parseMarkdown(parts.body)
        let found = headings(document)
        #expect(found.first.map { $0.level == 1 && $0.text == title } == true)
        #expect(found.count == headings(try parseMarkdown(try #require(splitFrontMatter(plainText)).body)).count)
        #expect(onlyFoldingAndSourceLinks(document))
        #expect(document.all("code").allSatisfy { !$0.literal.contains("heading") })
        // The tables parse as they do without the hostile text.
        #expect(tables(document).map { $0.map(\.count) } == tables(try parseMarkdown(try #require(splitFrontMatter(plainText)).body)).map { $0.map(\.count) })
        // The front matter still parses, with the deciders as given.
        let root = try #require(try YAMLDocument.parse(text: parts.yaml, file: "front", limits: .answers))
        let reader = YAMLReader(file: "front")
        #expect(reader.fields(root, path: "")?.stringList("decision-makers") == deciders)
        // The answers block still ends where it should and reads back.
        let blocks = document.all("code_block").filter { $0.attributes["info"] == "yaml" }
        #expect(blocks.count == 1)
        let reread = try AnswersParser.parse(bytes: Array(try #require(blocks.first).literal.utf8), file: "block",
                                             questionnaire: shippedEngine.questionnaire)
        #expect(reread.values == answers.values)
        // And the slug for an ADR folder is plain.
        let advice = shippedEngine.advise(answers, today: fixedToday)
        #expect(DecisionRecord.data(advice, engine: shippedEngine, options: RecordOptions(date: fixedToday)).slug
                == "x-javascript-alert-1-script-heading")
    }

    /// Control characters and bidi overrides never reach the record, yet the answers keep them (escaped).
    @Test(needsCmark) func controlCharactersNeverReachTheRecord() throws {
        let title = "Alert\u{1B}[31m red\u{7} \u{202E}desrever\u{202C} \u{85}next\u{0}end"
        var answers = try exampleAnswers("single-cloud-aws")
        answers["decision.title"] = .text(title)
        answers["decision.deciders"] = .list(["tab\there", "bell\u{7}"])
        let text = try record(answers)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            #expect(value == 0x0A || (value >= 0x20 && value != 0x7F && !(0x80...0x9F).contains(value)), "U+\(String(value, radix: 16))")
            #expect(!(0x202A...0x202E).contains(value) && !(0x2066...0x2069).contains(value), "U+\(String(value, radix: 16))")
        }
        let document = try parseMarkdown(try #require(splitFrontMatter(text)).body)
        let yaml = try #require(document.all("code_block").first { $0.attributes["info"] == "yaml" }).literal
        let reread = try AnswersParser.parse(bytes: Array(yaml.utf8), file: "block", questionnaire: shippedEngine.questionnaire)
        #expect(reread.text("decision.title") == title)
    }

    /// Knowledge-base text is untrusted too: a stack name full of markup stays one table cell, and a
    /// component name cannot add Mermaid statements.
    @Test(needsCmark) func hostileKnowledgeBaseNames() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let name = "AWS | [x](javascript:alert(1)) <b>Core</b> ``` *em* #1"
        try edit(data + "/stacks/aws-agentcore.yaml", replacing: "name: AWS Bedrock AgentCore",
                 with: "name: \"AWS | [x](javascript:alert(1)) <b>Core</b> ``` *em* #1\"")
        try edit(data + "/stacks/aws-agentcore.yaml", replacing: "name: \"AgentCore Runtime\"",
                 with: "name: \"Runtime\\\"] --> x[\\\"evil\\\"]; click c1 \\\"javascript:alert(1)\\\"\"")
        let engine = try loadEngine(data: data)
        let text = try record(try exampleAnswers("single-cloud-aws"), engine: engine)
        let document = try parseMarkdown(try #require(splitFrontMatter(text)).body)
        let scores = try #require(table(document, header: "#"))
        #expect(scores[1] == ["1", name, "1.00", "0.80", "0.70", "0.54", "0.76", "none apply"])
        #expect(document.all("paragraph").map(\.text).contains { $0.hasPrefix("Chosen option: \"\(name)\", because") })
        #expect(onlyFoldingAndSourceLinks(document, engine: engine))
        let diagram = try #require(document.all("code_block").first { $0.attributes["info"] == "mermaid" }).literal
        let lines = diagram.split(separator: "\n").map(String.init)
        // Only the statements the template writes: the header, the team, the subgraph, nodes, edges.
        for line in lines.dropFirst() {
            let isStatement = line.range(of: #"^  (team\(\["Your agents"\]\)|subgraph chosen\["[^"]*"\]|end|team -->\|calls\| c[0-9]+|c[0-9]+ (-->|-\.->)(\|[a-z ]+\|)? (c[0-9]+|models))$"#,
                                         options: .regularExpression) != nil
            let isNode = line.range(of: #"^    (c[0-9]+|models)\["[^"]*"\]$"#, options: .regularExpression) != nil
            #expect(isStatement || isNode, "\(line)")
        }
    }
}
