import Foundation
import Testing

/// A program some tests drive the advisor through (script, bash, man). When it is missing the test
/// is skipped with the Debian package to install, except under CI=true, where it must be there.
struct ExternalTool: Sendable {
    var name: String
    var package: String

    static let script = ExternalTool(name: "script", package: "bsdutils")
    static let bash = ExternalTool(name: "bash", package: "bash")
    static let man = ExternalTool(name: "man", package: "man-db")

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Run the test when the tool is here, or when CI requires it (the test then fails on its absence).
    var enabled: Bool { path != nil || Self.isCI }
    var skipReason: Comment { "\(name) is not installed (apt-get install \(package)); required when CI=true" }
}
