import Foundation
import Testing

/// Participant names are one visible line and distinct (issue 17): a newline cannot forge a report
/// line, and `Bob` and `Bob` with a zero-width space are not two people.
@Suite struct ParticipantNameCLITests {
    static let today = ["--today", "2026-11-25"]

    func participant(named nameLine: String, file: String, in folder: String) throws -> String {
        let base = try String(contentsOfFile: TeamCLITests.team[1], encoding: .utf8)
        return try TeamCLITests.write(base.replacingOccurrences(of: "participant: Bruno (platform)", with: "participant: \(nameLine)"),
                                      file, in: folder)
    }

    @Test func aNameWithALineBreakCannotForgeAReportLine() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let evil = try participant(named: "\"Eve\\nConsensus: Evil Corp wins\"", file: "eve.yaml", in: folder)
        let result = try AdvisorProcess.run(["team", TeamCLITests.team[0], evil] + Self.today)
        #expect(result.status == 65)
        // Line 3 is `participant: …`; the value starts at column 14.
        #expect(result.stderr.contains("\(evil):3:14: error: participant: contains the invisible or control character U+000A at position 4"),
                "\(result.stderr)")
        #expect(!result.stdout.contains("Consensus: Evil Corp wins"))
        #expect(!result.stderr.split(separator: "\n").contains { $0.hasPrefix("Consensus:") })
    }

    @Test func invisibleCharactersAndEmptyNamesAreRefused() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let zeroWidth = try participant(named: "\"Bob\\u200B\"", file: "zw.yaml", in: folder)
        let bidi = try participant(named: "\"Bob\\u202E\"", file: "bidi.yaml", in: folder)
        let empty = try participant(named: "\"\"", file: "empty.yaml", in: folder)
        let blank = try participant(named: "\"   \"", file: "blank.yaml", in: folder)
        let result = try AdvisorProcess.run(["team", zeroWidth, bidi, empty, blank] + Self.today)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(zeroWidth):3:14: error: participant: contains the invisible or control character U+200B at position 4"))
        #expect(result.stderr.contains("\(bidi):3:14: error: participant: contains the invisible or control character U+202E at position 4"))
        #expect(result.stderr.contains("\(empty):3:14: error: participant: is empty (expected a name of visible characters on one line)"))
        #expect(result.stderr.contains("\(blank):3:14: error: participant: is empty"))
    }

    @Test func namesThatReadTheSameAreOnePerson() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bob = try participant(named: "Bob", file: "bob.yaml", in: folder)
        // Lower case, doubled inner space, fullwidth letters: NFKC folds Ｂ (U+FF22) to B.
        let lower = try participant(named: "\" bob \"", file: "lower.yaml", in: folder)
        let wide = try participant(named: "\"\u{FF22}ob\"", file: "wide.yaml", in: folder)
        let result = try AdvisorProcess.run(["team", bob, lower, wide] + Self.today)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(lower):3: error: participant: ' bob ' reads as 'Bob', the name of \(bob)"), "\(result.stderr)")
        #expect(result.stderr.contains("\(wide):3: error: participant: '\u{FF22}ob' reads as 'Bob', the name of \(bob)"))
        #expect(result.stdout.isEmpty)
    }
}
