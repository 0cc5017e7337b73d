import Foundation
import Testing

/// `--detail` on the command line: the summary by default, every level on request, and a usage error
/// (64) when it is asked of a format that is always complete.
@Suite struct DetailCLITests {
    static let answers = ["--answers", AdvisorProcess.example("multi-cloud"), "--today", "2026-11-25"]

    @Test func defaultIsTheOneScreenSummary() throws {
        let plain = try AdvisorProcess.run(Self.answers)
        let summary = try AdvisorProcess.run(Self.answers + ["--detail", "summary"])
        #expect(plain.status == 0 && summary.status == 0)
        #expect(plain.stdout == summary.stdout)
        #expect(plain.stdout.split(separator: "\n", omittingEmptySubsequences: false).count - 1 <= 24)
        #expect(plain.stdout.hasSuffix("More: --detail why (scoring), costs (line items) or full; --format json|markdown\n"))
    }

    @Test func fullIsLongerAndEndsWithTheSources() throws {
        let full = try AdvisorProcess.run(Self.answers + ["--detail", "full"])
        #expect(full.status == 0)
        #expect(full.stdout.contains("\nWhy: the scoring trace") && full.stdout.contains("\nSources\n"))
    }

    @Test func detailWithJSONOrMarkdownIsAUsageError() throws {
        for format in ["json", "markdown"] {
            let result = try AdvisorProcess.run(Self.answers + ["--format", format, "--detail", "full"])
            #expect(result.status == 64)
            #expect(result.stderr.contains("the \(format) output is always complete"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let unknown = try AdvisorProcess.run(Self.answers + ["--detail", "everything"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("everything"))
    }
}
