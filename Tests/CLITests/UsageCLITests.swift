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
        // The shipped knowledge base is as of 2026-04-24.
        let before = try AdvisorProcess.run(["--answers", Self.aws, "--today", "1900-01-01"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("as of 2026-04-24 (46134 days after 1900-01-01)"), "\(before.stdout.prefix(300))")
        #expect(!before.stdout.contains("-46134"))
        let next = try AdvisorProcess.run(["--answers", Self.aws, "--today", "2026-04-25"])
        #expect(next.stdout.contains("(1 day before 2026-04-25)"), "\(next.stdout.prefix(300))")
        let record = try AdvisorProcess.run(["--answers", Self.aws, "--format", "markdown", "--today", "2026-04-23"])
        #expect(record.stdout.contains("(1 day after this record)"), "the record says it too")
    }

    @Test func aFolderGivenAsAnswersReadsAsEnglish() throws {
        let result = try AdvisorProcess.run(["--answers", "/tmp"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/tmp: error: is a directory (expected an answers file)"), "\(result.stderr)")
    }
}
