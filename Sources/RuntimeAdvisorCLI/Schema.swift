import ArgumentParser
import AdvisorCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema of the answers file (generated from the questionnaire) or of the price book.",
        discussion: """
        Examples (for editors that validate YAML against a schema):
          runtime-advisor schema > answers.schema.json
          runtime-advisor schema --prices > prices.schema.json
        """)

    @Flag(name: .long, help: "The price book's schema instead, generated from the knowledge base (its stack, vendor, meter and item ids).")
    var prices = false

    @OptionGroup var knowledge: KnowledgeOptions

    func run() throws {
        let engine: Engine
        do { engine = try knowledge.engine() } catch { throw report(error) }
        try writeOutput(prices ? PriceBookSchema.render(engine.knowledgeBase) : AnswersSchema.render(engine.questionnaire))
    }
}
