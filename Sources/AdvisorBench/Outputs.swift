/// One output the bench runs as a process, the arguments the ecosystem floor gets beside it, and its
/// target as a ratio of CPU time to the floor's.
struct Output {
    var name: String
    var arguments: [String]
    var floorArguments: [String]
    var target: Double?
    /// The wizard: run on a 120x40 pseudo-terminal and timed to its first frame.
    var onTerminal = false

    /// Everything a user can ask the advisor for, for one answers file (and a team of twelve).
    static func all(example: String, teamFiles: [String], today: String) -> [Output] {
        let answers = ["--answers", example, "--today", today]
        return [
            Output(name: "summary", arguments: answers, floorArguments: answers, target: 1.1),
            Output(name: "full text", arguments: answers + ["--detail", "full"], floorArguments: answers + ["--detail", "full"],
                   target: 1.2),
            Output(name: "JSON", arguments: answers + ["--format", "json"], floorArguments: answers + ["--format", "json"],
                   target: 1.1),
            Output(name: "Markdown record", arguments: answers + ["--format", "markdown"],
                   floorArguments: answers + ["--format", "markdown"], target: 1.5),
            Output(name: "team of \(teamFiles.count)", arguments: ["team"] + teamFiles + ["--today", today],
                   floorArguments: teamFiles + ["--today", today], target: nil),
            Output(name: "wizard first frame", arguments: answers + ["--interactive"], floorArguments: answers + ["--interactive"],
                   target: nil, onTerminal: true),
        ]
    }
}

/// Timings and instruction counts of one output beside the floor's.
struct OutputFigures {
    var advisorCPU = Samples()
    var floorCPU = Samples()
    var firstFrame = Samples()
    var failures = 0
    var instructions: Int?
    var floorInstructions: Int?
}
