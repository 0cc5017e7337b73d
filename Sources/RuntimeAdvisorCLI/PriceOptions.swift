import ArgumentParser
import AdvisorCore
import AdvisorFiles
import AdvisorRecord

/// `--prices FILE`, shared by every command that prices stacks: one `@OptionGroup var prices:
/// PriceOptions` line adds it to a command (and `prices.inputFiles` to its file checks).
struct PriceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Price book (YAML): your discounts and rates in place of list prices, and rates for what the knowledge base cannot price (also RUNTIME_ADVISOR_PRICES); 'runtime-advisor schema --prices' describes it.", valueName: "file"),
            completion: Completions.yamlFile)
    var prices: String?

    /// The price book this run reads, from the option or the environment; nil for list prices.
    var path: String? { PriceSource.resolvedPath(prices) }

    /// The engine at your prices (unchanged without a price book). A price book dated after `day` is refused.
    func engine(_ engine: Engine, on day: Day) throws(DiagnosticError) -> Engine {
        guard let path else { return engine }
        return try Self.engine(engine, pricedBy: path, on: day)
    }

    static func engine(_ engine: Engine, pricedBy path: String, on day: Day) throws(DiagnosticError) -> Engine {
        let book = try PriceSource.load(path, knowledgeBase: engine.knowledgeBase)
        if let problem = book.dateProblem(on: day) { throw problem }
        return engine.pricing(book)
    }

    /// The price-book file a run reads, to tell it apart from what a command writes.
    var inputFiles: [NamedFile] { path.map { [NamedFile("the price book", $0)] } ?? [] }
}

extension PriceOptions {
    /// The engine for a run on a record's answers (`recheck`, `supersede`): `--prices` replaces the
    /// record's price book deliberately; without it the record's own is re-used, else
    /// RUNTIME_ADVISOR_PRICES's, else list prices. `given`: the price book did not come from the record.
    func engine(_ engine: Engine, record: RecordedDecision, on day: Day) throws(DiagnosticError) -> (engine: Engine, given: Bool) {
        if let prices { return (try Self.engine(engine, pricedBy: prices, on: day), true) }
        if let recorded = record.priceBook {
            let book = try recorded.read(knowledgeBase: engine.knowledgeBase)
            if let problem = book.dateProblem(on: day) { throw problem }
            return (engine.pricing(book), false)
        }
        guard let path else { return (engine, false) }
        return (try Self.engine(engine, pricedBy: path, on: day), true)
    }
}
