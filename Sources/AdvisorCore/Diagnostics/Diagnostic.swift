/// Where something is in a file. Lines and columns count from 1.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0) < (b.file, b.line ?? 0, b.column ?? 0)
    }

    public var description: String {
        var text = PrintableText.escapedPath(file)
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// One problem in an input file: what is wrong, where, and what was expected.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The dotted key the problem is about, such as `workload.agents`.
    public var key: String?
    public var message: String
    public var expected: String?
    public var suggestion: String?
    /// The edit that fixes it, shown on its own line, such as `add under identity:   provider: okta`.
    public var fix: String?

    public init(_ location: SourceLocation, key: String? = nil, _ message: String,
                expected: String? = nil, suggestion: String? = nil, fix: String? = nil) {
        self.location = location
        self.key = key
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
        self.fix = fix
    }

    public var description: String {
        var text = "\(location.description): error: "
        if let key, !key.isEmpty { text += "\(key): " }
        text += message
        if let expected { text += " (expected \(expected))" }
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        if let fix { text += "\n    " + fix }
        return text
    }
}

/// Every problem found in one pass, so a user can fix them all at once.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// What kind of input was refused; decides the exit code.
    public enum Kind: Sendable { case invalidInput, unreadable }

    public var kind: Kind
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic], kind: Kind = .invalidInput) {
        self.kind = kind
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
