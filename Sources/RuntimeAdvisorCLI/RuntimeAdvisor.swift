import ArgumentParser
import AdvisorCore

@main
struct RuntimeAdvisor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime-advisor",
        abstract: "Choose where your AI agents run: score managed agent runtimes on identity, model coupling, sandbox threat model and billing fit.",
        discussion: """
        With no arguments on a terminal, starts the wizard. With --answers FILE, runs headless.
        Exit codes: 0 done, 1 recheck found the decision changed, 64 usage, 65 invalid answers, \
        knowledge base or record, 66 file unreadable, 73 cannot write (an existing file needs --force).
        """,
        version: ToolVersion.current,
        subcommands: [Advise.self, Team.self, Schema.self, Recheck.self, Supersede.self, KB.self],
        defaultSubcommand: Advise.self)
}
