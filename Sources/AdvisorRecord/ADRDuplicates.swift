import AdvisorCore
import Foundation

extension ADRFolder {
    /// The first record in `directory` (a `NNNN-title.md` file) whose front matter carries this
    /// `answers-sha256` and which is not superseded: the same answers written twice. nil when none.
    /// Files that cannot be read are skipped; this is a warning, not a check of the folder.
    public static func recordWithSameAnswers(_ digest: String, in directory: String, names: [String]) -> String? {
        for name in names where number(ofFileName: name) != nil {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            // The front matter is at the top: the first 8 KiB hold it.
            let head = String(decoding: handle.readData(ofLength: 8_192), as: UTF8.self)
            try? handle.close()
            let lines = head.split(separator: "\n").prefix { $0 != "---" || head.hasPrefix("---") }
            let sameDigest = lines.contains { $0.hasPrefix("answers-sha256:") && $0.contains(digest) }
            let superseded = lines.contains { $0.hasPrefix("status:") && $0.contains("superseded") }
            if sameDigest && !superseded { return path }
        }
        return nil
    }
}
