#if canImport(Glibc)
import Glibc
#endif

/// Writes to standard output and error with write(2): no shared FILE buffers, and a closed pipe
/// (`| head`) ends the write quietly instead of killing the process.
public enum StandardStreams {
    public static func output(_ text: String) { write(text, to: 1) }
    public static func error(_ text: String) { write(text, to: 2) }

    public static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// SIGPIPE would end the process mid-output; with it ignored, write(2) reports EPIPE instead.
    public static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }
}
