import Foundation
import Testing

/// A program some tests run that a fresh machine may lack. Without it those tests are skipped, with
/// the Debian package to install in the reason; under `CI=true` they run anyway and fail, because
/// CI (`.ci/run`) installs every tool and must not pass by skipping.
public struct RequiredTool: Sendable {
    public let command: String
    public let debianPackage: String

    public init(command: String, debianPackage: String) {
        self.command = command
        self.debianPackage = debianPackage
    }

    public static let cmarkGFM = RequiredTool(command: "cmark-gfm", debianPackage: "cmark-gfm")
    /// A pseudo-terminal for the advisor's standard output, for the colour tests.
    public static let script = RequiredTool(command: "script", debianPackage: "bsdutils")
    public static let bash = RequiredTool(command: "bash", debianPackage: "bash")
    public static let man = RequiredTool(command: "man", debianPackage: "man-db")
    /// Shells whose completion scripts the tests run (bash's is always there).
    public static let zsh = RequiredTool(command: "zsh", debianPackage: "zsh")
    public static let fish = RequiredTool(command: "fish", debianPackage: "fish")

    /// The program's path found on PATH, or nil.
    public var path: String? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + command
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Why tests are skipped without it.
    public var missingReason: Comment {
        Comment(rawValue: "needs \(command), which is not on PATH: apt-get install -y \(debianPackage) (required when CI=true)")
    }

    /// The trait for a test or suite that runs this program.
    public var trait: ConditionTrait {
        .enabled(if: path != nil || Self.isCI, missingReason)
    }

    /// The program's path, or an error naming the package (reached only under CI=true).
    public func require() throws -> String {
        guard let path else {
            throw MissingTool(description: "\(command) is not installed: apt-get install -y \(debianPackage)")
        }
        return path
    }

    public struct MissingTool: Error, CustomStringConvertible {
        public var description: String
    }
}
