import AdvisorCore
import AdvisorTUI
import AdvisorTerminal
import AdvisorTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The event loop's file effects without a terminal: sessions and numbered record exports.
@Suite struct RecoverySessionTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessions-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    static let text = RecoveryFile.text(answers: Answers(defaultsOf: shippedEngine.questionnaire),
                                        questionnaire: shippedEngine.questionnaire, step: 1, question: 0)

    @Test func aLiveSessionIsNeverListedAndAnEndedOneIs() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let environment = ["XDG_STATE_HOME": base]
        let folder = try #require(RecoveryStore.sessionsFolder(environment: environment))
        var live: RecoveryStore? = RecoveryStore.standard(environment: environment)
        try live?.write(Self.text)
        #expect(Self.mode(try #require(live?.path)) == 0o600)
        #expect(Self.mode(folder) == 0o700)
        #expect(RecoverySessions.list(folder: folder, questionnaire: shippedEngine.questionnaire).isEmpty,
                "a running wizard's session is not offered")
        live = nil  // the wizard ends without a clean quit: its lock is released, its file stays
        let listed = RecoverySessions.list(folder: folder, questionnaire: shippedEngine.questionnaire)
        #expect(listed.count == 1)
        // Adopting it takes the lock, so it is not offered to anyone else while resumed.
        let resumed = RecoveryStore.standard(environment: environment)
        try resumed.adopt(listed[0])
        #expect(RecoverySessions.list(folder: folder, questionnaire: shippedEngine.questionnaire).isEmpty)
        let other = RecoveryStore.standard(environment: environment)
        #expect(throws: RecoveryStore.WriteError.self) { try other.adopt(listed[0]) }
        resumed.remove()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func anExportWhoseNumberWasTakenMeanwhileGetsTheNextOne() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loop = WizardLoop(recovery: RecoveryStore(path: nil), decisionsDirectory: folder)
        // Suggested while the folder was empty; another writer then took 0001 under another title.
        let request = WriteRequest(kind: .record, path: folder + "/0001-mine.md", text: "record\n", replace: false)
        try "theirs\n".write(toFile: folder + "/0001-theirs.md", atomically: true, encoding: .utf8)
        guard case .written(let written)? = loop.perform(.write(request)) else {
            Issue.record("not written")
            return
        }
        #expect(written.path == folder + "/0002-mine.md")
        #expect(try String(contentsOfFile: folder + "/0002-mine.md", encoding: .utf8) == "record\n")
        #expect(try String(contentsOfFile: folder + "/0001-theirs.md", encoding: .utf8) == "theirs\n")
    }
}
