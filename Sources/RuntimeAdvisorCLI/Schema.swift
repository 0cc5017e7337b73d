import ArgumentParser
import AdvisorCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema of the answers file, generated from the questionnaire.")

    @OptionGroup var knowledge: KnowledgeOptions

    func run() throws {
        do {
            let engine = try knowledge.engine()
            writeOutput(AnswersSchema.render(engine.questionnaire))
        } catch let error as DiagnosticError {
            throw report(error)
        }
    }
}

struct Recheck: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Re-run a decision record's answers against the current knowledge base.")
    func run() throws { throw Exit.usage }
}

struct Supersede: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a new decision record and mark an old one superseded.")
    func run() throws { throw Exit.usage }
}
