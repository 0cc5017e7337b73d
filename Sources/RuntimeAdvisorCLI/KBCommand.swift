import ArgumentParser
import AdvisorCore
import AdvisorFiles

struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb", abstract: "Knowledge-base tools.",
        discussion: """
        Example:
          runtime-advisor kb lint --data my-data/
        """,
        subcommands: [Lint.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
        commandName: "lint",
            abstract: "Score every combination of the discrete answers and report what never matters.",
            discussion: """
            Sweeps every combination of the choices and flags that feed scoring (cloud, stage, identity \
            provider, model strategy, the sandbox flags, billing pattern), with the workload and weights of \
            --answers or the questionnaire's defaults. Reports each stack's share of wins and flags a stack \
            that can never win (exit 65), a rule that never changes any ranking, and a question whose \
            answer never changes the winner. For each of the scout's profiles, reports the share of its \
            home ground (Data/rules/home-grounds.yaml) that the scout's answer wins; below 80% exits 65.

            Example:
              runtime-advisor kb lint --answers answers.yaml --data my-data/
            """)

        @Option(name: .long, help: ArgumentHelp("Answers file whose workload and weights the sweep uses (default: the questionnaire's defaults).", valueName: "file"))
        var answers: String?

        @OptionGroup var knowledge: KnowledgeOptions

        func run() throws {
            do {
                let engine = try knowledge.engine()
                var base = Answers(defaultsOf: engine.questionnaire)
                if let path = answers { base = try loadAnswers(path, engine: engine) }
                let report = engine.lint(base: base)
                try writeOutput(LintText.render(report, engine: engine))
                let below = report.homeGrounds.filter { $0.share < LintText.minimumShare }
                if !report.neverWinning.isEmpty || !below.isEmpty { throw Exit.invalidInput }
            } catch let error as DiagnosticError {
                throw report(error)
            }
        }
    }
}
