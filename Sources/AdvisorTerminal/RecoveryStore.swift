import AdvisorCore
import AdvisorFiles
import AdvisorTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where one wizard keeps the answers being given, so a crash, `kill -9` or a closed terminal loses
/// at most the last keystroke. Each wizard has a session of its own in
/// `$XDG_STATE_HOME/runtime-advisor/sessions/` (or `~/.local/state/runtime-advisor/sessions/`):
/// `ID.yaml`, private (0600 in 0700 folders), and `ID.lock`, held with flock while the wizard runs, so
/// another wizard sharing the folder never offers, overwrites or removes a live session's answers.
/// `RecoveryStore(path:)` is a plain file without a session (tests).
public final class RecoveryStore: @unchecked Sendable {
    /// The file written; nil when neither XDG_STATE_HOME nor HOME says where to keep it.
    public private(set) var path: String?
    /// The sessions folder, for a session store.
    public let sessionsFolder: String?
    private var lockPath: String?
    private var lockFD: Int32 = -1
    /// The last write failed: the file, if any, does not hold the latest answers.
    public private(set) var lastWriteFailed = false

    public init(path: String?) {
        self.path = path
        sessionsFolder = nil
    }

    init(sessionsFolder: String, id: String) {
        self.sessionsFolder = sessionsFolder
        path = RecoveryStore.join(sessionsFolder, id + ".yaml")
        lockPath = RecoveryStore.join(sessionsFolder, id + ".lock")
    }

    deinit { releaseLock() }

    /// A new session in the standard folder.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> RecoveryStore {
        guard let folder = sessionsFolder(environment: environment) else { return RecoveryStore(path: nil) }
        return RecoveryStore(sessionsFolder: folder, id: newSessionID())
    }

    public static func sessionsFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "runtime-advisor/sessions")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return join(home, ".local/state/runtime-advisor/sessions")
        }
        return nil
    }

    /// `20261130-025718-4242`: sorts by start time; the process id keeps two starts in one second apart.
    static func newSessionID() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return String(format: "%04d%02d%02d-%02d%02d%02d-%d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(getpid()))
    }

    public var exists: Bool { path.map { FileManager.default.fileExists(atPath: $0) } ?? false }

    public enum LoadResult {
        case none
        case found(RecoveredAnswers)
        case unusable(DiagnosticError)
    }

    /// Reads this store's file, if there is one.
    public func load(questionnaire: Questionnaire) -> LoadResult {
        guard let path, exists else { return .none }
        return RecoverySessions.read(path, questionnaire: questionnaire)
    }

    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Replaces the recovery file atomically (0600), creating its folders (0700) and taking the
    /// session's lock first.
    public func write(_ text: String) throws(WriteError) {
        do {
            try writeUnchecked(text)
            lastWriteFailed = false
        } catch {
            lastWriteFailed = true
            throw error
        }
    }

    private func writeUnchecked(_ text: String) throws(WriteError) {
        guard let path else { throw WriteError(description: "neither XDG_STATE_HOME nor HOME is set") }
        try RecoveryStore.makePrivateFolder((path as NSString).deletingLastPathComponent)
        try takeOwnLock()
        do {
            try AtomicFile.write(text, to: path, replace: true, mode: 0o600)
        } catch {
            throw WriteError(description: error.description)
        }
    }

    /// Carries on with an earlier session: takes its lock (refused when another wizard holds it) and
    /// writes its file from now on. This store's own file, if it wrote one, is removed.
    public func adopt(_ session: RecoverableSession) throws(WriteError) {
        let fd = open(session.lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw WriteError(description: "\(PrintableText.escapedPath(session.lockPath)): cannot be opened: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw WriteError(description: "the answers from \(session.savedAt) are open in another wizard")
        }
        remove()
        path = session.path
        lockPath = session.lockPath
        lockFD = fd
    }

    /// Removes this session's file and lock, never another's.
    public func remove() {
        if let path { unlink(path) }
        if let lockPath, lockFD >= 0 { unlink(lockPath) }
        releaseLock()
    }

    private func takeOwnLock() throws(WriteError) {
        guard lockFD < 0, let lockPath else { return }
        // O_EXCL: a lock file already there belongs to another session (the same second and pid is
        // impossible for two live processes, so it is a leftover); never share it.
        let fd = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw WriteError(description: "\(PrintableText.escapedPath(lockPath)): cannot be locked: \(reason)")
        }
        lockFD = fd
    }

    private func releaseLock() {
        if lockFD >= 0 {
            close(lockFD)  // closing drops the flock
            lockFD = -1
        }
    }

    /// Creates `folder` and its missing parents as 0700: the answers can be confidential.
    static func makePrivateFolder(_ folder: String) throws(WriteError) {
        var info = stat()
        if stat(folder, &info) == 0 { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            // Escaped: Foundation's reason may quote the path, newlines and all.
            let reason = (error as NSError).localizedFailureReason ?? "cannot be created"
            throw WriteError(description: "\(PrintableText.escapedPath(folder)): cannot create the folder: \(PrintableText.escapedPath(reason))")
        }
        // createDirectory applies the mode to the last folder only; the parent it made is ours too.
        let parent = (folder as NSString).deletingLastPathComponent
        if (parent as NSString).lastPathComponent == "runtime-advisor" { chmod(parent, 0o700) }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
