import ArgumentParser
import AdvisorCore

/// `--exclude STACK` (repeatable; `"STACK: reason"` gives the reason): stacks ruled out on the command
/// line, added to the answers file's `decision.exclude`. One `@OptionGroup var exclusions:
/// ExclusionOptions` line adds it to a command.
struct ExclusionOptions: ParsableArguments {
    @Option(name: .customLong("exclude"), parsing: .singleValue,
            help: ArgumentHelp("Rule a stack out for a reason outside the four axes (repeatable; 'STACK: reason' records why); added to the answers file's decision.exclude.", valueName: "stack"),
            completion: Completions.stacks)
    var stacks: [String] = []

    /// `answers` with the stacks given here ruled out too (an entry the file has already keeps its reason).
    /// An unknown stack, or ruling out every stack, is a usage error (64) naming the nearest id.
    func apply(to answers: Answers, options: [AnswerOption]) throws -> Answers {
        guard !stacks.isEmpty else { return answers }
        var result = answers
        var problems: [String] = []
        for argument in stacks {
            switch Exclusion.argument(argument, options: options) {
            case .success(let exclusion): result.exclude(exclusion)
            case .failure(let problem):
                problems.append("--exclude: \(problem.message) (expected \(problem.expected))"
                                + (problem.suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            }
        }
        if problems.isEmpty, result.exclusions.rulesOutEvery(options) {
            problems.append("--exclude with the answers file's decision.exclude rules out every stack, which leaves nothing to rank")
        }
        guard problems.isEmpty else {
            writeError(problems.map { "runtime-advisor: error: " + $0 }.joined(separator: "\n"))
            throw Exit.usage
        }
        return result
    }
}
