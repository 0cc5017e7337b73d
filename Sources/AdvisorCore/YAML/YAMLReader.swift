import Yams

/// Reads typed values out of one YAML file, collecting every problem instead of stopping at the first.
public final class YAMLReader {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    public func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    public func error(_ node: Node?, key: String?, _ message: String,
                      expected: String? = nil, suggestion: String? = nil, fix: String? = nil) {
        diagnostics.append(Diagnostic(location(node), key: key, message, expected: expected, suggestion: suggestion, fix: fix))
    }

    /// The mapping at `node`, ready to be read key by key; nil (with an error) if it is not a mapping.
    public func fields(_ node: Node, path: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, key: path, "must be a mapping of keys to values", expected: "key: value lines")
            return nil
        }
        var entries: [Fields.Entry] = []
        for (keyNode, value) in mapping {
            guard let name = plainString(keyNode) else {
                error(keyNode, key: path, "has a key that is not a plain word")
                continue
            }
            entries.append(Fields.Entry(name: name, keyNode: keyNode, value: value))
        }
        return Fields(reader: self, path: path, node: node, entries: entries)
    }

    /// The elements of a sequence; nil (with an error) if `node` is not one.
    public func sequence(_ node: Node, key: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(node, key: key, "must be a list", expected: "a list of items, each on a line starting with '- '")
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    public func plainString(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    public func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    public func string(_ node: Node, key: String, maxLength: Int = 2_000) -> String? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            error(node, key: key, isNull(node) ? "is empty" : "must be text, not a list or mapping",
                  expected: "text")
            return nil
        }
        if scalar.string.count > maxLength {
            error(node, key: key, "is \(scalar.string.count) characters long", expected: "at most \(maxLength)")
            return nil
        }
        return scalar.string
    }

    public func number(_ node: Node, key: String) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            error(node, key: key, "must be a number", expected: "a plain number such as 12 or 0.5")
            return nil
        }
        let text = scalar.string
        if [".nan", ".NaN", ".NAN"].contains(text) || text.lowercased().hasSuffix(".inf") {
            error(node, key: key, "must be a finite number, got \(text)")
            return nil
        }
        switch DecimalNumber.read(text) {
        case .value(let value):
            return value
        case .ambiguous(let why, let write):
            error(node, key: key, "is '\(Self.quoted(text))', \(why)", expected: "a plain decimal number such as \(write)")
        case .notANumber:
            error(node, key: key, "must be a number, got '\(Self.quoted(text))'", expected: "a plain number such as 12 or 0.5")
        }
        return nil
    }

    public func bool(_ node: Node, key: String) -> Bool? {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        let got = plainString(node).map { ", got '\(Self.quoted($0))'" } ?? ""
        error(node, key: key, "must be true or false\(got)", expected: "true or false")
        return nil
    }

    public func day(_ node: Node, key: String) -> Day? {
        guard let text = plainString(node), let day = Day(text) else {
            error(node, key: key, "must be a date", expected: "YYYY-MM-DD")
            return nil
        }
        return day
    }

    /// A short, printable excerpt of user text for an error message.
    static func quoted(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        return cleaned.count > 40 ? String(cleaned.prefix(40)) + "…" : cleaned
    }
}

/// The keys of one mapping. Every key asked for is remembered, so `finish()` can flag the rest as unknown.
public final class Fields {
    struct Entry {
        let name: String
        let keyNode: Node
        let value: Node
    }

    public let reader: YAMLReader
    public let path: String
    public let node: Node
    let entries: [Entry]
    private var asked: [String] = []

    init(reader: YAMLReader, path: String, node: Node, entries: [Entry]) {
        self.reader = reader
        self.path = path
        self.node = node
        self.entries = entries
    }

    public var keys: [String] { entries.map(\.name) }

    public func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// The value under `name`, or nil. Marks the key as known.
    public func value(_ name: String) -> Node? {
        asked.append(name)
        return entries.first { $0.name == name }?.value
    }

    public func keyNode(_ name: String) -> Node? { entries.first { $0.name == name }?.keyNode }

    public func required(_ name: String, expected: String? = nil) -> Node? {
        guard let value = value(name) else {
            reader.error(node, key: key(name), "is missing", expected: expected)
            return nil
        }
        return value
    }

    public func string(_ name: String, maxLength: Int = 2_000) -> String? {
        required(name, expected: "text").flatMap { reader.string($0, key: key(name), maxLength: maxLength) }
    }

    public func optionalString(_ name: String, maxLength: Int = 2_000) -> String? {
        value(name).flatMap { reader.string($0, key: key(name), maxLength: maxLength) }
    }

    public func number(_ name: String, atLeast minimum: Double = 0) -> Double? {
        guard let value = required(name, expected: "a number").flatMap({ reader.number($0, key: key(name)) }) else {
            return nil
        }
        if value < minimum {
            reader.error(self.value(name), key: key(name), "must not be below \(minimum), got \(value)")
            return nil
        }
        return value
    }

    public func day(_ name: String) -> Day? {
        value(name).flatMap { reader.day($0, key: key(name)) }
    }

    /// A value that must be one of `choices`; suggests the nearest on a typo.
    public func choice(_ name: String, from choices: [String], default fallback: String? = nil) -> String? {
        guard let node = fallback == nil ? required(name, expected: choices.joined(separator: " | ")) : value(name) else {
            return fallback
        }
        guard let text = reader.string(node, key: key(name)) else { return nil }
        guard choices.contains(text) else {
            reader.error(node, key: key(name), "'\(YAMLReader.quoted(text))' is not a known value",
                         expected: choices.joined(separator: " | "),
                         suggestion: DidYouMean.suggestion(for: text, among: choices))
            return nil
        }
        return text
    }

    /// A list of texts; a single text is accepted as a list of one.
    public func stringList(_ name: String, required isRequired: Bool = false) -> [String]? {
        guard let node = isRequired ? required(name, expected: "a list") : value(name) else { return nil }
        if case .scalar = node { return reader.string(node, key: key(name)).map { [$0] } }
        guard let items = reader.sequence(node, key: key(name)) else { return nil }
        return items.compactMap { reader.string($0, key: key(name)) }
    }

    /// Reports every key nobody asked for, with the nearest known key as a suggestion.
    public func finish() {
        var known: [String] = []
        for name in asked where !known.contains(name) { known.append(name) }
        for entry in entries where !known.contains(entry.name) {
            reader.error(entry.keyNode, key: key(entry.name), "is not a known key",
                         expected: known.isEmpty ? nil : "one of \(known.joined(separator: ", "))",
                         suggestion: DidYouMean.suggestion(for: entry.name, among: known))
        }
    }
}
