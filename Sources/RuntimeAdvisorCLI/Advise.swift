import ArgumentParser
import AdvisorCore
import AdvisorFiles
import AdvisorRecord

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

extension ReportDetail: ExpressibleByArgument {}

/// Options every command that loads the knowledge base shares.
struct KnowledgeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Knowledge-base folder to use instead of the built-in one (also RUNTIME_ADVISOR_DATA).", valueName: "dir"),
            completion: .directory)
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Folder with questionnaire.yaml and record templates, instead of the built-in ones.", valueName: "dir"),
            completion: .directory)
    var screens: String?

    @Option(name: .long, help: ArgumentHelp("Date to judge the knowledge base's age by, for reproducible output (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    func engine() throws(DiagnosticError) -> Engine {
        try KnowledgeSource.engine(dataDirectory: data, screensDirectory: screens)
    }

    /// The engine for a run on `day`: a knowledge base dated after it is refused.
    func engine(on day: Day) throws(DiagnosticError) -> Engine {
        let engine = try engine()
        if let problem = engine.knowledgeBase.dateProblem(on: day) { throw problem }
        return engine
    }
}

struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Recommend a stack for an answers file (headless), or start the wizard.",
        discussion: """
        Examples:
          runtime-advisor --answers answers.yaml                 # one-screen summary
          runtime-advisor --answers answers.yaml --detail full   # the whole report
          runtime-advisor --answers answers.yaml --format json   # for scripts
          runtime-advisor --answers answers.yaml --prices p.yaml # at your prices
          runtime-advisor --answers answers.yaml --interactive   # review in the wizard
        """)

    @Option(name: .long, help: ArgumentHelp("Answers file (YAML, version 1); '-' reads standard input.", valueName: "file"),
            completion: Completions.yamlFile)
    var answers: String?

    @Option(name: .long, help: "Output format: text, json, or markdown (the decision record). Default: text, or markdown with --adr-dir, --template or --minimal.")
    var format: OutputFormat?

    @OptionGroup var text: TextOptions
    @OptionGroup var written: DestinationOptions
    var detail: ReportDetail? { text.detail }
    var color: ColorChoice { text.color }
    var output: String? { written.output }
    var force: Bool { written.force }
    var adrDirectory: String? { written.adrDirectory }

    @OptionGroup var templates: TemplateOptions
    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var prices: PriceOptions
    @OptionGroup var exclusions: ExclusionOptions
    @OptionGroup var wizard: WizardOptions

    /// The format asked for, or the one the record options imply.
    var resolvedFormat: OutputFormat { format ?? (adrDirectory != nil || templates.isSet ? .markdown : .text) }

    func validate() throws {
        if answers == "-", prices.prices == "-" {
            throw ValidationError("--answers - and --prices - cannot both read standard input; give one of them as a file")
        }
        if detail != nil, resolvedFormat != .text {
            throw ValidationError("--detail chooses how much of the text report to show; the \(resolvedFormat.rawValue) output is always complete")
        }
        if let format, format != .markdown, adrDirectory != nil || templates.isSet {
            throw ValidationError("--adr-dir, --template and --minimal write the decision record; they need --format markdown, not \(format.rawValue)")
        }
    }

    func run() throws {
        try refuseClashes(outputs: outputFiles, inputs: { inputFiles })
        // No answers file, or one to review: the wizard, plain prompts or the recovery file (Wizard.swift).
        if wantsWizard { return try runWizard() }
        guard let answersPath = answers else { throw Exit.usage }
        let day = try today(knowledge.today)
        do {
            let engine = try prices.engine(knowledge.engine(on: day), on: day)
            let answers = try exclusions.apply(to: try loadAnswers(answersPath, engine: engine),
                                               options: engine.questionnaire.stackOptions)
            try emit(answers, engine: engine, day: day)
        } catch let error as DiagnosticError {
            throw report(error)
        }
    }

    /// The headless output for these answers, in the format and place the options say.
    func emit(_ answers: Answers, engine: Engine, day: Day) throws {
        let advice = engine.advise(answers, today: day)
        let destination: RecordDestination = adrDirectory.map { .adrFolder($0, force: force) }
            ?? output.map { .file($0, replace: force) } ?? .standardOutput
        switch resolvedFormat {
        case .text:
            let style = color.style(toStandardOutput: output == nil)
            _ = try destination.write(TextReport.render(advice, engine: engine, detail: detail ?? .summary, style: style), slug: "")
        case .json: _ = try destination.write(JSONReport.render(advice, engine: engine, toolVersion: ToolVersion.current), slug: "")
        case .markdown:
            let template: (text: String, file: String)
            do { template = try templates.load(screens: knowledge.screens) } catch { throw report(error) }
            let record = try renderRecord(advice, engine: engine, day: day, template: template)
            let path = try destination.write(record.text, slug: record.slug, answersDigest: record.answersDigest)
            if let path, adrDirectory != nil { try writeOutput(path + "\n") }
        }
    }
}
