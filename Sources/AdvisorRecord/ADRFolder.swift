import Foundation

/// An ADR folder as adr-tools and MADR keep it: `NNNN-title-with-dashes.md`, numbered from 0001.
public enum ADRFolder {
    public struct FolderError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// `ADR-0007`.
    public static func label(_ number: Int) -> String { "ADR-" + padded(number) }

    /// `0007-agent-runtime.md`.
    public static func fileName(number: Int, slug: String) -> String { padded(number) + "-" + slug + ".md" }

    /// The number of a file named like `0007-anything.md` (four digits, or five past 9999), or nil.
    /// Longer runs are dates or timestamps (log4brains' `20260102-title.md`), not ADR numbers.
    public static func number(ofFileName name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard (4...5).contains(digits.count), name.dropFirst(digits.count).first == "-", name.hasSuffix(".md") else { return nil }
        return Int(digits)
    }

    /// Refuses a number past 9999 unless the folder already names records with five digits: adr-tools,
    /// MADR and log4brains sort by name, and `10000-` would sort before `9999-`.
    public static func checkNumber(_ number: Int, existing names: [String], in directory: String) throws(FolderError) {
        guard number > 9_999 else { return }
        let usesFiveDigits = names.contains { name in
            Self.number(ofFileName: name) != nil && name.prefix { $0.isASCII && $0.isNumber }.count == 5
        }
        guard usesFiveDigits else {
            throw FolderError(path: directory, reason: "already holds ADR-9999; the next record would need a five-digit "
                              + "number, which sorts wrongly among four-digit names (expected: rename the records to "
                              + "five digits, such as 00001-title.md, or use another folder)")
        }
    }

    /// One more than the highest number in use, or 1 in an empty folder.
    public static func nextNumber(existing names: [String]) -> Int {
        (names.compactMap(number(ofFileName:)).max() ?? 0) + 1
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

    /// The names of the entries in `directory`.
    public static func names(in directory: String) throws(FolderError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw FolderError(path: directory, reason: "cannot be listed: \(error.localizedDescription)")
        }
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
            let reason = (error as NSError).localizedFailureReason ?? "\(error)"
            throw FolderError(path: directory, reason: "cannot be created: \(reason)")
        }
        return true
    }

    private static func padded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
