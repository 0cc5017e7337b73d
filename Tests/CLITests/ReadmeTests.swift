import Foundation
import Testing

/// The README's "Using it" section quotes the first command's output; the binary must print exactly that.
@Suite struct ReadmeTests {
    static let command = "$ runtime-advisor --answers Data/examples/single-cloud-aws.yaml\n"

    @Test func quotedSummaryIsWhatTheFirstCommandPrints() throws {
        let readme = try String(contentsOfFile: AdvisorProcess.packageRoot + "/README.md", encoding: .utf8)
        let usingIt = try #require(readme.range(of: "## Using it\n"), "the README has no Using it section")
        let start = try #require(readme.range(of: "```console\n" + Self.command, range: usingIt.upperBound..<readme.endIndex),
                                 "Using it does not start from the first command's output")
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let quoted = String(readme[start.upperBound..<end.lowerBound])
        // The README says the output is as of 2026-11-25, the date the knowledge base's age is judged by.
        #expect(readme[usingIt.upperBound..<start.lowerBound].contains("--today 2026-11-25"))
        let result = try AdvisorProcess.run(["--answers", AdvisorProcess.example("single-cloud-aws"), "--today", "2026-11-25"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == quoted, "the README's quoted summary is stale; paste the output of the command again")
        #expect(quoted.split(separator: "\n", omittingEmptySubsequences: false).count - 1 <= 24)
    }
}
