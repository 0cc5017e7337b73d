import AdvisorCore
import ArgumentParser

/// Mistakes ArgumentParser lets through, checked on the raw arguments before parsing: a single-value
/// option given twice (it would silently take the last one; `--exclude` is the one meant to repeat) and an empty value (`--screens ""` would
/// read `/questionnaire.yaml`). Every option of this tool takes one value or is a flag.
enum ArgumentChecks {
    /// Options that may be given more than once.
    static let repeatable: Set<String> = ["--help", "-h", "--exclude"]

    static func validate(_ arguments: [String]) throws(ValidationError) {
        var seen: Set<String> = []
        var problems: [String] = []
        var previous: String?
        for argument in arguments {
            if argument == "--" { break }
            if argument.isEmpty {
                problems.append(previous.map { "\($0) is given an empty value" } ?? "an argument is empty")
                problems[problems.count - 1] += "; expected a path or a value"
            } else if argument.hasPrefix("--") {
                let name = String(argument.prefix { $0 != "=" })
                if argument.hasSuffix("=") && argument.dropLast() == name {
                    problems.append("\(name) is given an empty value; expected a path or a value")
                }
                if !seen.insert(name).inserted, !Self.repeatable.contains(name) {
                    problems.append("\(name) is given more than once; give it once")
                }
            }
            previous = argument.hasPrefix("-") ? String(argument.prefix { $0 != "=" }) : nil
        }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    /// A word where a command name belongs that names none. ArgumentParser would show the default
    /// command's help for `ask --help` and the top-level help for `help ask`, both with exit 0; here
    /// either is a usage error naming the commands, with the nearest one's name.
    static func validateCommandNames(_ arguments: [String], root: ParsableCommand.Type) throws {
        var command = root
        var path = root._commandName
        for argument in arguments {
            if argument.hasPrefix("-") { return }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return }
            let isRoot = ObjectIdentifier(command) == ObjectIdentifier(root)
            // `help` (the root's only) takes a command path, checked like the words that follow it.
            if isRoot && argument == "help" { continue }
            if let next = subcommands.first(where: { $0._commandName == argument }) {
                command = next
                path += " " + argument
                continue
            }
            let names = subcommands.map { $0._commandName } + (isRoot ? ["help"] : [])
            let expected = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
            let suggestion = DidYouMean.suggestion(for: argument, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("'\(PrintableText.escapedPath(argument))' is not a \(path) command (expected \(expected))\(suggestion)")
        }
    }
}
