import ArgumentParser
import AdvisorCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema of the answers file, generated from the questionnaire.")

    @OptionGroup var knowledge: KnowledgeOptions

    func run() throws {
        do {
            let engine = try knowledge.engine()
            writeOutput(AnswersSchema.render(engine.questionnaire))
        } catch {
            throw report(error)
        }
    }
}
