import AdvisorCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An ADR folder as adr-tools and MADR keep it: `NNNN-title-with-dashes.md`, numbered from 0001.
public enum ADRFolder {
    public struct FolderError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(PrintableText.escapedPath(path)): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// `ADR-0007`.
    public static func label(_ number: Int) -> String { "ADR-" + padded(number) }

    /// `0007-agent-runtime.md`.
    public static func fileName(number: Int, slug: String) -> String { padded(number) + "-" + slug + ".md" }

    /// Record numbers have four digits, or five in a folder that already has a five-digit record.
    public static let maxFourDigitNumber = 9_999
    public static let maxNumber = 99_999

    /// What a file name says about numbering.
    public enum Numbered: Equatable, Sendable {
        /// `0007-anything.md`: record 7, written with `digits` digits.
        case record(Int, digits: Int)
        /// Not a numbered record: no digits, fewer than four, no dash after them, not `.md`, or a
        /// date-named file (`20260102-title.md`, as log4brains names them).
        case other
        /// Numbered like a record but with a number no ADR folder reaches (more than five digits).
        case absurd
    }

    /// Reads a file name without ever overflowing: the digits are counted before they are converted.
    public static func classify(_ name: String) -> Numbered {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 4, name.dropFirst(digits.count).first == "-", name.hasSuffix(".md") else { return .other }
        if digits.count == 8, isDate(digits) { return .other }
        guard digits.count <= 5, let number = Int(digits) else { return .absurd }
        return .record(number, digits: digits.count)
    }

    /// The number of a file named like `0007-anything.md` (four or five digits), or nil.
    public static func number(ofFileName name: String) -> Int? {
        if case .record(let number, _) = classify(name) { return number }
        return nil
    }

    /// One more than the highest number in use, or 1 in an empty folder. Refuses a folder holding a
    /// record-like name with an absurd number, and going past 9999 unless the folder already uses
    /// five digits (other ADR tools sort and parse four), with an error naming `directory`.
    public static func nextNumber(existing names: [String], in directory: String = ".") throws(FolderError) -> Int {
        var highest = 0
        var fiveDigits = false
        for name in names {
            switch classify(name) {
            case .other: continue
            case .absurd:
                throw FolderError(path: directory, reason: "holds '\(PrintableText.escapedPath(name))', whose number is too large "
                                  + "for a record (expected at most \(maxNumber)); rename or move it")
            case .record(let number, let digits):
                highest = max(highest, number)
                fiveDigits = fiveDigits || digits == 5
            }
        }
        let next = highest + 1
        let limit = fiveDigits ? maxNumber : maxFourDigitNumber
        guard next <= limit else {
            throw FolderError(path: directory, reason: fiveDigits
                ? "has no record number left (the highest is \(highest); expected at most \(maxNumber))"
                : "has no four-digit record number left (the highest is \(highest)); rename one record to five digits "
                  + "(such as 09999-title.md) to go on with five-digit numbers")
        }
        return next
    }

    /// Runs `body` holding an exclusive lock on `directory` (flock on the folder itself, so nothing is
    /// left behind): two advisors writing into one ADR folder never pick the same number.
    public static func withLock<T>(_ directory: String, _ body: () throws -> T) throws -> T {
        try withLocks([directory], body)
    }

    /// Runs `body` holding exclusive locks on every folder in `directories` (one lock for two paths to
    /// the same folder), taken in the order of the folders' device and inode numbers, so two advisors
    /// that need the same two folders never wait for each other.
    public static func withLocks<T>(_ directories: [String], _ body: () throws -> T) throws -> T {
        var folders: [(fd: Int32, path: String, key: [UInt64])] = []
        // Closing a descriptor releases its lock.
        defer { folders.forEach { close($0.fd) } }
        for directory in directories {
            let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else {
                throw FolderError(path: directory, reason: "cannot be opened: \(String(cString: strerror(errno)))")
            }
            var info = stat()
            fstat(fd, &info)
            let key = [UInt64(info.st_dev), UInt64(info.st_ino)]
            // flock twice on one folder through two descriptors would wait for itself.
            if folders.contains(where: { $0.key == key }) {
                close(fd)
                continue
            }
            folders.append((fd, directory, key))
        }
        for folder in folders.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            while flock(folder.fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    throw FolderError(path: folder.path, reason: "cannot be locked: \(String(cString: strerror(errno)))")
                }
            }
        }
        return try body()
    }

    private static func isDate(_ digits: Substring) -> Bool {
        guard let value = Int(digits) else { return false }
        let (year, month, day) = (value / 10_000, value / 100 % 100, value % 100)
        return (1900...2999).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    /// Lower-case ASCII letters and digits joined by single dashes, at most `maxLength` characters
    /// (cut at a dash where there is one), accents dropped (`Über` is `uber`); `decision` if nothing is left.
    public static func slug(_ title: String, maxLength: Int = 60) -> String {
        var words: [String] = []
        var current = ""
        for scalar in title.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maxLength {
                if slug.isEmpty { slug = String(word.prefix(maxLength)) }
                break
            }
            slug = next
        }
        return slug.isEmpty ? "decision" : slug
    }

    /// The names of the entries in `directory` (a name that is not UTF-8 is read with U+FFFD, which
    /// never looks like a record number).
    public static func names(in directory: String) throws(FolderError) -> [String] {
        guard let dir = opendir(directory) else {
            // strerror, not Foundation's message: that one quotes the path unescaped.
            throw FolderError(path: directory, reason: "cannot be listed: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Makes sure `directory` is a folder, creating it and any missing parents.
    /// Returns true when it was created.
    @discardableResult
    public static func prepare(_ directory: String) throws(FolderError) -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw FolderError(path: directory, reason: "exists and is not a folder") }
            return false
        }
        // Like `mkdir -p`: a first record in a repository usually needs docs/ and docs/adr/ both.
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            // Escaped: Foundation's reason may quote the path, newlines and all.
            let reason = PrintableText.escapedPath((error as NSError).localizedFailureReason ?? "\(error)")
            throw FolderError(path: directory, reason: "cannot be created: \(reason)")
        }
        return true
    }

    private static func padded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
