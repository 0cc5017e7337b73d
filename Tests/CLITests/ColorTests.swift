import AdvisorTestSupport
import Foundation
import Testing

/// Colour only on a terminal: through a pseudo-terminal (`script`) the report is coloured unless
/// NO_COLOR or --color never says otherwise; redirected, it is plain bytes unless --color always.
@Suite struct ColorTests {
    static let arguments = ["--answers", AdvisorProcess.example("regulated-gcp"), "--today", "2026-11-25", "--detail", "full"]
    static let bold = "\u{1B}[1m", recommendation = "\u{1B}[1;32mRecommendation", failure = "\u{1B}[31m  6  Cloudflare"
    static let warning = "\u{1B}[1;33mWARNING"
    /// An empty NO_COLOR means "not set" (no-color.org), so these runs start from no preference.
    static let colourable = ["NO_COLOR": "", "TERM": "xterm-256color"]

    /// The advisor under a pseudo-terminal: `script` gives it a tty as standard output.
    func throughTerminal(_ extra: [String], environment: [String: String] = colourable) throws -> AdvisorProcess.Result {
        let script = try RequiredTool.script.require()
        let command = ([AdvisorProcess.binary] + Self.arguments + extra).map { "'\($0)'" }.joined(separator: " ")
        return try AdvisorProcess.run(["-qec", command, "/dev/null"], environment: environment, binary: script)
    }

    @Test(RequiredTool.script.trait)
    func terminalGetsColourForRecommendationFloorsAndWarnings() throws {
        let result = try throughTerminal([])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(Self.recommendation))
        #expect(result.stdout.contains(Self.warning))
        #expect(result.stdout.contains(Self.failure), "Cloudflare fails the isolation floor and is drawn red")
        #expect(result.stdout.contains(Self.bold + "Ranking"))
    }

    @Test(RequiredTool.script.trait)
    func noColorAndColorNeverAreHonouredOnATerminal() throws {
        let noColor = try throughTerminal([], environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        #expect(noColor.status == 0)
        #expect(noColor.stdout.contains("Recommendation: Gemini"))
        #expect(!noColor.stdout.contains("\u{1B}"))
        let never = try throughTerminal(["--color", "never"])
        #expect(never.stdout.contains("Recommendation: Gemini"))
        #expect(!never.stdout.contains("\u{1B}"))
        // --color always wins over NO_COLOR, as in git and ripgrep.
        let always = try throughTerminal(["--color", "always"], environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        #expect(always.stdout.contains(Self.recommendation))
    }

    @Test func redirectedOutputIsPlainUnlessAlways() throws {
        let plain = try AdvisorProcess.run(Self.arguments, environment: Self.colourable)
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("\u{1B}"))
        let always = try AdvisorProcess.run(Self.arguments + ["--color", "always"], environment: Self.colourable)
        #expect(always.stdout.contains(Self.recommendation))
        // Styling is the only difference: without the escape sequences the bytes are the plain report.
        let stripped = always.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain.stdout)
        let bad = try AdvisorProcess.run(Self.arguments + ["--color", "sometimes"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("sometimes"))
    }

    @Test func jsonAndMarkdownAreNeverColoured() throws {
        for format in ["json", "markdown"] {
            let result = try AdvisorProcess.run(Array(Self.arguments.dropLast(2)) + ["--format", format, "--color", "always"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}"), "\(format) output has escape sequences")
        }
    }
}
