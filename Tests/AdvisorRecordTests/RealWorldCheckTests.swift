import AdvisorCore
import AdvisorRecord
import Foundation
import Testing

/// Every example's record, full and minimal, and the team record, as other tools read them: linted with
/// MADR's settings, the Mermaid diagram parsed by mermaid.js, the front matter parsed by PyYAML, the
/// body read by cmark-gfm.
@Suite struct RealWorldCheckTests {
    /// MADR's own lint settings: line length (MD013) and repeated headings (MD024) off, front matter and
    /// tables understood. `<details>` and `<summary>` are the only HTML a record writes (to fold reference
    /// material), so MD033 allows exactly those.
    static let pymarkdownSettings = [
        "--disable-rules", "md013,md024",
        "--set", "extensions.front-matter.enabled=$!True",
        "--set", "extensions.markdown-tables.enabled=$!True",
        "--set", "plugins.md033.allowed_elements=details,summary",
    ]

    @Test(.enabled(if: RecordTool.pymarkdown.shouldRun, RecordTool.pymarkdown.missing), arguments: checkedRecords())
    func pymarkdownFindsNothing(name: String) throws {
        let file = try temporaryFile(try checkedRecord(name), name: "0001-record.md")
        let result = try RecordTool.pymarkdown.run(Self.pymarkdownSettings + ["scan", file])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.isEmpty, "\(result.output)")
    }

    @Test(needsCmark, .enabled(if: RecordTool.mermaidx.shouldRun, RecordTool.mermaidx.missing),
          arguments: checkedRecords().filter { !$0.contains("minimal") })
    func mermaidParsesTheDiagram(name: String) throws {
        let body = try #require(splitFrontMatter(try checkedRecord(name))).body
        let blocks = try parseMarkdown(body).all("code_block").filter { $0.attributes["info"] == "mermaid" }
        #expect(blocks.count == 1)
        for block in blocks {
            let input = try temporaryFile(block.literal, name: "diagram.mmd")
            let result = try RecordTool.mermaidx.run(["-i", input, "-o", input + ".svg", "-q"])
            #expect(result.status == 0, "\(result.output)")
            let svg = try String(contentsOfFile: input + ".svg", encoding: .utf8)
            #expect(svg.hasPrefix("<svg"))
        }
    }

    /// PyYAML reads the front matter as a mapping with MADR's keys, `status` in lower case, and one
    /// compact entry per stack.
    @Test(.enabled(if: RecordTool.python.shouldRun, RecordTool.python.missing), arguments: checkedRecords())
    func pyyamlReadsTheFrontMatter(name: String) throws {
        let yaml = try #require(splitFrontMatter(try checkedRecord(name))).yaml
        let file = try temporaryFile(yaml, name: "front.yaml")
        let script = """
            import json, sys, yaml
            data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            print(json.dumps({"keys": sorted(data), "status": data["status"], "stacks": sorted(data["stacks"]),
                              "fields": sorted({k for v in data["stacks"].values() for k in v}),
                              "kinds": sorted({type(v[k]).__name__ for v in data["stacks"].values() for k in ("lower-bound", "fits", "rates")})}))
            """
        let result = try RecordTool.python.run(["-c", script, file])
        #expect(result.status == 0, "\(result.output)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let keys = try #require(parsed?["keys"] as? [String])
        for key in ["status", "date", "decision-makers", "chosen-stack", "answers-sha256", "knowledge-base-as-of", "stacks"] {
            #expect(keys.contains(key), "\(key)")
        }
        #expect(keys.count <= 12, "front matter stays small: \(keys)")
        let status = try #require(parsed?["status"] as? String)
        #expect(status == status.lowercased())
        #expect(parsed?["stacks"] as? [String] == shippedEngine.stackIDs)
        #expect(parsed?["fields"] as? [String] == ["facts-sha256", "fits", "lower-bound", "monthly-usd", "rates", "score"])
        #expect(keys.contains("knowledge-base-sha256") && keys.contains("rules-sha256"))
        #expect(parsed?["kinds"] as? [String] == ["bool", "dict"], "lower-bound a flag; fits and rates mappings")
    }

    /// cmark-gfm reads every checked record's body with its tables intact, HTML only for the folding,
    /// and at most 150 lines outside `<details>`.
    @Test(needsCmark, arguments: checkedRecords())
    func cmarkReadsTheBody(name: String) throws {
        let text = try checkedRecord(name)
        let document = try parseMarkdown(try #require(splitFrontMatter(text)).body)
        #expect(onlyFoldingAndSourceLinks(document), "\(name)")
        #expect(tables(document).allSatisfy { Set($0.map(\.count)).count == 1 }, "ragged table in \(name)")
        var depth = 0, outside = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line == "<details>" { depth += 1 }
            if depth == 0 { outside += 1 }
            if line == "</details>" { depth -= 1 }
        }
        #expect(depth == 0)
        #expect(outside <= 150, "\(name): \(outside) lines outside <details>")
    }
}
