import Foundation
import Testing

/// Issue 21 through the real binary: `--prices` on every command that prices, bad price books named
/// at file:line:column with exit 65, the price book kept in a record and re-used by `recheck`, and
/// `kb diff`.
@Suite struct PriceBookCLITests {
    static let today = ["--today", "2026-11-25"]
    static let aws = AdvisorProcess.example("single-cloud-aws")
    static let acme = AdvisorProcess.packageRoot + "/Data/examples/prices/acme.yaml"

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func costs(_ document: [String: Any]) -> [String: [String: Any]] {
        let costs = document["costs"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: costs.map { ($0["stack"] as? String ?? "", $0) })
    }

    static func write(_ text: String, in folder: String, name: String = "prices.yaml") throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theShippedExampleWorksAsWritten() throws {
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--prices", Self.acme, "--format", "json"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Self.json(result.stdout)
        let book = try #require(document["price_book"] as? [String: Any])
        #expect(book["name"] as? String == "Acme negotiated prices")
        #expect(book["as_of"] as? String == "2026-11-01")
        #expect((book["sha256"] as? String)?.count == 64)
        let costs = Self.costs(document)
        // $527.55 less 20% = $422.04 (the scout's idle-billed reading, see PriceBookTests); 1,460 session-hours × $0.07 = $102.20 (list × $0.08 = $116.80);
        // self-managed: 4,866.67 vCPU-hours × $0.05 = $243.33 where list prices nothing.
        #expect(costs["aws-agentcore"]?["monthly_usd"] as? Double == 422.04)
        #expect(costs["aws-agentcore"]?["list_monthly_usd"] as? Double == 527.55)
        #expect(costs["anthropic-managed-agents"]?["monthly_usd"] as? Double == 102.2)
        #expect(costs["anthropic-managed-agents"]?["list_monthly_usd"] as? Double == 116.8)
        #expect(costs["self-managed"]?["monthly_usd"] as? Double == 243.33)
        #expect(costs["self-managed"]?["list_monthly_usd"] is NSNull)
        // The summary names the price book and shows list beside yours.
        let text = try AdvisorProcess.run(["--answers", Self.aws, "--prices", Self.acme] + Self.today)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Your prices: “Acme negotiated prices” as of 2026-11-01 (sha256 "), "\(text.stdout)")
        #expect(text.stdout.contains("list where they differ: AgentCore $527.55"))
        #expect(text.stdout.contains("AgentCore $527.55"))
        #expect(text.stdout.split(separator: "\n", omittingEmptySubsequences: false).count - 1 <= 24)
        // RUNTIME_ADVISOR_PRICES does the same as --prices.
        let environment = try AdvisorProcess.run(["--answers", Self.aws, "--format", "json"] + Self.today,
                                                 environment: ["RUNTIME_ADVISOR_PRICES": Self.acme])
        #expect(environment.stdout == result.stdout)
    }

    @Test func badPriceBooksAreNamedAtTheirLineAndExit65() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let cases: [(name: String, text: String, message: String)] = [
            ("meter.yaml", "version: 1\nname: x\nas_of: 2026-11-01\nrates:\n  - meter: anth-sesion-hours\n    rate: 0.07\n",
             "meter.yaml:5:12: error: rates.meter: 'anth-sesion-hours' is not a meter in the knowledge base (expected a meter id; runtime-advisor schema --prices lists them); did you mean 'anth-session-hours'?"),
            ("percent.yaml", "version: 1\nname: x\nas_of: 2026-11-01\ndiscounts:\n  - stack: aws-agentcore\n    percent: 120\n",
             "percent.yaml:6:14: error: discounts.percent: is 120, outside 0 to 100"),
            ("negative.yaml", "version: 1\nname: x\nas_of: 2026-11-01\nrates:\n  - meter: anth-session-hours\n    rate: -0.07\n",
             "negative.yaml:6:11: error: rates[anth-session-hours].rate: is -0.07, not a positive price"),
            ("stack.yaml", "version: 1\nname: x\nas_of: 2026-11-01\ndiscounts:\n  - stack: aws-agent-core\n    percent: 10\n",
             "stack.yaml:5:12: error: discounts.stack: 'aws-agent-core' is not a stack in the knowledge base"),
            ("future.yaml", "version: 1\nname: x\nas_of: 2026-12-01\ndiscounts:\n  - all: true\n    percent: 10\n",
             "future.yaml:3:8: error: as_of: is 2026-12-01, after the run's day 2026-11-25"),
        ]
        for item in cases {
            let path = try Self.write(item.text, in: base, name: item.name)
            let result = try AdvisorProcess.run(["--answers", Self.aws, "--prices", path] + Self.today)
            #expect(result.status == 65, "\(item.name): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(base + "/" + item.message), "\(item.name): \(result.stderr)")
        }
        let stack = try AdvisorProcess.run(["--answers", Self.aws, "--prices", base + "/stack.yaml"] + Self.today)
        #expect(stack.stderr.contains("did you mean 'aws-agentcore'?"), "\(stack.stderr)")
        // Missing is 66, as for every other input.
        let missing = try AdvisorProcess.run(["--answers", Self.aws, "--prices", base + "/none.yaml"] + Self.today)
        #expect(missing.status == 66, "\(missing.stderr)")
    }

