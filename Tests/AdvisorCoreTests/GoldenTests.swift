import AdvisorCore
import Foundation
import Testing

/// The headless text and JSON output of every shipped example, compared byte for byte with files in
/// Golden/. After an intended change, regenerate them with `UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// and read the diff before committing.
@Suite struct GoldenTests {
    static let goldenFolder = packageRoot + "/Tests/AdvisorCoreTests/Golden"
    static let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    static var examples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Data/examples")) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    func advice(_ name: String) throws -> Advice {
        let path = "\(packageRoot)/Data/examples/\(name).yaml"
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let answers = try AnswersParser.parse(bytes: bytes, file: path, questionnaire: shippedEngine.questionnaire)
        return shippedEngine.advise(answers, today: fixedToday)
    }

    func check(_ output: String, against file: String) throws {
        let path = Self.goldenFolder + "/" + file
        if Self.update {
            try FileManager.default.createDirectory(atPath: Self.goldenFolder, withIntermediateDirectories: true)
            try output.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(output == expected, "\(file) differs; if the change is intended, run UPDATE_GOLDEN=1 swift test --filter GoldenTests")
    }

    @Test func everyExampleHasGoldenFiles() {
        #expect(Self.examples.count == 6)
    }

    /// `name.txt` is the full report (today's report before the levels); the others are named by level.
    static func goldenFile(_ name: String, _ detail: ReportDetail) -> String {
        detail == .full ? "\(name).txt" : "\(name).\(detail.rawValue).txt"
    }

    @Test(arguments: examples, ReportDetail.allCases) func textReport(_ name: String, _ detail: ReportDetail) throws {
        try check(TextReport.render(try advice(name), engine: shippedEngine, detail: detail), against: Self.goldenFile(name, detail))
    }

    @Test(arguments: examples) func jsonReport(_ name: String) throws {
        let json = JSONReport.render(try advice(name), engine: shippedEngine, toolVersion: ToolVersion.current)
        try check(json, against: "\(name).json")
        // The documented contract keys are present.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let recommendation = try #require(object["recommendation"] as? [String: Any])
        #expect(recommendation["stack"] is String)
        let ranking = try #require(object["ranking"] as? [[String: Any]])
        #expect(ranking.allSatisfy { $0["stack"] is String && $0["score"] is Double && $0["axes"] is [String: Any] })
        let costs = try #require(object["costs"] as? [[String: Any]])
        #expect(costs.allSatisfy { $0["stack"] is String && $0.keys.contains("monthly_usd") && $0["line_items"] is [Any] })
        #expect(object["sensitivity"] is [String: Any])
        #expect(object["caveats"] is [Any])
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let first = TextReport.render(try advice("multi-cloud"), engine: shippedEngine)
        let second = TextReport.render(try advice("multi-cloud"), engine: shippedEngine)
        #expect(first == second)
    }
}
