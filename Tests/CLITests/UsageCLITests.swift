import Foundation
import Testing

/// Issue 12's smaller usage points through the real binary: repeated and empty arguments are usage
/// errors (64), the knowledge base's age reads right whichever side of the date it is, and messages
/// read as English.
@Suite struct UsageCLITests {
    static let aws = AdvisorProcess.example("single-cloud-aws")

    @Test func aRepeatedOptionIsAUsageError() throws {
        let result = try AdvisorProcess.run(["--answers", Self.aws, "--format", "json", "--format", "text"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--format is given more than once; give it once"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let equals = try AdvisorProcess.run(["--answers=\(Self.aws)", "--answers", Self.aws])
        #expect(equals.status == 64)
        #expect(equals.stderr.contains("--answers is given more than once"), "\(equals.stderr)")
    }

    @Test func anEmptyPathIsAUsageError() throws {
        for arguments in [["--answers", Self.aws, "--screens", ""], ["--answers", Self.aws, "--data="], ["--answers", ""]] {
            let result = try AdvisorProcess.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is given an empty value; expected a path or a value"), "\(result.stderr)")
            #expect(!result.stderr.contains("/questionnaire.yaml"))
        }
    }

    @Test func theKnowledgeBaseAgeReadsRightOnEitherSide() throws {
        // The shipped knowledge base is as of 2026-04-24 (line 2 of Data/knowledge-base.yaml).
        let next = try AdvisorProcess.run(["--answers", Self.aws, "--today", "2026-04-25"])
        #expect(next.stdout.contains("(1 day before 2026-04-25)"), "\(next.stdout.prefix(300))")
        // A knowledge base dated after the run's day is refused: an as_of in the future would
        // otherwise silence the staleness warning for ever (issue 17).
        for format in ["text", "markdown"] {
            let before = try AdvisorProcess.run(["--answers", Self.aws, "--format", format, "--today", "2026-04-23"])
            #expect(before.status == 65)
            #expect(before.stdout.isEmpty)
            #expect(before.stderr.contains("Data/knowledge-base.yaml:2:8: error: as_of: is 2026-04-24, after the run's day 2026-04-23"),
                    "\(before.stderr)")
        }
    }

    @Test func aFolderGivenAsAnswersReadsAsEnglish() throws {
        let result = try AdvisorProcess.run(["--answers", "/tmp"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/tmp: error: is a directory (expected an answers file)"), "\(result.stderr)")
    }
}
