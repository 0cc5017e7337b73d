#if canImport(Glibc)
import Glibc
#endif

/// Writes to standard output and error with write(2): no shared FILE buffers, every result checked,
/// and a closed pipe (`| head`) ends the output quietly instead of killing the process.
public enum StandardStreams {
    public enum WriteResult: Equatable, Sendable {
        case written
        /// The reader went away (EPIPE): normal for `| head`, so not an error.
        case pipeClosed
        /// Any other failure, such as a full disk (ENOSPC) or a file too large (EFBIG): the errno.
        case failed(Int32)
    }

    /// The first failed write to standard output, so the run can end with exit 74 even when the write
    /// happened where it could not be reported at once (the plain prompts).
    nonisolated(unsafe) public private(set) static var outputFailure: Int32?
    nonisolated(unsafe) private static var outputClosed = false

    @discardableResult
    public static func output(_ text: String) -> WriteResult {
        if outputClosed { return .pipeClosed }
        let result = write(text, to: 1)
        switch result {
        case .written: break
        case .pipeClosed: outputClosed = true
        case .failed(let error): if outputFailure == nil { outputFailure = error }
        }
        return result
    }

    /// Standard error has nowhere to report its own failures; they are ignored.
    public static func error(_ text: String) { _ = write(text, to: 2) }

    /// Writes all of `text`, retrying short writes and EINTR.
    public static func write(_ text: String, to fd: Int32) -> WriteResult {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno == EPIPE ? .pipeClosed : .failed(errno)
            }
            if written == 0 { return .failed(EIO) }
            bytes = bytes.dropFirst(written)
        }
        return .written
    }

    /// Signals that would end the process in the middle of a write: with SIGPIPE ignored write(2)
    /// reports EPIPE instead, and with SIGXFSZ ignored a file over `ulimit -f` fails with EFBIG, so
    /// the temporary file is removed and the error reported.
    public static func ignoreWriteSignals() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    public static func describe(_ error: Int32) -> String { String(cString: strerror(error)) }
}