    @Test func hostilePriceBooksAreRefusedNotACrash() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let cases: [(name: String, bytes: [UInt8])] = [
            ("alias.yaml", Array("version: 1\nname: &n x\nas_of: 2026-11-01\ndiscounts:\n  - all: true\n    percent: 5\n    note: *n\n".utf8)),
            ("binary.yaml", [0x76, 0x00, 0xFF, 0x00]),
            ("huge.yaml", Array(("version: 1\nname: x\nas_of: 2026-11-01\n# " + String(repeating: "x", count: 1_100_000) + "\n").utf8)),
            ("deep.yaml", Array(("version: 1\nname: x\nas_of: 2026-11-01\nrates: " + String(repeating: "[", count: 200)
                                 + String(repeating: "]", count: 200) + "\n").utf8)),
        ]
        for item in cases {
            let path = base + "/" + item.name
            try Data(item.bytes).write(to: URL(fileURLWithPath: path))
            let result = try AdvisorProcess.run(["--answers", Self.aws, "--prices", path] + Self.today)
            #expect(result.status == 65, "\(item.name): \(result.stderr)")
            #expect(result.stderr.hasPrefix(path + ":"), "\(item.name): \(result.stderr)")
            #expect(!result.hung && result.maxRSSKiB < 100 * 1024, "\(item.name): \(result.maxRSSKiB) KiB")
        }
        let alias = try AdvisorProcess.run(["--answers", Self.aws, "--prices", base + "/alias.yaml"] + Self.today)
        #expect(alias.stderr.contains("alias.yaml:7:11: error: uses the alias '*n'; price books do not use anchors and aliases"),
                "\(alias.stderr)")
    }

    @Test func thePriceBookIsAnInputNoOutputMayReplace() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let prices = try Self.write(try String(contentsOfFile: Self.acme, encoding: .utf8), in: base)
        let before = try String(contentsOfFile: prices, encoding: .utf8)
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--prices", prices, "--output", prices, "--force"] + Self.today)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("the price book"), "\(result.stderr)")
        #expect(try String(contentsOfFile: prices, encoding: .utf8) == before)
    }

    @Test func teamAndSchemaTakeThePriceBook() throws {
        let team = AdvisorProcess.packageRoot + "/Data/examples/team"
        let result = try AdvisorProcess.run(["team", team + "/amara.yaml", team + "/bruno.yaml", team + "/chen.yaml",
                                             "--prices", Self.acme, "--format", "json"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Acme negotiated prices"))
        let schema = try AdvisorProcess.run(["schema", "--prices"])
        #expect(schema.status == 0)
        let document = try Self.json(schema.stdout)
        #expect(document["title"] as? String == "runtime-advisor price book")
    }

    /// A record written with a price book, in a fresh folder.
    static func pricedRecord(in base: String) throws -> String {
        let written = try AdvisorProcess.run(["--answers", Self.aws, "--prices", Self.acme, "--adr-dir", base + "/adr"] + Self.today)
        #expect(written.status == 0, "\(written.stderr)")
        return written.stdout.trimmingCharacters(in: .newlines)
    }

    @Test func aRecordKeepsItsPriceBookAndRecheckReusesIt() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let record = try Self.pricedRecord(in: base)
        let text = try String(contentsOfFile: record, encoding: .utf8)
        #expect(text.contains("price-book: \"Acme negotiated prices\"\n"))
        #expect(text.contains("price-book-list-usd: {\"anth-session-hours\": 0.08}\n"))
        #expect(text.contains("```yaml price-book\n" + (try String(contentsOfFile: Self.acme, encoding: .utf8)) + "```\n"))
        #expect(text.contains("Your prices: “Acme negotiated prices” as of 2026-11-01; at list prices AWS Bedrock AgentCore would cost \\$527.55."))
        // Re-checked without --prices, and with another price book in the environment: the record's own is used.
        let other = try Self.write("version: 1\nname: Other\nas_of: 2026-11-01\ndiscounts:\n  - all: true\n    percent: 90\n", in: base)
        let recheck = try AdvisorProcess.run(["recheck", record, "--format", "json"] + Self.today,
                                             environment: ["RUNTIME_ADVISOR_PRICES": other])
        #expect(recheck.status == 0, "\(recheck.stderr)")
        let document = try Self.json(recheck.stdout)
        let prices = try #require(document["prices"] as? [String: Any])
        #expect(prices["source"] as? String == "record")
        #expect(prices["recorded_digest"] as? String == "match")
        #expect((prices["price_book"] as? [String: Any])?["name"] as? String == "Acme negotiated prices")
        let costs = try #require(document["costs"] as? [[String: Any]])
        #expect(costs.allSatisfy { $0["status"] as? String == "unchanged" }, "\(costs)")
        // --prices replaces it deliberately: everything at 90% off, so every priced total changes.
        let replaced = try AdvisorProcess.run(["recheck", record, "--prices", other, "--format", "json"] + Self.today)
        let replacedPrices = try #require(try Self.json(replaced.stdout)["prices"] as? [String: Any])
        #expect(replacedPrices["source"] as? String == "given")
        let anthropic = try #require((try Self.json(replaced.stdout)["costs"] as? [[String: Any]])?
            .first { $0["stack"] as? String == "anthropic-managed-agents" })
        // $116.80 list × 10% = $11.68 (the other price book sets no rate for Anthropic's meter).
        #expect(anthropic["after_usd"] as? Double == 11.68)
        #expect(anthropic["before_usd"] as? Double == 102.2)
    }

    @Test func recheckSaysWhenAListPriceMovedUnderYourRate() throws {
        let (base, data) = try KnowledgeFolderCLITests.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let record = try Self.pricedRecord(in: base)
        let stack = data + "/stacks/anthropic-managed-agents.yaml"
        let text = try String(contentsOfFile: stack, encoding: .utf8)
        try text.replacingOccurrences(of: "    rate: 0.08\n", with: "    rate: 0.10\n").write(toFile: stack, atomically: true, encoding: .utf8)
        let result = try AdvisorProcess.run(["recheck", record, "--data", data] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("List price moved under your rate: anth-session-hours (Anthropic Managed Agents) "
                                       + "list $0.08 -> $0.10 per session-hour; your rate $0.07 still applies."), "\(result.stdout)")
        // Your rate still applies, so Anthropic's figure is unchanged: 1,460 h × $0.07 = $102.20.
        #expect(result.stdout.contains("Anthropic MA  $102.20, unchanged"), "\(result.stdout)")
        let json = try Self.json(try AdvisorProcess.run(["recheck", record, "--data", data, "--format", "json"] + Self.today).stdout)
        let moves = try #require((json["prices"] as? [String: Any])?["list_moved_under_your_rates"] as? [[String: Any]])
        #expect(moves.count == 1)
        #expect(moves.first?["before_usd"] as? Double == 0.08)
        #expect(moves.first?["after_usd"] as? Double == 0.1)
        #expect(moves.first?["your_usd"] as? Double == 0.07)
    }

    @Test func supersedeKeepsTheOldRecordsPriceBook() throws {
        let base = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let record = try Self.pricedRecord(in: base)
        let result = try AdvisorProcess.run(["supersede", record, "--adr-dir", base + "/adr"] + Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let successor = try String(contentsOfFile: result.stdout.trimmingCharacters(in: .newlines), encoding: .utf8)
        let digest = try #require(try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("price-book-sha256:") })
        #expect(successor.contains(digest + "\n"))
        #expect(successor.contains("\"aws-agentcore\": {monthly-usd: 422.04,"))
    }

    @Test func kbDiffNamesAChangedRateARemovedFactAndAnAddedRule() throws {
        let (base, data) = try KnowledgeFolderCLITests.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: base) }
        // One changed rate: Anthropic's session-hour from $0.08 to $0.10.
        let anthropic = data + "/stacks/anthropic-managed-agents.yaml"
        var text = try String(contentsOfFile: anthropic, encoding: .utf8)
        text = text.replacingOccurrences(of: "    rate: 0.08\n", with: "    rate: 0.10\n")
        // One removed fact: AgentCore's eight-hour lifetime.
        let aws = data + "/stacks/aws-agentcore.yaml"
        var awsText = try String(contentsOfFile: aws, encoding: .utf8)
        let fact = """
              - id: aws-eight-hour-lifetime
                topic: session_lifetime
                stance: neutral
                text: "A session's compute lifetime is capped at roughly eight hours by default."
                sources: [15]

            """
        #expect(awsText.contains(fact))
        awsText = awsText.replacingOccurrences(of: fact, with: "")
        try text.write(toFile: anthropic, atomically: true, encoding: .utf8)
        try awsText.write(toFile: aws, atomically: true, encoding: .utf8)
        // One added rule, in a file of its own: Anthropic fits idle-heavy billing a little better.
        try """
            as_of: 2026-04-24
            rules:
              - id: billing-test-added
                axis: billing
                when: {billing.pattern: idle-heavy}
                adjust: {anthropic-managed-agents: 0.05}
                because: "Added for the test."
                sources: [0]

            """.write(toFile: data + "/rules/added.yaml", atomically: true, encoding: .utf8)
        let result = try AdvisorProcess.run(["kb", "diff", "builtin", data, "--answers", Self.aws])
        #expect(result.status == 1, "\(result.stderr)")
        for line in [
            "Different: 3 changes.",
            "  anthropic-managed-agents anth-session-hours (Managed Agents runtime): $0.08 -> $0.10 per session-hour [0, 3]",
            "  - aws-agentcore aws-eight-hour-lifetime, removed: A session's compute lifetime is capped at roughly eight hours by default.",
            "  + billing-test-added, added: Added for the test.",
            "The recommendation for \(Self.aws) stays AWS Bedrock AgentCore.",
        ] {
            #expect(result.stdout.contains(line + "\n"), "missing «\(line)» in:\n\(result.stdout)")
        }
        let json = try Self.json(try AdvisorProcess.run(["kb", "diff", "builtin", data, "--format", "json"]).stdout)
        #expect(json["same"] as? Bool == false)
        #expect((json["rates"] as? [[String: Any]])?.first?["new_usd"] as? Double == 0.1)
        #expect((json["changes"] as? [[String: Any]])?.count == 2)
        let same = try AdvisorProcess.run(["kb", "diff", "builtin", AdvisorProcess.packageRoot + "/Data"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("Same: the two hold the same facts, prices, rules and sources."))
    }

    @Test func kbDiffSaysWhenTheRecommendationChanges() throws {
        let (base, data) = try KnowledgeFolderCLITests.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: base) }
        // The AWS-IAM identity rule turned against AgentCore: its identity fit falls from 1.00 (0.5 + 0.4
        // − 0.05 + 0.2 = 1.05, held at 1) to 0.5 − 0.4 − 0.05 + 0.2 = 0.25, so its total falls by
        // 0.75 / 4 axes = 0.19, from 0.78 to 0.59: below Cloudflare's 0.68, which now wins.
        let rules = data + "/rules/identity.yaml"
        let text = try String(contentsOfFile: rules, encoding: .utf8)
        #expect(text.contains("adjust: {aws-agentcore: 0.4,"))
        try text.replacingOccurrences(of: "adjust: {aws-agentcore: 0.4,", with: "adjust: {aws-agentcore: -0.4,")
            .write(toFile: rules, atomically: true, encoding: .utf8)
        let result = try AdvisorProcess.run(["kb", "diff", "builtin", data, "--answers", Self.aws, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let recommendation = try #require(try Self.json(result.stdout)["recommendation"] as? [String: Any])
        #expect(recommendation["old"] as? String == "aws-agentcore")
        #expect(recommendation["new"] as? String == "cloudflare-neutral", "\(recommendation)")
        #expect(recommendation["changes"] as? Bool == true)
    }
}
