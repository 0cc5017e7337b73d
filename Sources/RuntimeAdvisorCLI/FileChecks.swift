import AdvisorFiles

// Usage mistakes about which files a command reads and writes, found before any file is read or
// written; each is a usage error (64) naming the files as given, with --force or without.

/// An output that is also an input or another output would destroy what the command reads, or write
/// one result over another. The record `--adr-dir` chooses is not among the outputs: it is created
/// under a name no file has yet (link(2) refuses an existing one), so it cannot be either.
func refuseClashes(outputs: [NamedFile], inputs: () -> [NamedFile]) throws {
    guard !outputs.isEmpty else { return }
    try refuse(FileClash.find(outputs: outputs, inputs: inputs()))
}

/// A team is two or more people, each file given once (as given, through a link or spelt differently).
func refuseParticipantFiles(_ paths: [String]) throws {
    var problems: [String] = []
    if paths.count < 2 {
        problems.append("team needs two or more answers files, one per participant; \(paths.count) \(paths.count == 1 ? "was" : "were") given")
    }
    for (again, first) in FileClash.repeated(paths) {
        problems.append("\(printablePath(again)) is the same file as \(printablePath(first)); give each participant's file once")
    }
    try refuse(problems)
}

private func refuse(_ problems: [String]) throws {
    guard !problems.isEmpty else { return }
    writeError(problems.map { "runtime-advisor: error: " + $0 }.joined(separator: "\n"))
    throw Exit.usage
}

extension KnowledgeOptions {
    /// The knowledge-base and questionnaire files a run reads (none when both are built in).
    var inputFiles: [NamedFile] { KnowledgeSource.inputFiles(dataDirectory: data, screensDirectory: screens) }
}

extension TemplateOptions {
    /// The template file a record is rendered with, when it is a file and not built in.
    func inputFiles(screens: String?) -> [NamedFile] {
        guard let path = templatePath(screens: screens) else { return [] }
        return [NamedFile(template != nil ? "the --template file" : "the record template", path)]
    }
}

extension Advise {
    var outputFiles: [NamedFile] { output.map { [NamedFile("--output", $0)] } ?? [] }

    var inputFiles: [NamedFile] {
        (answers.map { [NamedFile("the answers file", $0)] } ?? []) + templates.inputFiles(screens: knowledge.screens)
            + knowledge.inputFiles + prices.inputFiles
    }
}

extension Team {
    var outputFiles: [NamedFile] {
        (written.output.map { [NamedFile("--output", $0)] } ?? []) + (saveConsensus.map { [NamedFile("--save-consensus", $0)] } ?? [])
    }

    var inputFiles: [NamedFile] {
        files.map { NamedFile("a participant's answers file", $0) } + (consensus.map { [NamedFile("the --consensus file", $0)] } ?? [])
            + templates.inputFiles(screens: knowledge.screens) + knowledge.inputFiles + prices.inputFiles
    }
}

extension Supersede {
    /// The old record is rewritten (marked superseded); the new one is chosen in the ADR folder.
    var outputFiles: [NamedFile] { [NamedFile("the record to supersede", old)] }

    var inputFiles: [NamedFile] {
        (answers.map { [NamedFile("the answers file", $0)] } ?? []) + templates.inputFiles(screens: knowledge.screens)
            + knowledge.inputFiles + prices.inputFiles
    }
}
