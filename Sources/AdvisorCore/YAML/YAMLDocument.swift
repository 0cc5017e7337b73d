import Yams

/// Turns bytes into a YAML tree, or into diagnostics that name the line; never into a crash.
public enum YAMLDocument {
    /// Limits that keep hostile input cheap: alias expansion and nesting are bounded, and checked from
    /// the parser's events before a tree is composed (see `YAMLShapeCheck`).
    public struct Limits: Sendable {
        public var maxNodes: Int
        public var maxDepth: Int
        /// Answers files have no use for anchors and aliases; knowledge-base files may use them within the budget.
        public var allowsAliases: Bool
        /// What the refused aliases' message calls these files.
        public var fileKind = "answers files"
        public static let answers = Limits(maxNodes: 20_000, maxDepth: 32, allowsAliases: false)
        public static let priceBook = Limits(maxNodes: 20_000, maxDepth: 32, allowsAliases: false, fileKind: "price books")
        public static let knowledgeBase = Limits(maxNodes: 200_000, maxDepth: 32, allowsAliases: true)
    }

    /// Decodes UTF-8 (dropping a byte-order mark) and parses one YAML document.
    /// Returns nil for an empty document; throws the problems found.
    public static func parse(bytes: [UInt8], file: String, limits: Limits) throws(DiagnosticError) -> Node? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            let line = body[..<nul].filter { $0 == 0x0A }.count + 1
            throw DiagnosticError([Diagnostic(SourceLocation(file: file, line: line),
                                              "contains a NUL byte; this is binary data, not YAML")])
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(body)
            let line = body.prefix(offset).filter { $0 == 0x0A }.count + 1
            throw DiagnosticError([Diagnostic(SourceLocation(file: file, line: line),
                                              "is not UTF-8 text (invalid byte at offset \(offset))",
                                              expected: "a UTF-8 YAML file")])
        }
        return try parse(text: text, file: file, limits: limits)
    }

    public static func parse(text: String, file: String, limits: Limits) throws(DiagnosticError) -> Node? {
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].filter { $0 == 0x0A }.count + 1
            throw DiagnosticError([Diagnostic(SourceLocation(file: file, line: line),
                                              "contains a NUL byte; this is binary data, not YAML")])
        }
        if let problem = YAMLShapeCheck.firstProblem(in: text, limits: limits) {
            throw DiagnosticError([Diagnostic(SourceLocation(file: file, line: problem.line, column: problem.column),
                                              problem.message)])
        }
        let node: Node?
        do {
            // The basic resolver skips Yams's regular-expression tag resolution: every reader here types
            // scalars itself, and the regexes were most of the cost of loading the knowledge base.
            let parser = try Parser(yaml: text, resolver: .basic)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            throw DiagnosticError([diagnostic(for: error, text: text, file: file)])
        } catch {
            throw DiagnosticError([Diagnostic(SourceLocation(file: file), "could not be parsed as YAML")])
        }
        return node
    }

    public static func location(of node: Node, file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    private static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark, _ problem: String) -> Diagnostic {
            Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column),
                       "is not valid YAML: \(shortened(problem))")
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return at(mark, problem)
        case .reader(let problem, let offset, _, _):
            let line = offset.map { text.utf8.prefix($0).filter { $0 == 0x0A }.count + 1 }
            return Diagnostic(SourceLocation(file: file, line: line), "cannot be read as YAML: \(shortened(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let again = laterOccurrence(of: key, after: context.mark, in: text)
            return Diagnostic(SourceLocation(file: file, line: again?.line ?? context.mark.line,
                                             column: again?.column ?? context.mark.column),
                              key: key, "appears twice in the same mapping (first at line \(context.mark.line))",
                              expected: "each key once")
        default:
            return Diagnostic(SourceLocation(file: file), "could not be parsed as YAML")
        }
    }

    /// The line where a duplicated key appears again, found by its indentation, for a precise message.
    private static func laterOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber > mark.line else { continue }
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if indent == mark.column - 1, rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") {
                return (lineNumber, indent + 1)
            }
        }
        return nil
    }

    private static func shortened(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 160 ? String(oneLine.prefix(160)) + "…" : oneLine
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
