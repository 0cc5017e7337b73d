import AdvisorCore
import AdvisorRecord
import Foundation
import Testing

/// Every shipped example rendered with the built-in template and read back by cmark-gfm.
@Suite struct ExampleRecordTests {
    static let sections = ["Context and Problem Statement", "Decision Drivers", "Considered Options", "Decision Outcome",
                           "Pros and Cons of the Options", "More Information"]

    @Test(needsCmark, arguments: exampleFiles())
    func sectionsComeInMADROrder(path: String) throws {
        let answers = try readAnswers(path)
        let parts = try #require(splitFrontMatter(try record(answers)))
        let found = headings(try parseMarkdown(parts.body))
        let top = found.filter { $0.level <= 2 }
        #expect(top.map(\.level) == [1] + Array(repeating: 2, count: 6))
        #expect(top.first?.text == answers.text("decision.title"))
        #expect(top.dropFirst().map(\.text) == Self.sections)
        // Consequences and Confirmation are the only level-3 headings inside Decision Outcome, in that order.
        let outcome = try #require(found.firstIndex { $0.level == 2 && $0.text == "Decision Outcome" })
        let pros = try #require(found.firstIndex { $0.level == 2 && $0.text == "Pros and Cons of the Options" })
        #expect(found[(outcome + 1)..<pros].map(\.text) == ["Consequences", "Confirmation"])
        // One level-3 heading per considered option.
        let options = found[(pros + 1)...].prefix { $0.level == 3 }.map(\.text)
        #expect(Set(options) == Set(shippedEngine.knowledgeBase.stacks.map(\.name)))
    }

