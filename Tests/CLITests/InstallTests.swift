import AdvisorTestSupport
import Foundation
import Testing

/// What an installed advisor brings besides the binary: bash completion that loads, and a man page
/// that renders. (CI also checks that the page matches the tool's options: .ci/checks/man-page.sh.)
@Suite struct InstallTests {
    static let manPage = AdvisorProcess.packageRoot + "/docs/runtime-advisor.1"

    @Test(RequiredTool.bash.trait)
    func bashCompletionLoads() throws {
        let bash = try RequiredTool.bash.require()
        // What the README tells people to put in ~/.bashrc, with the built binary standing in for PATH.
        let script = "source <('\(AdvisorProcess.binary)' --generate-completion-script bash) && complete -p runtime-advisor"
        let result = try AdvisorProcess.run(["--norc", "--noprofile", "-c", script], binary: bash)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("complete ") && result.stdout.hasSuffix(" runtime-advisor\n"), "\(result.stdout)")
    }

    @Test(arguments: ["zsh", "fish"]) func otherShellsGetAScript(_ shell: String) throws {
        let result = try AdvisorProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("runtime-advisor"))
        // The --detail option and its levels are offered, and the subcommands.
        #expect(result.stdout.contains("detail") && result.stdout.contains("summary") && result.stdout.contains("recheck"))
    }

    @Test(RequiredTool.man.trait)
    func manPageRenders() throws {
        let man = try RequiredTool.man.require()
        let result = try AdvisorProcess.run(["-l", Self.manPage], environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"],
                                            binary: man)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout.replacingOccurrences(of: "\u{8}.", with: "", options: .regularExpression)
        for expected in ["RUNTIME-ADVISOR(1)", "NAME", "runtime-advisor", "SYNOPSIS", "--detail", "recheck", "supersede", "compare",
                         "--exclude", "\nKEYS\n", "   Questions\n", "   Results\n", "\nENVIRONMENT\n", "NO_COLOR", "XDG_STATE_HOME",
                         "RUNTIME_ADVISOR_DATA", "RUNTIME_ADVISOR_PRICES", "\nFILES\n", "runtime-advisor/sessions/ID.yaml",
                         "\nEXIT STATUS\n", "     64      Usage error", "     130     Ctrl-C"] {
            #expect(text.contains(expected), "the rendered page lacks \(expected)")
        }
        // generate-manual's own EXIT STATUS ("exits 0 on success, and >0 if an error occurs") would call 1 an error.
        #expect(!text.contains("on success"))
    }
}
