import ArgumentParser
import AdvisorCore
import AdvisorFiles

@main
struct RuntimeAdvisor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime-advisor",
        abstract: "Choose where your AI agents run: score managed agent runtimes on identity, model coupling, sandbox threat model and billing fit.",
        discussion: """
        Three ways to use it:
          Wizard: answer the questions on screen, with a live ranking.
            runtime-advisor
          Headless: a one-screen summary of an answers file; --detail full for all.
            runtime-advisor --answers Data/examples/single-cloud-aws.yaml
          Record: write a MADR decision record into an ADR folder.
            runtime-advisor --answers answers.yaml --adr-dir docs/adr
        """ + "\n\n" + Exit.briefSummary,
        version: ToolVersion.current,
        subcommands: [Advise.self, Compare.self, Team.self, Schema.self, Recheck.self, Supersede.self, KB.self],
        defaultSubcommand: Advise.self)

    /// ArgumentParser's main, plus what every run needs: write signals ignored (so failed writes are
    /// reported, not fatal), and exit 74 when any write to standard output failed, help, version and
    /// completion scripts included (ArgumentParser prints those unchecked).
    static func main() {
        StandardStreams.ignoreWriteSignals()
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments == [ManualSections.option] {
                try writeOutput(ManualSections.render())
            } else if let shell = ShellCompletion.requestedShell(arguments) {
                let script = ShellCompletion.script(for: shell)
                try writeOutput(script.hasSuffix("\n") ? script : script + "\n")
            } else {
                try ArgumentChecks.validate(arguments)
                try ArgumentChecks.validateCommandNames(arguments, root: Self.self)
                var command = try parse(arguments)
                try command.run()
            }
        } catch let error where exitCode(for: error).isSuccess {
            let text = fullMessage(for: error)
            if !text.isEmpty { StandardStreams.output(text + "\n") }
        } catch {
            exit(withError: error)
        }
        if let failure = StandardStreams.outputFailure { exit(withError: outputFailed(failure)) }
    }

    /// The default command's usual arguments are read by `QuickParse`; the rest by ArgumentParser.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        try QuickParse.advise(arguments) ?? parseAsRoot(arguments)
    }
}
