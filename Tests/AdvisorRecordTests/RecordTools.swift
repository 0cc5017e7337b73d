import Foundation
import Testing

/// The real-world checkers a record is held to, as its readers' tools would read it: pymarkdown (PyPI
/// `pymarkdownlnt`), mermaidx (PyPI `mermaidx`, mermaid.js run offline) and PyYAML (PyPI `pyyaml`).
/// `.ci/run` installs them into a virtual environment at `.build/record-tools`; elsewhere they are
/// looked up on PATH. A missing tool skips its test with the package named, except under `CI=true`,
/// where the test runs and fails.
enum RecordTool: String {
    case pymarkdown, mermaidx, python = "python3"

    var package: String {
        switch self {
        case .pymarkdown: "pymarkdownlnt"
        case .mermaidx: "mermaidx"
        case .python: "pyyaml"
        }
    }

    static let isRequired = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The executable, from `.build/record-tools/bin` first, then PATH (python3 only with PyYAML).
    var path: String? {
        let venv = packageRoot + "/.build/record-tools/bin/" + rawValue
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        if self == .python { return nil }  // PATH's python3 may lack PyYAML; only the venv's is known to have it
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(rawValue)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether a test needing this tool should run: it is installed, or CI requires it.
    var shouldRun: Bool { path != nil || Self.isRequired }

    var missing: Comment {
        "\(rawValue) is not installed (PyPI package \(package)); `bash .ci/run` installs it into .build/record-tools"
    }

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs the tool with `arguments`; its standard output and error together.
    func run(_ arguments: [String]) throws -> Result {
        guard let path else { throw CmarkError(description: missing.description) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// Writes `text` to a new temporary file named `name` and returns its path.
func temporaryFile(_ text: String, name: String) throws -> String {
    let folder = NSTemporaryDirectory() + "record-tools-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
