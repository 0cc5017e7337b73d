import AdvisorCore

/// Where your prices come from: a price-book file given on the command line, or in RUNTIME_ADVISOR_PRICES.
public enum PriceSource {
    /// The price book a run reads: the one given, else RUNTIME_ADVISOR_PRICES's; nil for list prices.
    public static func resolvedPath(_ given: String?) -> String? {
        given ?? KnowledgeSource.environment("RUNTIME_ADVISOR_PRICES")
    }

    /// Reads and checks a price book against the knowledge base it will price; `-` is standard input.
    public static func load(_ path: String, knowledgeBase: KnowledgeBase) throws(DiagnosticError) -> PriceBook {
        let bytes = try InputFile.read(path, maxBytes: PriceBookParser.maxBytes, what: "price book")
        return try PriceBookParser.parse(bytes: bytes, file: path == "-" ? "<stdin>" : path, knowledgeBase: knowledgeBase)
    }
}
