import AdvisorCore

/// The price book a record's costs used: named in its front matter, embedded in a `yaml price-book`
/// block, so a re-check or a superseding record re-runs with the same prices.
public struct RecordedPriceBook: Sendable {
    public var name: String
    public var asOf: Day?
    public var sha256: String?
    /// The list rates your rates replaced when the record was written, by meter id.
    public var listUSD: [String: Double]
    /// The embedded price book's lines, each ending in a newline; nil when the record has no block.
    public var text: String?
    /// The record's line holding the block's first line.
    public var line: Int
    public var file: String

    /// Whether the embedded block still has the digest the record was written with (nil: no digest or no block).
    public var matchesDigest: Bool? {
        guard let sha256, let text else { return nil }
        return sha256 == SHA256.hex(text)
    }

    /// The embedded price book read against `knowledgeBase`; problems point at the record's own lines.
    public func read(knowledgeBase: KnowledgeBase) throws(DiagnosticError) -> PriceBook {
        guard let text else {
            throw RecordReader.problem(file, line: nil, "names the price book '\(name)' in its front matter but does not embed it",
                                       expected: "a fenced ```yaml price-book block, or --prices FILE")
        }
        func moved(_ location: SourceLocation) -> SourceLocation {
            var location = location
            location.line = location.line.map { $0 + line - 1 } ?? line
            return location
        }
        do {
            var book = try PriceBookParser.parse(bytes: Array(text.utf8), file: file, knowledgeBase: knowledgeBase)
            book.asOfWritten.location = moved(book.asOfWritten.location)
            for index in book.rates.indices { book.rates[index].written.location = moved(book.rates[index].written.location) }
            return book
        } catch {
            throw DiagnosticError(error.diagnostics.map { diagnostic in
                var moved = diagnostic
                moved.location.line = diagnostic.location.line.map { $0 + line - 1 } ?? line
                return moved
            }, kind: .invalidInput)
        }
    }
}

extension RecordReader {
    /// `price-book`, `price-book-as-of`, `price-book-sha256` and `price-book-list-usd` from the front
    /// matter, and the embedded block; nil when the record names no price book.
    static func recordedPriceBook(_ fields: Fields, reader: YAMLReader, lines: RecordLines, after start: Int,
                                  file: String) -> RecordedPriceBook? {
        guard let name = fields.optionalString("price-book", maxLength: 200) else { return nil }
        var listUSD: [String: Double] = [:]
        if let rates = mapping(fields, "price-book-list-usd", reader) {
            for key in rates.keys {
                if let rate = rates.value(key).flatMap({ reader.number($0, key: rates.key(key)) }) { listUSD[key] = rate }
            }
        }
        let block = lines.priceBookBlock(after: start)
        return RecordedPriceBook(name: name, asOf: fields.day("price-book-as-of"),
                                 sha256: fields.optionalString("price-book-sha256", maxLength: 64), listUSD: listUSD,
                                 text: block.map { lines.text($0.content) }, line: (block?.content.lowerBound ?? 0) + 1, file: file)
    }
}