    @Test(needsCmark, arguments: exampleFiles())
    func chosenOptionNamesTheWinnerWithItsReason(path: String) throws {
        let answers = try readAnswers(path)
        let advice = shippedEngine.advise(answers, today: fixedToday)
        let body = try #require(splitFrontMatter(try record(answers))).body
        let document = try parseMarkdown(body)
        let paragraphs = document.all("paragraph").map(\.text)
        let chosen = try #require(paragraphs.first { $0.hasPrefix("Chosen option: ") })
        #expect(chosen.hasPrefix("Chosen option: \"\(shippedEngine.stackName(advice.recommendation))\", because "))
        // The reasons from the scoring trace follow as a list.
        let items = document.all("item").map(\.text)
        for reason in advice.reasons { #expect(items.contains { $0.hasPrefix(reason.full) }) }
    }

    @Test(needsCmark, arguments: exampleFiles())
    func tablesAreTablesWithTheirColumns(path: String) throws {
        let answers = try readAnswers(path)
        let body = try #require(splitFrontMatter(try record(answers))).body
        let found = tables(try parseMarkdown(body))
        let stacks = shippedEngine.knowledgeBase.stacks.count
        // Scores, cost summary, one line-item table per stack, scoring trace.
        #expect(found.count == 1 + 1 + stacks + 1)
        let widths = found.map { Set($0.map(\.count)) }
        #expect(widths == [[8], [4]] + Array(repeating: [5], count: stacks) + [[4]])
        let scores = try #require(found.first)
        #expect(scores.count == 1 + stacks)
        #expect(Set(scores.dropFirst().map { $0[1] }) == Set(shippedEngine.knowledgeBase.stacks.map(\.name)))
        #expect(try #require(found.last).count == 1 + stacks * 4)
    }

    @Test(arguments: exampleFiles())
    func frontMatterIsQuotedYAML(path: String) throws {
        let answers = try readAnswers(path)
        let advice = shippedEngine.advise(answers, today: fixedToday)
        let yaml = try #require(splitFrontMatter(try record(answers))).yaml
        let root = try #require(try YAMLDocument.parse(text: yaml, file: "front matter", limits: .answers))
        let reader = YAMLReader(file: "front matter")
        let fields = try #require(reader.fields(root, path: ""))
        #expect(fields.string("status") == (answers.choice("decision.status") ?? "proposed"))
        #expect(fields.string("date") == "2026-11-25")
        #expect(fields.stringList("decision-makers") == answers.values["decision.deciders"]?.list)
        #expect(fields.string("chosen-stack") == advice.recommendation)
        #expect(fields.string("knowledge-base-as-of") == "2026-04-24")
        #expect(fields.string("tool-version") == ToolVersion.current)
        #expect(fields.string("answers-sha256")?.count == 64)
        #expect(reader.diagnostics.isEmpty)
        // Every string is double-quoted: a value is a quoted string, a number, null, a flow list of quoted
        // strings, or empty (a mapping follows).
        for line in yaml.split(separator: "\n") {
            guard let colon = line.range(of: ": ") else {
                #expect(line.hasSuffix(":"), "\(line)")
                continue
            }
            let key = line[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
            let value = String(line[colon.upperBound...])
            #expect(key.first != "\"" || key.hasSuffix("\""), "\(line)")
            let isQuoted = value.hasPrefix("\"") && value.hasSuffix("\"")
            let isList = value.hasPrefix("[") && value.hasSuffix("]")
            // One stack's figures: a flow mapping of a number (or null), a number and a quoted digest.
            let isStack = value.hasPrefix("{monthly-usd: ") && value.hasSuffix("\"}") && value.contains(", score: ")
                && value.contains(", facts-sha256: \"")
            // The applied rules' fingerprints: a flow mapping of quoted ids to quoted digests.
            let isDigests = value.hasPrefix("{") && value.hasSuffix("}") && (value == "{}" || value.hasPrefix("{\"") && value.hasSuffix("\"}"))
            #expect(isQuoted || isList || isStack || isDigests || value == "null" || Double(value) != nil, "\(line)")
        }
    }

    @Test(needsCmark, arguments: exampleFiles())
    func answersBlockReadsBackToTheSameAnswers(path: String) throws {
        let answers = try readAnswers(path)
        let text = try record(answers)
        let document = try parseMarkdown(try #require(splitFrontMatter(text)).body)
        let blocks = document.all("code_block").filter { $0.attributes["info"] == "yaml" }
        #expect(blocks.count == 1)
        let yaml = try #require(blocks.first).literal
        let reread = try AnswersParser.parse(bytes: Array(yaml.utf8), file: "block", questionnaire: shippedEngine.questionnaire)
        #expect(reread.values == answers.values)
        // The digest in the front matter is the block's.
        #expect(text.contains("answers-sha256: \"\(SHA256.hex(yaml))\""))
    }

    @Test(needsCmark, arguments: exampleFiles())
    func mermaidDiagramShowsTheChosenStacksComponents(path: String) throws {
        let answers = try readAnswers(path)
        let advice = shippedEngine.advise(answers, today: fixedToday)
        let document = try parseMarkdown(try #require(splitFrontMatter(try record(answers))).body)
        let diagram = try #require(document.all("code_block").first { $0.attributes["info"] == "mermaid" }).literal
        #expect(diagram.hasPrefix("flowchart LR\n"))
        // The components for these answers: under Agent 365 only the runtime the team named (or both, undecided).
        let components = shippedEngine.components(advice.recommendation, answers: answers)
        #expect(components.count == (try #require(shippedEngine.knowledgeBase.stack(advice.recommendation)).components
            .filter { $0.when == nil }.count + (advice.recommendation == "microsoft-agent-365" ? 1 : 0)))
        for component in components {
            #expect(diagram.contains(MermaidText.label("\(component.role): \(component.name)")))
        }
        // The agents call one entry point, and every component is on some arrow: the diagram is a flow.
        let edges = diagram.split(separator: "\n").filter { $0.contains("->") }
        #expect(edges.filter { $0.hasPrefix("  team ") }.count == 1)
        for index in components.indices {
            #expect(edges.contains { $0.hasSuffix(" c\(index + 1)") || $0.hasPrefix("  c\(index + 1) ") }, "c\(index + 1)")
        }
        // A model is always reached: the stack's own model component, or the provider node outside it.
        let modelIDs = components.indices.filter { components[$0].role == "model" }.map { "c\($0 + 1)" } + ["models"]
        #expect(edges.contains { edge in modelIDs.contains { edge.hasSuffix(" " + $0) } })
    }

    @Test(arguments: exampleFiles())
    func sameInputsGiveTheSameBytes(path: String) throws {
        let answers = try readAnswers(path)
        #expect(try record(answers) == record(answers))
    }

    /// The only HTML is the folding: `<details>`, `<summary>…</summary>` and `</details>`, each alone on
    /// its line; the only links are to the cited sources whose addresses Data/sources.yaml confirms, and
    /// each citation's numbers to the sources list (under the heading "Sources cited").
    @Test(needsCmark, arguments: exampleFiles())
    func onlyFoldingHTMLAndSourceLinks(path: String) throws {
        let document = try parseMarkdown(try #require(splitFrontMatter(try record(try readAnswers(path)))).body)
        #expect(document.all("html_inline").filter { !["<summary>", "</summary>"].contains($0.literal) }.isEmpty)
        for block in document.all("html_block") {
            let text = block.literal.trimmingCharacters(in: .whitespacesAndNewlines)
            let opening = text.hasPrefix("</details>\n") ? String(text.dropFirst("</details>\n".count)) : text
            #expect(text == "<details>" || text == "</details>" || text.hasPrefix("<summary>") || opening.hasPrefix("<details>\n<summary>"),
                    "\(text)")
        }
        let urls = Set(shippedEngine.knowledgeBase.sources.compactMap(\.url) + ["#sources-cited"])
        let links = document.all("link").map { $0.attributes["destination"] ?? "" }
        #expect(!links.isEmpty)
        #expect(links.contains("#sources-cited"))
        #expect(headings(document).contains { $0.text == "Sources cited" })
        #expect(links.allSatisfy(urls.contains), "\(links)")
        #expect(document.all("image").isEmpty)
    }

    /// The summary sits between the title and the context: the decision, then cost, reasons,
    /// commitments, what to confirm, who decides and when to re-check, 5 to 8 lines.
    @Test(arguments: exampleFiles())
    func summaryComesBeforeTheContext(path: String) throws {
        let lines = try #require(splitFrontMatter(try record(try readAnswers(path)))).body.components(separatedBy: "\n")
        let title = try #require(lines.firstIndex { $0.hasPrefix("# ") })
        let context = try #require(lines.firstIndex(of: "## Context and Problem Statement"))
        let summary = lines[(title + 1)..<context].filter { !$0.isEmpty }
        #expect((5...8).contains(summary.count), "\(summary)")
        #expect(summary.first?.hasPrefix("**Decision:** run our agents on ") == true)
        for label in ["**Cost:**", "**Why:**", "**Commits us to:**", "**Confirm before accepting:**", "**Decides:**", "**Re-check:**"] {
            #expect(summary.contains { $0.hasPrefix("* " + label) }, "\(label)")
        }
        // The cost line is the whole bill, and says so when the answers price no tokens.
        let answers = try readAnswers(path)
        let tokens = answers.number("workload.tokens_per_session") > 0 && answers.number("workload.token_usd_per_million") > 0
        #expect(summary.contains { $0.contains(tokens ? "runtime +" : "no token spend was given") }, "\(summary)")
    }

    /// At most 150 lines outside `<details>`, so a reviewer reads the decision without the reference material.
    @Test(arguments: exampleFiles())
    func atMost150LinesOutsideDetails(path: String) throws {
        let text = try record(try readAnswers(path))
        var depth = 0, outside = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line == "<details>" { depth += 1 }
            if depth == 0 { outside += 1 }
            if line == "</details>" { depth -= 1 }
        }
        #expect(depth == 0)
        #expect(outside <= 150, "\(outside) lines outside <details>")
    }

    /// Unique headings (so anchors are unique), and no empty table cell.
    @Test(needsCmark, arguments: exampleFiles())
    func headingsUniqueAndNoEmptyCells(path: String) throws {
        let document = try parseMarkdown(try #require(splitFrontMatter(try record(try readAnswers(path)))).body)
        let texts = headings(document).map(\.text)
        #expect(Set(texts).count == texts.count, "\(texts)")
        for table in tables(document) {
            for row in table { #expect(row.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(row)") }
        }
    }

    /// Pros and Cons show only facts that bear on the answers: a 40-agent production fleet is not told
    /// about sub-10-agent advantages, and the pre-production pilot is.
    @Test func factsFollowTheAnswers() throws {
        let large = try record(try exampleAnswers("single-cloud-aws"))
        #expect(!large.contains("for pre-production work, small scale or fewer than 10 agents"))
        #expect(large.contains("the recommendation is limited to pre-production and fleets under 10 agents"))
        let pilot = try record(try exampleAnswers("pre-production"))
        #expect(pilot.contains("for pre-production work, small scale or fewer than 10 agents"))
        #expect(!pilot.contains("the recommendation is limited to pre-production and fleets under 10 agents"))
    }

    /// Answers left at their defaults say so in Decision Drivers and in the answers block, and read back
    /// as defaults: the pre-production example never answers the sandbox questions.
    @Test func defaultsAreMarkedAndReadBack() throws {
        let answers = try exampleAnswers("pre-production")
        #expect(answers.defaulted.contains("sandbox.untrusted_content"))
        let text = try record(answers)
        #expect(text.contains("  * Do agents read untrusted content in long-horizon loops? no (default, not answered)\n"))
        #expect(text.contains("\n  untrusted_content: false  # default\n"))
        #expect(!text.contains("\n  agents: 6  # default\n"))
        let reread = try RecordReader.read(text, file: "0001-record.md").answers(questionnaire: shippedEngine.questionnaire)
        let recorded = answers.defaulted.filter { !["decision", "weights"].contains(shippedEngine.questionnaire.question($0)?.section) }
        #expect(reread.defaulted.filter { !["decision", "weights"].contains(shippedEngine.questionnaire.question($0)?.section) } == recorded)
        #expect(reread.values == answers.values)
    }

    /// A Claude-loyal team with untrusted content: Anthropic's isolation is unverified, so the summary's
    /// decision carries the floor's `confirm` text (Data/rules/sandbox.yaml) and names AgentCore, the best
    /// option meeting every floor, as the fallback; the Confirmation list starts with the same condition.
    @Test func conditionalDecisionSaysConditionAndFallback() throws {
        var answers = try exampleAnswers("model-loyal-claude")
        answers["sandbox.untrusted_content"] = .flag(true)
        let advice = shippedEngine.advise(answers, today: fixedToday)
        #expect(advice.recommendation == "anthropic-managed-agents")
        #expect(advice.fallback == "aws-agentcore")
        let condition = try #require(advice.condition.first)
        let lines = try record(answers).components(separatedBy: "\n")
        let decision = try #require(lines.first { $0.hasPrefix("**Decision:** ") })
        #expect(decision.contains("Anthropic Managed Agents, on a condition (see Confirmation). Before accepting: "
                                  + MarkdownText.escape(condition)))
        #expect(decision.hasSuffix(" Otherwise: AWS Bedrock AgentCore, the best stack that meets every floor outright."))
        #expect(lines.contains { $0.hasPrefix("* **Condition**: " + MarkdownText.escape(withoutPeriod(condition))) })
    }

    func withoutPeriod(_ text: String) -> String { text.hasSuffix(".") ? String(text.dropLast()) : text }

    /// Consequences are four to six points derived from the answers, not a copy of the chosen option's
    /// pros and cons; each risk's check appears once in the record.
    @Test(arguments: exampleFiles())
    func consequencesAreFewAndChecksSaidOnce(path: String) throws {
        let answers = try readAnswers(path)
        let advice = shippedEngine.advise(answers, today: fixedToday)
        let data = DecisionRecord.data(advice, engine: shippedEngine, options: RecordOptions(date: fixedToday))
        #expect((4...6).contains(data.consequences.count), "\(data.consequences.map(\.text))")
        let facts = Set(data.options.flatMap(\.facts).map(\.text))
        #expect(data.consequences.allSatisfy { !facts.contains($0.text) })
        let text = try record(answers)
        for risk in advice.risks {
            #expect(text.components(separatedBy: MarkdownText.escape(risk.check)).count == 2, "\(risk.id)")
        }
        #expect(text.components(separatedBy: "older than 90 days").count <= 2)
    }
}
