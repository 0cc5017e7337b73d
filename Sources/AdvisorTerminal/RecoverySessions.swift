import AdvisorCore
import AdvisorFiles
import AdvisorTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An earlier wizard's answers that no running wizard holds: offered on the welcome screen and by
/// `--resume`.
public struct RecoverableSession: Sendable {
    public var id: String
    public var path: String
    public var lockPath: String
    /// When its file was last written (seconds, nanoseconds).
    public var modified: timespec
    /// `2026-11-30 02:57 UTC`.
    public var savedAt: String
    public var content: RecoveryStore.LoadResult
}

extension RecoveryStore.LoadResult: @unchecked Sendable {}

/// The sessions in a sessions folder.
public enum RecoverySessions {
    /// Every session whose wizard is no longer running (its lock is free), newest first. Live
    /// sessions are left out: their answers are still being given.
    public static func list(folder: String?, questionnaire: Questionnaire) -> [RecoverableSession] {
        if let folder { adoptLegacyFile(into: folder) }
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var sessions: [RecoverableSession] = []
        for name in names where name.hasSuffix(".yaml") {
            let id = String(name.dropLast(5))
            let path = RecoveryStore.join(folder, name), lockPath = RecoveryStore.join(folder, id + ".lock")
            guard !isLive(lockPath) else { continue }
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            sessions.append(RecoverableSession(id: id, path: path, lockPath: lockPath, modified: info.st_mtim,
                                               savedAt: utcMinute(info.st_mtim.tv_sec),
                                               content: read(path, questionnaire: questionnaire)))
        }
        return sessions.sorted {
            ($0.modified.tv_sec, $0.modified.tv_nsec, $0.id) > ($1.modified.tv_sec, $1.modified.tv_nsec, $1.id)
        }
    }

    /// Earlier versions kept one `recovery.yaml` beside the sessions folder: it becomes a session of
    /// its own (rename is atomic, so two wizards starting at once cannot both take it), private like the rest.
    static func adoptLegacyFile(into folder: String) {
        let legacy = RecoveryStore.join((folder as NSString).deletingLastPathComponent, "recovery.yaml")
        guard access(legacy, F_OK) == 0, (try? RecoveryStore.makePrivateFolder(folder)) != nil else { return }
        let adopted = RecoveryStore.join(folder, "00000000-000000-recovery.yaml")
        if access(adopted, F_OK) != 0, rename(legacy, adopted) == 0 { chmod(adopted, 0o600) }
    }

    /// A session is live while its wizard holds the lock file: a free lock (or none) means the wizard ended.
    static func isLive(_ lockPath: String) -> Bool {
        let fd = open(lockPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    static func read(_ path: String, questionnaire: Questionnaire) -> RecoveryStore.LoadResult {
        do {
            let bytes = try InputFile.read(path, maxBytes: AnswersParser.maxBytes, what: "recovery file")
            return .found(try RecoveryFile.parse(bytes: bytes, file: path, questionnaire: questionnaire))
        } catch {
            return .unusable(error)
        }
    }

    static func utcMinute(_ seconds: time_t) -> String {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min))
    }
}
