import AdvisorCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which file a path names, to tell whether two paths are one file: the device and inode where the
/// file exists (so a symbolic link, a hard link and `./s.yaml` all match `s.yaml`), else the path
/// with its folder resolved (two outputs not written yet, spelt `x` and `sub/../x`).
public enum FileIdentity: Hashable, Sendable {
    case inode(device: UInt64, inode: UInt64)
    case path(String)

    public init(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            self = .inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        } else {
            self = .path(Self.resolved(path))
        }
    }

    /// Standard input, when it is a file (`--answers - < s.yaml`); nil for a pipe or a terminal,
    /// which no output can be.
    public static func standardInput() -> FileIdentity? {
        var info = stat()
        guard fstat(0, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return .inode(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The absolute path with every link in its folder followed; for a folder not there yet, the
    /// path made absolute with `.` and `..` removed.
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let folder = absolute.deletingLastPathComponent().path
        guard let real = realpath(folder, nil) else { return absolute.path }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real)).appendingPathComponent(absolute.lastPathComponent).path
    }
}

/// A file a command reads or writes, and how a message names its part in the command: for an input
/// "the answers file", for an output the option that names it, "--output".
public struct NamedFile: Sendable {
    public var role: String
    public var path: String

    public init(_ role: String, _ path: String) {
        self.role = role
        self.path = path
    }

    /// `-` is standard input, compared by what it reads from.
    var identity: FileIdentity? { path == "-" ? FileIdentity.standardInput() : FileIdentity(path) }
    var shownPath: String { path == "-" ? "- (standard input)" : PrintableText.escapedPath(path) }
}

/// An output that is also an input, or another output: writing it would destroy what the command
/// reads, or write one result over another.
public enum FileClash {
    /// One sentence per output that clashes, naming both files as given, in the order given.
    public static func find(outputs: [NamedFile], inputs: [NamedFile]) -> [String] {
        var problems: [String] = []
        var earlier: [(file: NamedFile, identity: FileIdentity)] = []
        let read = inputs.compactMap { input in input.identity.map { (file: input, identity: $0) } }
        for output in outputs {
            let identity = FileIdentity(output.path)
            if let other = (read + earlier).first(where: { $0.identity == identity })?.file {
                problems.append("\(output.role) \(output.shownPath) is also \(other.role) \(other.shownPath); choose another output")
            }
            earlier.append((output, identity))
        }
        return problems
    }

    /// Each path named again (as given, through a link or spelt differently) after its first time.
    public static func repeated(_ paths: [String]) -> [(repeat: String, first: String)] {
        var seen: [FileIdentity: String] = [:]
        var repeats: [(repeat: String, first: String)] = []
        for path in paths {
            guard let identity = NamedFile("", path).identity else { continue }
            if let first = seen[identity] {
                repeats.append((path, first))
            } else {
                seen[identity] = path
            }
        }
        return repeats
    }
}
