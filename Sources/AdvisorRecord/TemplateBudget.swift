import AdvisorCore

/// Bounds what a user's `--template` may cost before it is rendered. Mustache sections repeat their
/// content once per list item, so nested sections multiply: eight nested `{{#options}}` in a 201-byte
/// template are 6^8 renders, minutes of work. Rendering cannot be interrupted, so the template is
/// measured first against the data it will get: how deep sections nest, how many tags it has, how
/// many tag renders it implies and how many bytes it could write.
public struct TemplateBudget: Sendable {
    public var maxTemplateBytes = 256 << 10
    public var maxTags = 10_000
    public var maxDepth = 12
    /// Tag renders: the built-in record needs a few thousand.
    public var maxRenders = 500_000
    public var maxOutputBytes = 16 << 20

    public init() {}

    /// Throws, naming the template and the limit hit, when rendering `template` with `data` could exceed
    /// a limit. The estimate is an upper bound: every section is counted at the longest list of its name.
    public func check(_ template: String, file: String, data: RecordData) throws(DiagnosticError) {
        try check(template, file: file, shape: TemplateContext(data).shape)
    }

    /// `check`, with the data's shape measured already (rendering measures it while building its context).
    func check(_ template: String, file: String, shape: DataShape) throws(DiagnosticError) {
        func refuse(_ message: String, expected: String) -> DiagnosticError {
            DiagnosticError([Diagnostic(SourceLocation(file: file), message, expected: expected)])
        }
        guard template.utf8.count <= maxTemplateBytes else {
            throw refuse("is \(template.utf8.count) bytes", expected: "a template of at most \(maxTemplateBytes) bytes")
        }
        var stack: [(name: String, multiplier: Double)] = []
        var multiplier = 1.0, renders = 0.0, output = 0.0, tags = 0
        for token in MustacheTokens(template) {
            switch token {
            case .text(let count):
                output += multiplier * Double(count)
            case .tag(let kind, let name, let line):
                tags += 1
                guard tags <= maxTags else {
                    throw refuse("has more than \(maxTags) tags", expected: "at most \(maxTags) tags")
                }
                renders += multiplier
                switch kind {
                case .section, .inverted, .block:
                    // An inverted section, a block or a parent renders at most once; a section once per item of its list.
                    let repeats = kind == .section ? Double(max(1, shape.longestList[lastComponent(name)] ?? 1)) : 1
                    stack.append((name, repeats))
                    multiplier *= repeats
                    guard stack.count <= maxDepth else {
                        throw refuse("nests sections \(stack.count) deep at line \(line) ('\(PrintableText.escapedPath(name))')",
                                     expected: "sections nested at most \(maxDepth) deep")
                    }
                case .close:
                    if let open = stack.popLast() { multiplier /= open.multiplier }
                case .variable:
                    // `{{.}}` is the current item: a text of the enclosing section's list.
                    let key = name == "." ? stack.last.map { lastComponent($0.name) } ?? "" : lastComponent(name)
                    output += multiplier * Double(shape.longestText[key] ?? 0)
                case .delimiters, .other:
                    break
                }
                guard renders <= Double(maxRenders) else {
                    throw refuse("needs more than \(maxRenders) tag renders with this record's data (line \(line), "
                                 + "nested sections multiply: \(PrintableText.escapedPath(stack.map(\.name).joined(separator: " > "))))",
                                 expected: "a render budget of at most \(maxRenders) tag renders")
                }
                guard output <= Double(maxOutputBytes) else {
                    throw refuse("could write more than \(maxOutputBytes) bytes with this record's data (line \(line))",
                                 expected: "a record of at most \(maxOutputBytes) bytes")
                }
            }
        }
    }

    private func lastComponent(_ name: String) -> String {
        name.split(separator: ".").last.map(String.init) ?? name
    }
}

/// The tags of a Mustache template, with the set-delimiter tag honoured, in order.
struct MustacheTokens: Sequence, IteratorProtocol {
    /// `block` is a block (`$`) or a parent (`<`), closed like a section; `delimiters` sets them (`=`).
    enum Kind { case section, inverted, block, close, variable, delimiters, other }
    enum Token {
        case text(Int)
        case tag(Kind, name: String, line: Int)
    }

    private let bytes: [UInt8]
    /// The offset just after the last token returned.
    private(set) var index = 0
    private var line = 1
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ template: String) { bytes = Array(template.utf8) }

    mutating func next() -> Token? {
        guard index < bytes.count else { return nil }
        guard let start = find(open, from: index) else {
            defer { index = bytes.count }
            return .text(bytes.count - index)
        }
        if start > index {
            line += newlines(index..<start)
            defer { index = start }
            return .text(start - index)
        }
        let contentStart = start + open.count
        // Triple mustaches end with one more brace than their close delimiter.
        let triple = open == Array("{{".utf8) && contentStart < bytes.count && bytes[contentStart] == UInt8(ascii: "{")
        guard let end = find(triple ? Array("}}}".utf8) : close, from: contentStart) else {
            defer { index = bytes.count }
            return .text(bytes.count - index)
        }
        let tagLine = line
        line += newlines(contentStart..<end)
        index = end + (triple ? 3 : close.count)
        let trimmed = trimming(contentStart..<end) { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        guard let first = trimmed.first.map({ bytes[$0] }) else { return .tag(.other, name: "", line: tagLine) }
        let afterSigil = trimming(trimmed.dropFirst()) { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        let name = text(afterSigil)
        switch first {
        case UInt8(ascii: "#"): return .tag(.section, name: name, line: tagLine)
        case UInt8(ascii: "^"): return .tag(.inverted, name: name, line: tagLine)
        case UInt8(ascii: "$"), UInt8(ascii: "<"): return .tag(.block, name: name, line: tagLine)
        case UInt8(ascii: "/"): return .tag(.close, name: name, line: tagLine)
        case UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "%"): return .tag(.other, name: name, line: tagLine)
        case UInt8(ascii: "="):
            let delimiters = bytes[trimmed.dropFirst().dropLast()].split(separator: 0x20, omittingEmptySubsequences: true)
            if delimiters.count == 2 {
                open = Array(delimiters[0])
                close = Array(delimiters[1])
            }
            return .tag(.delimiters, name: "", line: tagLine)
        case UInt8(ascii: "&"), UInt8(ascii: "{"):
            return .tag(.variable, name: text(trimming(afterSigil) { $0 == UInt8(ascii: "}") }), line: tagLine)
        default: return .tag(.variable, name: text(trimmed), line: tagLine)
        }
    }

    private func newlines(_ range: Range<Int>) -> Int {
        var count = 0
        for position in range where bytes[position] == 0x0A { count += 1 }
        return count
    }

    /// `range` without the bytes `drop` matches at either end.
    private func trimming(_ range: Range<Int>, _ drop: (UInt8) -> Bool) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, drop(bytes[lower]) { lower += 1 }
        while upper > lower, drop(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            if bytes[position] == needle[0], bytes[position..<(position + needle.count)].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }
}
