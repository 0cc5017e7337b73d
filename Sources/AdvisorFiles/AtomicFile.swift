import AdvisorCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that it is either wholly there or not changed at all: the bytes go to a temporary
/// file in the same folder, are flushed to disk, and are renamed into place. An existing file is only
/// replaced when asked; a failure leaves the old file as it was and says what failed where.
///
/// What is replaced, and how:
/// - only regular files: a device, FIFO or socket is refused, so `--force` can never turn
///   `/dev/null` into a file;
/// - a symbolic link is resolved and its target replaced, in the target's folder, so the link stays a
///   link (a dangling link, or one to something other than a regular file, is refused);
/// - a replaced file keeps its permission bits, and its owner and group where the process may set
///   them; a new file gets 0666 less the umask (or the mode asked for).
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public enum Kind: Sendable {
            /// The file exists and replacing it was not allowed.
            case exists
            /// The file cannot be created or replaced where it is (permissions, not a regular file, no folder).
            case cannotCreate
            /// Writing or flushing failed part-way (full disk, I/O error, file size limit).
            case ioError
        }

        public var path: String
        public var reason: String
        public var kind: Kind
        public var exists: Bool { kind == .exists }
        public var description: String { "\(PrintableText.escapedPath(path)): \(reason)" }
    }

    /// Writes `text` to `path`; returns the path of the file actually written (a link's target).
    @discardableResult
    public static func write(_ text: String, to path: String, replace: Bool, mode: mode_t? = nil) throws(WriteError) -> String {
        try write(Array(text.utf8), to: path, replace: replace, mode: mode)
    }

    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool, mode: mode_t? = nil) throws(WriteError) -> String {
        let target = try destination(of: path, replace: replace)
        var old = stat()
        let replacing = lstat(target, &old) == 0
        let folder = directory(of: target)
        var template = ((folder == "." ? "" : folder + "/") + temporaryName).utf8CString
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw systemError(path, "cannot create a file in \(folder)", .cannotCreate) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var finished = false
        defer {
            if !finished { unlink(temporary) }
        }
        do throws(WriteError) {
            try writeAll(bytes, to: fd, path: path)
            if replacing {
                // Owner first: fchown may clear set-id bits, which fchmod then sets back. Not being
                // allowed to give the file to its old owner (not root) leaves it ours, with the old mode.
                _ = fchown(fd, old.st_uid, old.st_gid)
            }
            let permissions = mode ?? (replacing ? old.st_mode & 0o7777 : 0o666 & ~currentUmask())
            guard fchmod(fd, permissions) == 0 else { throw systemError(path, "cannot set the file's mode", .cannotCreate) }
            guard fsync(fd) == 0 else { throw systemError(path, "cannot flush to disk", .ioError) }
        } catch {
            close(fd)
            throw error
        }
        // close(2) can still report a write the file system deferred (NFS, quotas).
        guard close(fd) == 0 else { throw systemError(path, "cannot write", .ioError) }
        if replace {
            guard rename(temporary, target) == 0 else { throw systemError(path, "cannot move into place", .cannotCreate) }
        } else {
            // link(2) fails if the name exists, so a file created meanwhile is never overwritten.
            guard link(temporary, target) == 0 else {
                throw errno == EEXIST ? WriteError(path: path, reason: existsReason, kind: .exists)
                    : systemError(path, "cannot move into place", .cannotCreate)
            }
            unlink(temporary)
        }
        finished = true
        syncDirectory(folder)
        return target
    }

    static let existsReason = "already exists; pass --force to replace it"

    /// The temporary file's name, whatever the target's: a fixed 23 bytes (mkstemp fills in the X's),
    /// so a target named with the full 255 bytes NAME_MAX allows can still be written.
    static let temporaryName = ".runtime-advisor-XXXXXX"

    /// The file to write for `path`: the path itself, or a symbolic link's resolved target. Refuses
    /// what must not be replaced.
    static func destination(of path: String, replace: Bool) throws(WriteError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return path }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realPath(path), stat(resolved, &info) == 0 else {
                throw WriteError(path: path, reason: "is a symbolic link to a file that does not exist", kind: .cannotCreate)
            }
            target = resolved
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw WriteError(path: path, reason: "is a directory", kind: .cannotCreate)
        default:
            let what = info.st_mode & S_IFMT == S_IFIFO ? "a FIFO" : info.st_mode & S_IFMT == S_IFSOCK ? "a socket" : "a device"
            throw WriteError(path: path, reason: "is \(what), not a regular file; only regular files are replaced",
                             kind: .cannotCreate)
        }
        if !replace { throw WriteError(path: path, reason: existsReason, kind: .exists) }
        return target
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(WriteError) {
        var remaining = bytes[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw systemError(path, "cannot write", .ioError)
            }
            if written == 0 {
                errno = EIO
                throw systemError(path, "cannot write", .ioError)
            }
            remaining = remaining.dropFirst(written)
        }
    }

    private static func systemError(_ path: String, _ action: String, _ kind: WriteError.Kind) -> WriteError {
        WriteError(path: path, reason: "\(action): \(String(cString: strerror(errno)))", kind: kind)
    }

    /// The umask, read the only way POSIX allows (set and put back).
    static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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
}
