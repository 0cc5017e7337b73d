import AdvisorTestSupport
import AdvisorTUI
import ArgumentParser
import Foundation
@testable import RuntimeAdvisorCLI
import Testing

/// The man page's KEYS, ENVIRONMENT, FILES and EXIT STATUS come from the tables the program uses, and
/// the committed page holds what they give now.
@Suite struct ManualSectionsTests {
    static let rendered = ManualSections.render()
    static let lines = rendered.split(separator: "\n").map(String.init)

    @Test func everyScreenOfTheKeyTableIsInKeysWithEveryKey() throws {
        for screen in KeyReference.all {
            let heading = try #require(Self.lines.firstIndex(of: ".Ss \"\(screen.title)\""), "no KEYS entry for \(screen.title)")
            let end = try #require(Self.lines[heading...].firstIndex(of: ".El"))
            // One `.It Sy "keys"` line and one line of meaning per key, in the table's order.
            let items = Array(Self.lines[(heading + 2)..<end])
            #expect(items.count == 2 * screen.keys.count)
            for (index, key) in screen.keys.enumerated() where 2 * index + 1 < items.count {
                #expect(items[2 * index] == ".It Sy \"\(key.keys)\"")
                #expect(items[2 * index + 1] == key.meaning)
            }
        }
    }

    @Test func sectionsComeInTheOrderManPagesUse() {
        let headings = Self.lines.filter { $0.hasPrefix(".Sh ") }
        #expect(headings == [".Sh KEYS", ".Sh ENVIRONMENT", ".Sh FILES", ".Sh \"EXIT STATUS\""])
    }

    @Test func theVariablesTheIssueNamesAreDocumented() {
        for name in ["NO_COLOR", "TERM", "XDG_STATE_HOME", "RUNTIME_ADVISOR_DATA", "RUNTIME_ADVISOR_PRICES"] {
            #expect(Self.lines.contains(".It Ev \(name)"), "ENVIRONMENT lacks \(name)")
        }
    }

    @Test func exitStatusListsEveryCodeTheProgramUses() {
        let listed = Self.lines.filter { $0.hasPrefix(".It ") && $0.dropFirst(4).allSatisfy(\.isNumber) }.map { $0.dropFirst(4) }
        #expect(listed == ["0", "1", "64", "65", "66", "73", "74", "130"])
    }

    /// The top-level help's sentence, made from the same table, reads as it did when it was written by hand.
    @Test func helpSummaryIsTheOneSentence() {
        #expect(Exit.briefSummary == "Exit codes: 0 done, 1 recheck or kb diff found a change, 64 usage, 65 invalid answers, "
                + "knowledge base or record, 66 file unreadable, 73 cannot write (an existing file needs --force), 74 a write "
                + "failed part-way (full disk, I/O error), standard output included.")
    }

    @Test func textThatWouldBeARequestIsEscaped() {
        #expect(ManualSections.text(".5 of a step") == "\\&.5 of a step")
        #expect(ManualSections.text("'quoted'") == "\\&'quoted'")
        #expect(ManualSections.argument("a \"b\" \\c") == "\"a \\(dqb\\(dq \\ec\"")
    }

    /// The committed page holds these sections as they render now (CI's man-page check compares the whole page).
    @Test func theCommittedPageIsCurrent() throws {
        let page = try String(contentsOfFile: AdvisorTestSupport.packageRoot + "/docs/runtime-advisor.1", encoding: .utf8)
        #expect(page.hasSuffix(Self.rendered), "docs/runtime-advisor.1 is stale: regenerate it with bash .ci/man-page")
    }
}
