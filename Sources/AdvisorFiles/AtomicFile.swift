import AdvisorCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that it is either wholly there or not changed at all: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and are renamed into place. An existing file is only
/// replaced when asked; a failure leaves the old file as it was and says what failed where.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        /// True when the file exists and replacing it was not allowed.
        public var exists: Bool
        public var description: String { "\(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String, replace: Bool) throws(WriteError) {
        try write(Array(text.utf8), to: path, replace: replace)
    }

    public static func write(_ bytes: [UInt8], to path: String, replace: Bool) throws(WriteError) {
        func fail(_ reason: String, exists: Bool = false) -> WriteError {
            WriteError(path: path, reason: reason, exists: exists)
        }
        func systemError(_ action: String) -> WriteError { fail("\(action): \(String(cString: strerror(errno)))") }

        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw fail("is a directory") }
            if !replace { throw fail("already exists; pass --force to replace it", exists: true) }
        }
        let folder = directory(of: path)
        var template = ((folder == "." ? "" : folder + "/") + ".\(baseName(of: path)).tmp-XXXXXX").utf8CString
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw systemError("cannot create a file in \(folder)") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var finished = false
        defer {
            if !finished { unlink(temporary) }
        }
        var remaining = bytes[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let error = systemError("cannot write")
                close(fd)
                throw error
            }
            remaining = remaining.dropFirst(written)
        }
        if fchmod(fd, 0o644) != 0 || fsync(fd) != 0 {
            let error = systemError("cannot flush to disk")
            close(fd)
            throw error
        }
        close(fd)
        if replace {
            guard rename(temporary, path) == 0 else { throw systemError("cannot move into place") }
        } else {
            // link(2) fails if the name exists, so a file created meanwhile is never overwritten.
            guard link(temporary, path) == 0 else {
                throw errno == EEXIST ? fail("already exists; pass --force to replace it", exists: true)
                    : systemError("cannot move into place")
            }
            unlink(temporary)
        }
        finished = true
        syncDirectory(folder)
    }

    /// Makes the rename itself durable.
    private static func syncDirectory(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
