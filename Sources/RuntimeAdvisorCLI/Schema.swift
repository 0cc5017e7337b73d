import ArgumentParser
import AdvisorCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema of the answers file, generated from the questionnaire.",
        discussion: """
        Example (for editors that validate YAML against a schema):
          runtime-advisor schema > answers.schema.json
        """)

    @OptionGroup var knowledge: KnowledgeOptions

    func run() throws {
        let engine: Engine
        do { engine = try knowledge.engine() } catch { throw report(error) }
        try writeOutput(AnswersSchema.render(engine.questionnaire))
    }
}
