import ArgumentParser
import AdvisorCore
import AdvisorFiles
import AdvisorRecord

/// `runtime-advisor compare STACK STACK --answers FILE`: two stacks side by side for one set of answers.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Put two stacks side by side for an answers file: fits and the rules that separate them, floors, monthly cost line by line, what to confirm, the main risks, and the answer change that would put the other ahead.",
        discussion: """
        Examples:
          runtime-advisor compare aws-agentcore google-agent-platform --answers answers.yaml
          runtime-advisor compare aws-agentcore cloudflare-neutral --answers answers.yaml --format markdown
        """)

    @Argument(help: ArgumentHelp("The two stacks, by id, as in the knowledge base's stacks/ folder (Tab completes them; a wrong id is answered with the list).", valueName: "stack"),
              completion: Completions.pair)
    var stacks: [String] = []

    @Option(name: .long, help: ArgumentHelp("Answers file (YAML, version 1); '-' reads standard input.", valueName: "file"),
            completion: Completions.yamlFile)
    var answers: String

    @Option(name: .long, help: "Output format: text, json, or markdown.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colour and bold in the text output: auto (on a terminal, unless NO_COLOR is set), always, or never.")
    var color: ColorChoice = .auto

    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var prices: PriceOptions
    @OptionGroup var exclusions: ExclusionOptions

    func validate() throws {
        if answers == "-", prices.prices == "-" {
            throw ValidationError("--answers - and --prices - cannot both read standard input; give one of them as a file")
        }
    }

    func run() throws {
        guard stacks.count == 2 else {
            throw usage("compare takes two stacks; \(stacks.count) \(stacks.count == 1 ? "was" : "were") given")
        }
        guard stacks[0] != stacks[1] else {
            throw usage("compare takes two different stacks; '\(PrintableText.escapedPath(stacks[0]))' was given twice")
        }
        let day = try today(knowledge.today)
        let engine: Engine, loaded: Answers
        do {
            engine = try prices.engine(knowledge.engine(on: day), on: day)
            loaded = try exclusions.apply(to: try loadAnswers(answers, engine: engine), options: engine.questionnaire.stackOptions)
        } catch let error as DiagnosticError {
            throw report(error)
        }
        let options = engine.questionnaire.stackOptions
        let problems = stacks.compactMap { id -> String? in
            if let problem = Exclusion.stackProblem(id, options: options) {
                return "\(problem.message) (expected \(problem.expected))" + (problem.suggestion.map { "; did you mean '\($0)'?" } ?? "")
            }
            guard let ruled = loaded.exclusions.first(where: { $0.stack == id }) else { return nil }
            return "'\(id)' is ruled out in these answers (\(ruled.reason.map { "\u{201C}\($0)\u{201D}" } ?? "no reason given")); "
                + "leave it out of decision.exclude and --exclude to compare it"
        }
        if !problems.isEmpty { throw usage(problems) }
        let advice = engine.advise(loaded, today: day)
        guard let pair = engine.sideBySide(stacks[0], stacks[1], in: advice) else { throw usage("cannot compare these two stacks") }
        switch format {
        case .text: try writeOutput(SideBySideText.render(pair, advice: advice, engine: engine, style: color.style(toStandardOutput: true)))
        case .json: try writeOutput(SideBySideJSON.render(pair, advice: advice, engine: engine, toolVersion: ToolVersion.current))
        case .markdown: try writeOutput(SideBySideMarkdown.render(pair, advice: advice, engine: engine))
        }
    }

    /// A usage error (64): each problem on its own line, nothing on standard output.
    private func usage(_ problems: String...) -> ExitCode { usage(problems) }

    private func usage(_ problems: [String]) -> ExitCode {
        writeError(problems.map { "runtime-advisor: error: compare: " + $0 }.joined(separator: "\n"))
        return Exit.usage
    }
}
