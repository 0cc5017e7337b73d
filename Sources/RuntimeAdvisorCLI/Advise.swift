import ArgumentParser
import AdvisorCore
import AdvisorFiles

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

/// Options every command that loads the knowledge base shares.
struct KnowledgeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Knowledge-base folder to use instead of the built-in one (also RUNTIME_ADVISOR_DATA).", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Folder with questionnaire.yaml and record templates, instead of the built-in ones.", valueName: "dir"))
    var screens: String?

    @Option(name: .long, help: ArgumentHelp("Date to judge the knowledge base's age by, for reproducible output (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    func engine() throws(DiagnosticError) -> Engine {
        try KnowledgeSource.engine(dataDirectory: data, screensDirectory: screens)
    }
}

struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend a stack for an answers file (headless), or start the wizard.")

    @Option(name: .long, help: ArgumentHelp("Answers file (YAML, version 1); '-' reads standard input.", valueName: "file"))
    var answers: String?

    @Option(name: .long, help: "Output format: text, json, or markdown (the decision record).")
    var format: OutputFormat = .text

    @OptionGroup var knowledge: KnowledgeOptions

    func run() throws {
        guard let answersPath = answers else {
            writeError("""
            runtime-advisor: no --answers file given and no wizard in this build yet.
            Run headless with:  runtime-advisor --answers FILE [--format text|json]
            """)
            throw Exit.usage
        }
        let day = try today(knowledge.today)
        do {
            let engine = try knowledge.engine()
            let bytes = try InputFile.read(answersPath, maxBytes: AnswersParser.maxBytes, what: "answers file")
            let answers = try AnswersParser.parse(bytes: bytes, file: answersPath == "-" ? "<stdin>" : answersPath,
                                                  questionnaire: engine.questionnaire)
            let advice = engine.advise(answers, today: day)
            switch format {
            case .text: writeOutput(TextReport.render(advice, engine: engine))
            case .json: writeOutput(JSONReport.render(advice, engine: engine, toolVersion: ToolVersion.current))
            case .markdown:
                writeError("runtime-advisor: --format markdown is not available yet")
                throw Exit.usage
            }
        } catch let error as DiagnosticError {
            throw report(error)
        }
    }
}
