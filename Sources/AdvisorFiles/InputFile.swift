import AdvisorCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads input files with a size cap, refusing anything that is not a regular file, so a directory,
/// a FIFO or /dev/zero gives a clear error instead of a hang.
public enum InputFile {
    /// `-` reads standard input.
    public static func read(_ path: String, maxBytes: Int, what: String = "file") throws(DiagnosticError) -> [UInt8] {
        func refuse(_ message: String, expected: String? = nil) -> DiagnosticError {
            DiagnosticError([Diagnostic(SourceLocation(file: path), message, expected: expected)], kind: .unreadable)
        }
        if path == "-" { return try readAll(fd: 0, path: "<stdin>", maxBytes: maxBytes) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw refuse(errno == ENOENT ? "does not exist" : "cannot be read: \(String(cString: strerror(errno)))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw refuse("is a directory", expected: withArticle(what))
        case S_IFIFO: throw refuse("is a FIFO (named pipe); pass '-' to read standard input", expected: "a regular \(what)")
        case S_IFCHR, S_IFBLK: throw refuse("is a device, not a file", expected: "a regular \(what)")
        default: throw refuse("is not a regular file", expected: "a regular \(what)")
        }
        if Int(info.st_size) > maxBytes {
            throw DiagnosticError([Diagnostic(SourceLocation(file: path), "is \(Format.fixed(Double(info.st_size), 0)) bytes",
                                              expected: "at most \(Format.fixed(Double(maxBytes), 0)) bytes")])
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw refuse("cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        return try readAll(fd: fd, path: path, maxBytes: maxBytes)
    }

    /// Reads to end of file, but never more than `maxBytes` + 1, so an endless stream stops at once.
    private static func readAll(fd: Int32, path: String, maxBytes: Int) throws(DiagnosticError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DiagnosticError([Diagnostic(SourceLocation(file: path), "cannot be read: \(String(cString: strerror(errno)))")],
                                      kind: .unreadable)
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
            if bytes.count > maxBytes {
                throw DiagnosticError([Diagnostic(SourceLocation(file: path), "is larger than \(Format.fixed(Double(maxBytes), 0)) bytes",
                                                  expected: "a smaller file")])
            }
        }
    }

    /// "an answers file", "a decision record".
    static func withArticle(_ noun: String) -> String {
        (noun.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + noun
    }
}
