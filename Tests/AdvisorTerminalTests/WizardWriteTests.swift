import AdvisorTerminal
import AdvisorTUI
import Foundation
import Testing

/// Save and export write alike: missing folders are created, `~` is the home folder.
@Suite struct WizardWriteTests {
    @Test func saveCreatesMissingFoldersLikeExport() throws {
        let root = NSTemporaryDirectory() + "advisor-write-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loop = WizardLoop(recovery: RecoveryStore(path: nil))
        for kind in [WriteKind.answers, .record] {
            let path = "\(root)/\(kind == .answers ? "answers" : "decisions")/deeper/file.txt"
            let outcome = loop.perform(.write(WriteRequest(kind: kind, path: path, text: "x\n", replace: false)))
            #expect(outcome == .written(WriteRequest(kind: kind, path: path, text: "x\n", replace: false)))
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func tildeIsTheHomeFolder() {
        #expect(WizardLoop.expandingTilde("~/notes/a.yaml", home: "/home/sam") == "/home/sam/notes/a.yaml")
        #expect(WizardLoop.expandingTilde("~", home: "/home/sam") == "/home/sam")
        #expect(WizardLoop.expandingTilde("~sam/a.yaml", home: "/home/sam") == "~sam/a.yaml")
        #expect(WizardLoop.expandingTilde("a/~/b", home: "/home/sam") == "a/~/b")
    }
}
