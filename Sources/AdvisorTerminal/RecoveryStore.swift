import AdvisorCore
import AdvisorFiles
import AdvisorTUI
import Foundation

/// Where the wizard keeps the answers being given, so a crash, `kill -9` or a closed terminal loses
/// at most the last keystroke: `$XDG_STATE_HOME/runtime-advisor/recovery.yaml`, or
/// `~/.local/state/runtime-advisor/recovery.yaml` when XDG_STATE_HOME is unset or not absolute.
public struct RecoveryStore: Sendable {
    /// nil when neither XDG_STATE_HOME nor HOME says where to keep it.
    public let path: String?

    public init(path: String?) { self.path = path }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> RecoveryStore {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return RecoveryStore(path: join(state, "runtime-advisor/recovery.yaml"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return RecoveryStore(path: join(home, ".local/state/runtime-advisor/recovery.yaml"))
        }
        return RecoveryStore(path: nil)
    }

    public var exists: Bool { path.map { FileManager.default.fileExists(atPath: $0) } ?? false }

    public enum LoadResult {
        case none
        case found(RecoveredAnswers)
        case unusable(DiagnosticError)
    }

    /// Reads the recovery file, if there is one.
    public func load(questionnaire: Questionnaire) -> LoadResult {
        guard let path, exists else { return .none }
        do {
            let bytes = try InputFile.read(path, maxBytes: AnswersParser.maxBytes, what: "recovery file")
            return .found(try RecoveryFile.parse(bytes: bytes, file: path, questionnaire: questionnaire))
        } catch {
            return .unusable(error)
        }
    }

    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Replaces the recovery file atomically, creating its folder (private to the user) first.
    public func write(_ text: String) throws(WriteError) {
        guard let path else { throw WriteError(description: "neither XDG_STATE_HOME nor HOME is set") }
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw WriteError(description: "\(folder): cannot create the folder: \(error.localizedDescription)")
            }
        }
        do {
            try AtomicFile.write(text, to: path, replace: true)
        } catch {
            throw WriteError(description: error.description)
        }
    }

    public func remove() {
        guard let path else { return }
        unlink(path)
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
