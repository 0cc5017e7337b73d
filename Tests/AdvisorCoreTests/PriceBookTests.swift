import AdvisorCore
import AdvisorFiles
import Foundation
import Testing

/// Issue 21: your prices. Every figure is worked by hand from the scout's list prices and the price
/// book in the test, for the single-cloud-aws workload: 40 agents × 20 sessions a day × 730 / 24 =
/// 24,333.33 sessions; × 12 minutes / 60 = 4,866.67 session-hours; 70% idle; 1 vCPU; 2 GB; 120 people.
@Suite struct PriceBookTests {
    static let acme = """
        version: 1
        name: Acme negotiated prices
        as_of: 2026-11-01
        discounts:
          - stack: aws-agentcore
            percent: 20
            note: Enterprise discount programme
        rates:
          - meter: anth-session-hours      # a meter id from Data/stacks/*.yaml
            rate: 0.07
          - item: self-sandbox-provider    # a not-modelled item, priced here
            driver: vcpu-hours
            unit: vCPU-hour
            rate: 0.05

        """

    static func book(_ text: String) throws -> PriceBook {
        try PriceBookParser.parse(bytes: Array(text.utf8), file: "prices.yaml", knowledgeBase: shippedEngine.knowledgeBase)
    }

    static func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try book(text)
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return []
        }
    }

    static func costs(_ text: String, answers overrides: [String: String] = [:]) throws -> CostReport {
        shippedEngine.pricing(try book(text)).costs(try answers(overrides))
    }

    @Test func theIssuesExampleGivesItsThreeFigures() throws {
        let report = try Self.costs(Self.acme)
        let aws = try #require(report.cost("aws-agentcore"))
        // List, on the scout's reading (idle CPU billed, issue 19): vCPU 4,866.67 h × $0.0895 = $435.57;
        // memory 4,866.67 h × 2 GB = 9,733.33 GB-h × $0.00945 = $91.98; $435.57 + $91.98 = $527.55.
        // Less 20%: $527.55 × 0.8 = $422.04. Under the pricing page's reading (CPU billed only while active,
        // 1,460 h × $0.0895 = $130.67, + $91.98 = $222.65) the discount gives the issue's $178.12.
        #expect(aws.list.monthly.isClose(to: 527.55))
        #expect(aws.monthly.isClose(to: 422.04))
        #expect(try #require(aws.alternates.first).monthly.isClose(to: 178.12))
        #expect(try #require(aws.lineItems.first { $0.meter == "aws-runtime-vcpu" }).unitPrice.isClose(to: 0.0716, tolerance: 1e-9))
        // Anthropic: 1,460 idle-free session-hours × $0.07 = $102.20, against 1,460 × $0.08 = $116.80 at list.
        let anthropic = try #require(report.cost("anthropic-managed-agents"))
        #expect(anthropic.monthly.isClose(to: 102.20))
        #expect(anthropic.list.monthly.isClose(to: 116.80))
        // Your rate replaces the list rate under the other reading too: 4,866.67 h × $0.07 = $340.67.
        #expect(try #require(anthropic.alternates.first).monthly.isClose(to: 340.67))
        // Self-managed: 4,866.67 session-hours × 1 vCPU, idle billed = 4,866.67 vCPU-h × $0.05 = $243.33.
        // Operations work is still unpriced, so the figure is a lower bound; at list nothing is priced.
        let selfManaged = try #require(report.cost("self-managed"))
        #expect(selfManaged.monthly.isClose(to: 243.33))
        #expect(selfManaged.isLowerBound)
        #expect(!selfManaged.list.isPriced)
        #expect(selfManaged.notModelled.map(\.id) == ["self-operations-work"])
        #expect(try #require(selfManaged.lineItems.first).sources.isEmpty, "your rate cites no source of the scout's")
        // Untouched stacks keep their list prices: Google 4,866.67 vCPU-h × $0.0864 + 9,733.33 GB-h × $0.009 = $508.08.
        let google = try #require(report.cost("google-agent-platform"))
        #expect(google.monthly.isClose(to: 508.08))
        #expect(!google.differsFromList)
        #expect(report.cheapestMeaning.hasSuffix("at your prices"))
    }

    @Test func aVendorWideDiscountCoversTheVendorsStacksAndAStacksOwnWins() throws {
        let report = try Self.costs("""
            version: 1
            name: Vendor deals
            as_of: 2026-11-01
            discounts:
              - vendor: anthropic
                percent: 25
              - all: true
                percent: 10
              - stack: microsoft-agent-365
                percent: 50
            """)
        // Anthropic's vendor discount: $116.80 × 0.75 = $87.60 (the vendor named in any case).
        #expect(try #require(report.cost("anthropic-managed-agents")).monthly.isClose(to: 87.60))
        // Microsoft's own 50% wins over the 10% for all: 120 users × $15 × 0.5 = $900; the E7 reading
        // is discounted too: 120 × $99 × 0.5 = $5,940.
        let microsoft = try #require(report.cost("microsoft-agent-365"))
        #expect(microsoft.monthly.isClose(to: 900))
        #expect(try #require(microsoft.alternates.first).monthly.isClose(to: 5_940))
        // Everyone else gets the 10%: Google $508.08 × 0.9 = $457.27.
        #expect(try #require(report.cost("google-agent-platform")).monthly.isClose(to: 457.272))
        // Exposures stay at list: 12 autonomous agents × $15 = $180.
        let exposed = try Self.costs("version: 1\nname: x\nas_of: 2026-11-01\ndiscounts:\n  - all: true\n    percent: 10\n",
                                     answers: ["workload.autonomous_agents": "12"])
        #expect(try #require(exposed.cost("microsoft-agent-365")?.exposures.first).monthly.isClose(to: 180))
    }

    @Test func aFixedMonthlyAmountPricesOperationsWorkAndCompletesTheTotal() throws {
        let report = try Self.costs("""
            version: 1
            name: Pilot team
            as_of: 2026-11-01
            rates:
              - item: self-sandbox-provider
                driver: sessions
                rate: 0.002
                note: E2B, per sandbox session
              - item: self-operations-work
                driver: monthly
                rate: 1500
            """)
        let selfManaged = try #require(report.cost("self-managed"))
        // 24,333.33 sessions × $0.002 = $48.67, plus a fixed $1,500 a month = $1,548.67; nothing of
        // running the agents is left unpriced, so it is a complete total (at list it is still not priced).
        #expect(selfManaged.monthly.isClose(to: 1_548.67))
        #expect(!selfManaged.isLowerBound)
        #expect(selfManaged.list.isLowerBound)
        let fixed = try #require(selfManaged.lineItems.first { $0.meter == "self-operations-work" })
        #expect(fixed.quantity == 1 && fixed.unit == "month")
        #expect(fixed.basis == "a fixed amount each month")
    }

    @Test func yourRateWinsOverADiscountAndSettlesARateOnlyReading() throws {
        let report = try Self.costs("""
            version: 1
            name: Mixed
            as_of: 2026-11-01
            discounts:
              - all: true
                percent: 50
            rates:
              - meter: anth-session-hours
                rate: 0.07
              - meter: ms-agent365-per-user
                rate: 12
            """)
        // Your $0.07, not $0.08 × 0.5: 1,460 h × $0.07 = $102.20.
        #expect(try #require(report.cost("anthropic-managed-agents")).monthly.isClose(to: 102.20))
        // 120 users × $12 = $1,440; the E7 bundle reading changed only the rate, so yours settles it.
        let microsoft = try #require(report.cost("microsoft-agent-365"))
        #expect(microsoft.monthly.isClose(to: 1_440))
        #expect(microsoft.alternates.isEmpty)
        #expect(try #require(microsoft.lineItems.first).listUnitPrice == 15)
    }

    @Test func theCheapestAndTheBillingFitUseYourPrices() throws {
        // At list the cheapest complete total is Anthropic at $116.80. AgentCore at 80% off:
        // $527.55 × 0.2 = $105.51, now the cheapest, so cost takes nothing off its billing fit.
        let book = try Self.book("version: 1\nname: Deep\nas_of: 2026-11-01\ndiscounts:\n  - stack: aws-agentcore\n    percent: 80\n")
        let engine = shippedEngine.pricing(book)
        let answers = try answers()
        #expect(shippedEngine.costs(answers).cheapest == "anthropic-managed-agents")
        #expect(engine.costs(answers).cheapest == "aws-agentcore")
        let ranking = engine.rank(answers)
        let aws = try #require(ranking.score("aws-agentcore")?.axis("billing"))
        #expect(aws.costAdjustment == 0)
        // Anthropic now loses 0.2 × ($116.80 − $105.51) / $116.80 = 0.2 × 9.67% = 0.0193 of billing fit.
        let anthropic = try #require(ranking.score("anthropic-managed-agents")?.axis("billing"))
        #expect(try #require(anthropic.costAdjustment).isClose(to: -0.2 * (116.80 - 527.5467 * 0.2) / 116.80, tolerance: 1e-4))
        let because = try #require(anthropic.contributions.first { $0.rule == Contribution.costRule }).because.text
        #expect(because.contains("a month at your prices against $105.51 for AWS Bedrock AgentCore"), "\(because)")
    }

    @Test func theDigestIsOfTheTextWithLFLineEnds() throws {
        let lf = try Self.book(Self.acme)
        let crlf = try Self.book(Self.acme.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(lf.sha256 == SHA256.hex(Self.acme))
        #expect(crlf.sha256 == lf.sha256)
        #expect(crlf.text == Self.acme)
    }

    @Test func everyProblemIsReportedAtOnceWithPlaceAndSuggestion() {
        let problems = Self.problems("""
            version: 1
            name: Broken
            as_of: 2026-11-01
            discounts:
              - stack: aws-agentcor
                percent: 120
              - vendor: Amazon Web Service
                percent: 10
            rates:
              - meter: anth-session-hour
                rate: 0.07
              - meter: aws-runtime-vcpu
                rate: -1
              - item: self-sandbox-provider
                driver: vcpu-hour
                rate: 0.05
              - item: aws-runtime-memory
                rate: 0.01
              - meter: ms-autonomous-agent-licensing
                rate: 15
            """)
        let lines = problems.map(\.description)
        for expected in [
            "prices.yaml:5:12: error: discounts.stack: 'aws-agentcor' is not a stack in the knowledge base",
            "did you mean 'aws-agentcore'?",
            "prices.yaml:6:14: error: discounts.percent: is 120, outside 0 to 100",
            "prices.yaml:7:13: error: discounts.vendor: 'Amazon Web Service' is not a vendor in the knowledge base",
            "did you mean 'Amazon Web Services'?",
            "prices.yaml:10:12: error: rates.meter: 'anth-session-hour' is not a meter in the knowledge base",
            "did you mean 'anth-session-hours'?",
            "prices.yaml:13:11: error: rates[aws-runtime-vcpu].rate: is -1, not a positive price",
            "prices.yaml:15:13: error: rates[self-sandbox-provider].driver: 'vcpu-hour' is not a known driver",
            "did you mean 'vcpu-hours'?",
            "prices.yaml:17:11: error: rates.item: 'aws-runtime-memory' is a meter, not a not-modelled item",
            "prices.yaml:19:12: error: rates.meter: 'ms-autonomous-agent-licensing' is an exposure",
        ] {
            #expect(lines.contains { $0.contains(expected) }, "missing «\(expected)» in:\n\(lines.joined(separator: "\n"))")
        }
        #expect(problems.count == 8, "\(lines.joined(separator: "\n"))")
    }

    @Test func aWordFromTheNameFindsTheIDAPersonMeant() {
        // "E2B" is in the local sandbox provider's name, "AWS" in AgentCore's (Amazon Web Services').
        let lines = Self.problems("""
            version: 1
            name: Words
            as_of: 2026-11-01
            discounts:
              - vendor: AWS
                percent: 15
            rates:
              - item: e2b
                driver: vcpu-hours
                rate: 0.05
            """).map(\.description)
        #expect(lines.contains { $0.hasPrefix("prices.yaml:5:13: error: discounts.vendor: 'AWS'") && $0.hasSuffix("did you mean 'Amazon Web Services'?") },
                "\(lines)")
        #expect(lines.contains { $0.hasPrefix("prices.yaml:8:11: error: rates.item: 'e2b'") && $0.hasSuffix("did you mean 'self-sandbox-provider'?") },
                "\(lines)")
    }

    @Test func ratesAreBoundedLikeTheKnowledgeBaseAndRepeatsAreRefused() {
        let lines = Self.problems("""
            version: 1
            name: Bounds
            as_of: 2026-11-01
            rates:
              - meter: anth-session-hours
                rate: 1000001
              - meter: anth-session-hours
                rate: .inf
              - item: self-operations-work
                driver: monthly
                rate: 0
              - item: self-sandbox-provider
                driver: sessions
                idle: free
                unit_size: 0
                rate: 1
            discounts:
              - all: true
                percent: 5
              - all: true
                percent: 6
            """).map(\.description)
        for expected in [
            "prices.yaml:6:11: error: rates[anth-session-hours].rate: is 1000001, above the largest price a unit may have (expected at most $1,000,000.00 per unit)",
            "prices.yaml:8:11: error: rates[anth-session-hours].rate: must be a finite number, got .inf",
            "prices.yaml:11:11: error: rates[self-operations-work].rate: is 0, not a positive price",
            "prices.yaml:14:11: error: rates[self-sandbox-provider].idle: applies only to wall-clock drivers, not sessions",
            "prices.yaml:15:16: error: rates[self-sandbox-provider].unit_size: is 0, outside the sizes a price unit may have",
            "prices.yaml:20:5: error: discounts: repeats a discount on the same stacks (first at line 18)",
        ] {
            #expect(lines.contains { $0.contains(expected) }, "missing «\(expected)» in:\n\(lines.joined(separator: "\n"))")
        }
    }

    @Test func aPriceBookDatedAfterTheRunIsRefusedAtItsAsOfLine() throws {
        let book = try Self.book(Self.acme)
        #expect(book.dateProblem(on: Day("2026-11-01")!) == nil)
        let problem = try #require(book.dateProblem(on: Day("2026-10-31")!))
        #expect(problem.description.hasPrefix("prices.yaml:3:8: error: as_of: is 2026-11-01, after the run's day 2026-10-31"),
                "\(problem.description)")
    }

    @Test func tabsAndControlCharactersAreRefusedBecauseARecordCouldNotKeepThem() {
        let lines = Self.problems("version: 1\nname: Tab\nas_of: 2026-11-01 \t# agreed\ndiscounts:\n  - all: true\n    percent: 5\n")
            .map(\.description)
        #expect(lines == ["prices.yaml:3:19: error: contains U+0009, a tab or control character (expected spaces and visible text only)"],
                "\(lines)")
    }

    @Test func theShippedExamplePriceBookIsNotReadAsKnowledge() throws {
        // Data/examples/prices/acme.yaml lives in the knowledge-base folder but is not part of it.
        let read = KnowledgeSource.inputFiles(dataDirectory: packageRoot + "/Data", screensDirectory: nil).map(\.path)
        #expect(!read.isEmpty)
        #expect(!read.contains { $0.contains("/examples/") }, "\(read)")
        #expect(try Self.book(String(contentsOfFile: packageRoot + "/Data/examples/prices/acme.yaml", encoding: .utf8)).name
                == "Acme negotiated prices")
    }

    @Test func theSchemaNamesWhatTheValidatorAccepts() throws {
        let schema = PriceBookSchema.render(shippedEngine.knowledgeBase)
        for fragment in ["\"anth-session-hours\"", "\"self-sandbox-provider\"", "\"Amazon Web Services\"", "\"monthly\"",
                         "\"sessions\"", "\"maximum\": 100", "\"maximum\": 1000000"] {
            #expect(schema.contains(fragment), "the schema lacks \(fragment)")
        }
    }
}
