import AdvisorCore
import AdvisorRecord
import Foundation
import Testing

/// ADR folder numbering and file names, and marking a record superseded.
@Suite struct FolderAndStatusTests {
    @Test func slugs() {
        #expect(ADRFolder.slug("Agent runtime for support automation") == "agent-runtime-for-support-automation")
        #expect(ADRFolder.slug("  Über-Läufe: 2026 (Q3)!! ") == "uber-laufe-2026-q3")
        #expect(ADRFolder.slug("*** ### ") == "decision")
        #expect(ADRFolder.slug("") == "decision")
        #expect(ADRFolder.slug("日本語のタイトル") == "decision")
        let long = ADRFolder.slug(String(repeating: "abcdefghij ", count: 10))
        // Six ten-letter words and five dashes make 65; five words and four dashes make 54.
        #expect(long == Array(repeating: "abcdefghij", count: 5).joined(separator: "-"))
        #expect(ADRFolder.slug(String(repeating: "x", count: 80)).count == 60)
    }

    @Test func numbering() throws {
        #expect(try ADRFolder.nextNumber(existing: []) == 1)
        #expect(try ADRFolder.nextNumber(existing: ["README.md", "0001-a.md", "0003-c.md", "12-short.md", "0009-x.txt",
                                                "template.md"]) == 4)
        #expect(ADRFolder.number(ofFileName: "0012-x.md") == 12)
        #expect(ADRFolder.number(ofFileName: "12345-x.md") == 12345)
        #expect(ADRFolder.number(ofFileName: "0012x.md") == nil)
        #expect(ADRFolder.number(ofFileName: "0012-x.markdown") == nil)
        #expect(ADRFolder.fileName(number: 7, slug: "agent-runtime") == "0007-agent-runtime.md")
        #expect(ADRFolder.label(42) == "ADR-0042")
        #expect(ADRFolder.label(12345) == "ADR-12345")
        // A log4brains-style date-named file is not a record number.
        #expect(ADRFolder.classify("20260102-use-postgres.md") == .other)
        #expect(try ADRFolder.nextNumber(existing: ["0003-a.md", "20260102-use-postgres.md"]) == 4)
    }

    @Test func numberingRefusesWhatItCannotContinue() throws {
        // Counted before converted: a number too large for Int is refused, never overflowed.
        #expect(ADRFolder.classify("9223372036854775807-x.md") == .absurd)
        #expect(ADRFolder.classify("99999999999999999999999-x.md") == .absurd)
        let absurd = #expect(throws: ADRFolder.FolderError.self) {
            try ADRFolder.nextNumber(existing: ["0001-a.md", "9223372036854775807-x.md"], in: "docs/adr")
        }
        #expect(absurd?.description.contains("docs/adr: holds '9223372036854775807-x.md'") == true)
        let full = #expect(throws: ADRFolder.FolderError.self) { try ADRFolder.nextNumber(existing: ["9999-last.md"]) }
        #expect(full?.description.contains("no four-digit record number left") == true)
        // A folder that already uses five digits goes on.
        #expect(try ADRFolder.nextNumber(existing: ["9999-last.md", "10000-next.md"]) == 10001)
        #expect(throws: ADRFolder.FolderError.self) { try ADRFolder.nextNumber(existing: ["99999-x.md"]) }
    }

    @Test func preparingAFolder() throws {
        let base = NSTemporaryDirectory() + "adr-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: base) }
        // Missing parents are created too, as `mkdir -p` would.
        #expect(try ADRFolder.prepare(base + "/docs/adr"))
        #expect(try !ADRFolder.prepare(base + "/docs/adr"))
        try #require(FileManager.default.createFile(atPath: base + "/docs/file", contents: Data()))
        #expect(throws: ADRFolder.FolderError.self) { try ADRFolder.prepare(base + "/docs/file") }
        #expect(throws: ADRFolder.FolderError.self) { try ADRFolder.prepare(base + "/docs/file/adr") }
    }

    @Test func supersedingChangesOnlyTheStatusLine() throws {
        let old = try record(try exampleAnswers("single-cloud-aws"))
        let marked = try RecordStatus.markSuperseded(old, by: "ADR-0002", file: "0001-x.md")
        let before = old.components(separatedBy: "\n"), after = marked.components(separatedBy: "\n")
        #expect(before.count == after.count)
        let differing = zip(before, after).enumerated().filter { $1.0 != $1.1 }.map(\.offset)
        #expect(differing == [1])
        #expect(after[1] == "status: \"superseded by ADR-0002\"")
        #expect(try RecordReader.read(marked, file: "0001-x.md").status == "superseded by ADR-0002")
    }

    @Test func supersedingKeepsLineEndingsAndContinuations() throws {
        let crlf = "---\r\nstatus: >-\r\n  proposed\r\n  still\r\ndate: \"2026-01-01\"\r\n---\r\n# T\r\n"
        #expect(try RecordStatus.markSuperseded(crlf, by: "ADR-0009", file: "x.md")
                == "---\r\nstatus: \"superseded by ADR-0009\"\r\ndate: \"2026-01-01\"\r\n---\r\n# T\r\n")
        let none = "---\ndate: \"2026-01-01\"\n---\n# T\n\nstatus: in the body stays\n"
        #expect(try RecordStatus.markSuperseded(none, by: "ADR-0003", file: "x.md")
                == "---\nstatus: \"superseded by ADR-0003\"\ndate: \"2026-01-01\"\n---\n# T\n\nstatus: in the body stays\n")
        #expect(throws: DiagnosticError.self) { try RecordStatus.markSuperseded("# no front matter\n", by: "ADR-0001", file: "x.md") }
    }

    @Test(needsCmark) func theNewRecordNamesWhatItSupersedes() throws {
        let text = try record(try exampleAnswers("multi-cloud"),
                              supersedes: SupersededRecord(number: 1, fileName: "0001-agent runtime (old).md"))
        let parts = try #require(splitFrontMatter(text))
        #expect(parts.yaml.contains("\nsupersedes: \"ADR-0001\"\nsupersedes-file: \"0001-agent runtime (old).md\"\n"))
        let document = try parseMarkdown(parts.body)
        let links = document.all("link").filter { !($0.attributes["destination"] ?? "").hasPrefix("https://") && $0.attributes["destination"] != "#sources-cited" }
        #expect(links.count == 1)
        #expect(links.first?.attributes["destination"] == "0001-agent%20runtime%20%28old%29.md")
        #expect(links.first?.text == "ADR-0001")
        #expect(document.all("paragraph").map(\.text).contains("This record supersedes ADR-0001."))
    }

    @Test func numbersAreFourOrFiveDigits() throws {
        #expect(ADRFolder.number(ofFileName: "20260102-use-log4brains.md") == nil)
        #expect(try ADRFolder.nextNumber(existing: ["20260102-use-log4brains.md", "0004-x.md"]) == 5)
        // Past 9999 only in a folder that already names records with five digits.
        #expect(throws: ADRFolder.FolderError.self) { try ADRFolder.nextNumber(existing: ["9999-x.md"], in: "adr") }
        #expect(try ADRFolder.nextNumber(existing: ["9998-x.md"], in: "adr") == 9_999)
        #expect(try ADRFolder.nextNumber(existing: ["10000-x.md"], in: "adr") == 10_001)
    }

    @Test func dayCountsRead() {
        #expect(DayCount.days(1) == "1 day")
        #expect(DayCount.days(2) == "2 days")
        #expect(DayCount.phrase(215, before: "this record") == "215 days before this record")
        #expect(DayCount.phrase(-327, before: "this record") == "327 days after this record")
        #expect(DayCount.phrase(-1, before: "this record") == "1 day after this record")
        #expect(DayCount.phrase(0, before: "this record") == "the same day as this record")
    }

    /// A record dated before its knowledge base says "… days after", never a negative count.
    @Test func recordDatedBeforeItsKnowledgeBase() throws {
        let advice = shippedEngine.advise(try exampleAnswers("multi-cloud"), today: Day("2025-06-01")!)
        let text = try DecisionRecord.render(advice, engine: shippedEngine, options: RecordOptions(date: Day("2025-06-01")!),
                                             template: template())
        #expect(text.contains("as of 2026-04-24 (327 days after this record)"))
        #expect(!text.contains("-327"))
    }

    @Test func supersededStatusLinksTheSuccessorInStatusAndBody() throws {
        let text = "---\nstatus: \"accepted\"\n---\n\n# Title\n\n**Decision:** x.\n"
        let marked = try RecordStatus.markSuperseded(text, by: Successor(label: "ADR-0001", link: "../adr/0001-new.md"), file: "x.md")
        #expect(marked == "---\nstatus: \"superseded by [ADR-0001](../adr/0001-new.md)\"\n---\n\n# Title\n\n"
                + "Superseded by [ADR-0001](../adr/0001-new.md).\n\n**Decision:** x.\n")
    }
}
