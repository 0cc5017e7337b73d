import AdvisorCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads a `--data` folder whole or not at all. Every entry is either read (`*.yaml`), skipped on
/// purpose (`*.md` documentation and the top-level `examples/` folder), or an error naming it: a file
/// with another extension (`.yml`), a name that is not UTF-8, a folder nested too deep, or a symbolic
/// link that leaves the folder (never followed, so its target's lines are never quoted), loops or
/// leads to nothing. The YAML in all is capped too, so forty files just under the per-file cap
/// cannot exhaust memory; either cap is invalid input (65), like the answers file's.
enum KnowledgeFolder {
    static let maxFileBytes = 4 << 20
    static let maxTotalBytes = 8 << 20
    /// stacks/ and rules/ are one level down; anything below four levels is not a knowledge base.
    static let maxDepth = 4

    static func read(_ directory: String) throws(DiagnosticError) -> [String: [UInt8]] {
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, let root = realPath(directory) else {
            throw DiagnosticError([Diagnostic(SourceLocation(file: directory), "is not a readable directory",
                                              expected: "a knowledge-base folder like Data/")], kind: .unreadable)
        }
        var walk = Walk(root: root)
        walk.visit(directory, depth: 0)
        var problems = walk.problems
        let total = walk.yamlFiles.reduce(0) { $0 + $1.size }
        if total > maxTotalBytes {
            problems.append(Diagnostic(SourceLocation(file: directory),
                                       "holds \(Format.fixed(Double(total), 0)) bytes of YAML",
                                       expected: "a knowledge base of at most \(Format.fixed(Double(maxTotalBytes), 0)) bytes in all"))
        }
        // A folder that holds what the loader would not read is an invalid knowledge base (65), not an unreadable one.
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        var files: [String: [UInt8]] = [:]
        var unreadable = false
        for file in walk.yamlFiles {
            do { files[file.path] = try InputFile.read(file.path, maxBytes: maxFileBytes) } catch {
                problems += error.diagnostics
                // A file over its cap was read well enough to refuse (65, like the total cap); one
                // that cannot be opened is unreadable (66).
                unreadable = unreadable || error.kind == .unreadable
            }
        }
        guard problems.isEmpty else { throw DiagnosticError(problems, kind: unreadable ? .unreadable : .invalidInput) }
        return files
    }

    /// The YAML files `read` would read, found by the same walk without reading them (nothing for a
    /// folder that is not one): what an output must not replace.
    static func yamlPaths(in directory: String) -> [String] {
        guard let root = realPath(directory) else { return [] }
        var walk = Walk(root: root)
        walk.visit(directory, depth: 0)
        return walk.yamlFiles.map(\.path)
    }

    private struct Walk {
        let root: String
        var yamlFiles: [(path: String, size: Int)] = []
        var problems: [Diagnostic] = []

        mutating func refuse(_ path: String, _ message: String, expected: String? = nil) {
            problems.append(Diagnostic(SourceLocation(file: path), message, expected: expected))
        }

        mutating func visit(_ directory: String, depth: Int) {
            guard let dir = opendir(directory) else {
                refuse(directory, "cannot be listed: \(String(cString: strerror(errno)))")
                return
            }
            defer { closedir(dir) }
            var entries: [(name: String, valid: Bool)] = []
            while let entry = readdir(dir) {
                let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                let valid = String(validating: raw, as: UTF8.self)
                let name = valid ?? String(decoding: raw, as: UTF8.self)
                if name == "." || name == ".." { continue }
                entries.append((name, valid != nil))
            }
            for (name, valid) in entries.sorted(by: { $0.name < $1.name }) {
                let path = KnowledgeSource.join(directory, name)
                guard valid else {
                    refuse(path, "has a name that is not UTF-8, so it cannot be read", expected: "UTF-8 file names")
                    continue
                }
                visitEntry(path, name: name, depth: depth)
            }
        }

        private mutating func visitEntry(_ path: String, name: String, depth: Int) {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                refuse(path, "cannot be read: \(String(cString: strerror(errno)))")
                return
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let target = realPath(path) else {
                    // A loop or a link to nothing leads nowhere, neither outside nor in: say which.
                    let error = errno
                    let what = error == ELOOP ? "a symbolic link loop" : error == ENOENT ? "a symbolic link to nothing"
                        : "a symbolic link that cannot be followed"
                    refuse(path, "is \(what) (\(String(cString: strerror(error))))",
                           expected: "a link to a file inside the folder given to --data")
                    return
                }
                guard target == root || target.hasPrefix(root + "/") else {
                    refuse(path, "is a symbolic link that leads outside the knowledge-base folder",
                           expected: "files inside the folder given to --data")
                    return
                }
                guard stat(path, &info) == 0 else { return }
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                if depth == 0 && name == "examples" { return }  // answers files, not knowledge
                guard depth + 1 < maxDepth else {
                    refuse(path, "is nested too deep to be read", expected: "folders at most \(maxDepth - 1) levels down")
                    return
                }
                visit(path, depth: depth + 1)
            } else if name.hasSuffix(".yaml") {
                yamlFiles.append((path, Int(info.st_size)))
            } else if !name.hasSuffix(".md") {
                refuse(path, "is not read by the knowledge-base loader",
                       expected: "*.yaml files; *.md files and examples/ are skipped")
            }
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
