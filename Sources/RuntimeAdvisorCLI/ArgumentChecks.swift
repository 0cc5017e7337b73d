import ArgumentParser

/// Mistakes ArgumentParser lets through, checked on the raw arguments before parsing: a single-value
/// option given twice (it would silently take the last one) and an empty value (`--screens ""` would
/// read `/questionnaire.yaml`). Every option of this tool takes one value or is a flag.
enum ArgumentChecks {
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
                if !seen.insert(name).inserted, !["--help", "-h"].contains(name) {
                    problems.append("\(name) is given more than once; give it once")
                }
            }
            previous = argument.hasPrefix("-") ? String(argument.prefix { $0 != "=" }) : nil
        }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }
}
