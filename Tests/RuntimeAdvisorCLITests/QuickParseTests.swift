import ArgumentParser
@testable import RuntimeAdvisorCLI
import Testing

/// `QuickParse` reads the default command's usual arguments without ArgumentParser. For every
/// argument list it takes, the `Advise` it builds must be the one ArgumentParser builds, property
/// wrapper by property wrapper (so an option added to `Advise` and not to QuickParse fails here); and
/// it must leave everything else, errors and help included, to ArgumentParser.
@Suite struct QuickParseTests {
    static let example = "Data/examples/single-cloud-aws.yaml"

    static let taken: [[String]] = [
        [], ["--answers", example], ["--answers=" + example, "--today=2026-11-25"],
        ["--answers", example, "--format", "json"], ["--answers", "-", "--detail", "full", "--color", "never"],
        ["--answers", example, "--format", "markdown", "--adr-dir", "docs/adr", "--force", "--minimal"],
        ["--answers", example, "--template", "t.mustache", "--output", "record.md"],
        ["--data", "kb", "--screens", "screens", "--today", "2026-01-01", "--interactive", "--theme", "high-contrast"],
        ["--plain"], ["--resume"], ["--answers", example, "--detail", "why", "--color", "always"],
        ["--answers", example, "--prices", "Data/examples/prices/acme.yaml"],
        // The one repeatable option, in the order given; the shell quotes "STACK: reason" as one word.
        ["--answers", example, "--exclude", "microsoft-agent-365"],
        ["--exclude=microsoft-agent-365: an existing contract", "--answers", example, "--exclude", "google-agent-platform", "--format", "json"],
    ]

    /// Left to ArgumentParser: a subcommand, help, a short option, an unknown option, a repeated one, a
    /// value that looks like an option, a flag given a value, a value the option does not take, and
    /// options that fail validation together.
    static let left: [[String]] = [
        ["team", "a.yaml", "b.yaml"], ["--help"], ["-h"], ["--version"], ["--answers", example, "--bogus"],
        ["advise", "--answers", example], ["--answers", example, "--answers", example], ["--answers", "--today", "x"],
        ["--answers"], ["--force=yes"], ["--format", "yaml"], ["--detail", "everything"], ["--answers", example, "extra"],
        ["--answers", example, "--format", "json", "--detail", "full"], ["--adr-dir", "a", "--output", "b"],
        ["--template", "t", "--minimal"], ["--generate-completion-script", "bash"], ["--", "--answers"],
        ["--answers", example, "--exclude"], ["--answers", example, "--exclude", "--format", "json"],
    ]

    @Test(arguments: taken) func buildsWhatArgumentParserBuilds(arguments: [String]) throws {
        let quick = try #require(QuickParse.advise(arguments))
        let parsed = try #require(try RuntimeAdvisor.parseAsRoot(arguments) as? Advise)
        #expect(Self.dump(quick) == Self.dump(parsed))
        #expect(!Self.dump(quick).contains("definition"))
    }

    @Test(arguments: left) func leavesTheRestToArgumentParser(arguments: [String]) {
        #expect(QuickParse.advise(arguments) == nil)
    }

    static func dump(_ advise: Advise) -> String {
        var text = ""
        Swift.dump(advise, to: &text)
        return text
    }
}
