import ArgumentParser
import AdvisorCore
import AdvisorFiles

struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb", abstract: "Knowledge-base tools.",
        discussion: """
        Examples:
          runtime-advisor kb lint --data my-data/
          runtime-advisor kb diff builtin my-data/ --answers answers.yaml
        """,
        subcommands: [Lint.self, Diff.self])

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

        @Option(name: .long, help: ArgumentHelp("Answers file whose workload and weights the sweep uses (default: the questionnaire's defaults).", valueName: "file"),
                completion: Completions.yamlFile)
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

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two knowledge bases: rates, meters, unpriced items, facts, rules, floors and sources.",
            discussion: """
            OLD and NEW are knowledge-base folders, or 'builtin' for the one compiled into the binary. \
            Lists changed rates (old -> new, with the source), meters, not-modelled items and exposures \
            added or removed, and facts, rules, floors, profiles, risks and sources added, removed or \
            changed. With --answers, also says whether the recommendation for those answers changes. \
            Exit 0 when the two are the same, 1 when they differ.

            Example:
              runtime-advisor kb diff builtin my-data/ --answers answers.yaml
            """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: ArgumentHelp("The knowledge base before: a folder, or 'builtin'.", valueName: "old"), completion: .directory)
        var old: String

        @Argument(help: ArgumentHelp("The knowledge base after: a folder, or 'builtin'.", valueName: "new"), completion: .directory)
        var new: String

        @Option(name: .long, help: ArgumentHelp("Answers file: also say whether its recommendation changes.", valueName: "file"),
                completion: Completions.yamlFile)
        var answers: String?

        @Option(name: .long, help: "Output format: text, or json for scripts (the exit code is the same either way).")
        var format: Format = .text

        @Option(name: .long, help: ArgumentHelp("Folder with questionnaire.yaml, instead of the built-in one.", valueName: "dir"),
                completion: .directory)
        var screens: String?

        @Option(name: .long, help: ArgumentHelp("Date to judge the knowledge bases by (default: today, UTC).", valueName: "YYYY-MM-DD"))
        var today: String?

        func run() throws {
            let day = try RuntimeAdvisorCLI.today(today)
            let before: Engine, after: Engine
            do {
                (before, after) = try loadBoth()
            } catch {
                throw report(error)
            }
            var outcome: KnowledgeDiffText.Outcome?
            if let path = answers {
                do {
                    let oldAdvice = try loadAdvice(path, engine: before, day: day)
                    let newAdvice = try loadAdvice(path, engine: after, day: day)
                    outcome = .init(answers: path, old: oldAdvice, new: newAdvice, oldEngine: before, newEngine: after)
                } catch {
                    throw report(error)
                }
            }
            let diff = KnowledgeDiff(old: before.knowledgeBase, new: after.knowledgeBase)
            let sides = (KnowledgeDiffText.Side(label: old, knowledgeBase: before.knowledgeBase),
                         KnowledgeDiffText.Side(label: new, knowledgeBase: after.knowledgeBase))
            switch format {
            case .text: try writeOutput(KnowledgeDiffText.render(diff, old: sides.0, new: sides.1, outcome: outcome))
            case .json: try writeOutput(KnowledgeDiffText.json(diff, old: sides.0, new: sides.1, outcome: outcome,
                                                               toolVersion: ToolVersion.current))
            }
            if !diff.isEmpty { throw Exit.changed }
        }

        /// Both knowledge bases, every problem in either reported at once.
        private func loadBoth() throws(DiagnosticError) -> (Engine, Engine) {
            func load(_ name: String) -> Result<Engine, DiagnosticError> {
                Result { () throws(DiagnosticError) in
                    try KnowledgeSource.engine(folder: name == "builtin" ? nil : name, screensDirectory: screens)
                }
            }
            switch (load(old), load(new)) {
            case (.success(let a), .success(let b)): return (a, b)
            case (.failure(let a), .failure(let b)):
                throw DiagnosticError(a.diagnostics + b.diagnostics, kind: a.kind == .unreadable || b.kind == .unreadable ? .unreadable : .invalidInput)
            case (.failure(let error), _), (_, .failure(let error)): throw error
            }
        }
    }
}
