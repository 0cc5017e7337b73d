import AdvisorTestSupport
import Foundation
import Testing

/// Issue 22, item 6: the completion scripts offer files, folders, levels, formats and stack ids where
/// they belong, with or without the default command's name. Bash's and fish's are run as the shell
/// runs them; zsh's default-command wrapper is run with the rest stubbed, and its actions read.
@Suite struct ShellCompletionTests {
    /// The stack ids the shipped knowledge base defines: one file per stack, named by its id.
    static let shippedStacks: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: AdvisorProcess.packageRoot + "/Data/stacks")) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }()

    static let commands = ["advise", "compare", "team", "schema", "recheck", "supersede", "kb", "help"]

    /// Where completion runs: an answers file, a text file, a record and a folder.
    static func folder() throws -> String {
        let folder = try AdvisorProcess.temporaryDirectory()
        for file in ["a.yaml", "b.txt", "r.md"] { try "x\n".write(toFile: folder + "/" + file, atomically: true, encoding: .utf8) }
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        return folder
    }

    /// The script the binary prints for `shell`, written beside `folder` (not in it: it would be offered).
    static func script(_ shell: String, besides folder: String) throws -> String {
        let result = try AdvisorProcess.run(["--generate-completion-script", shell])
        try #require(result.status == 0, "\(result.stderr)")
        let path = folder + ".completion." + shell
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A copy of the shipped knowledge base with `cloudflare-neutral` renamed everywhere, so completion
    /// from it is told apart from the built-in one.
    static func renamedKnowledgeBase(in folder: String) throws -> String {
        let data = folder + "/kb"
        try FileManager.default.copyItem(atPath: AdvisorProcess.packageRoot + "/Data", toPath: data)
        let files = FileManager.default.enumerator(atPath: data)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") } ?? []
        for file in files {
            let path = data + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "cloudflare-neutral", with: "cloudflare-renamed").write(toFile: path, atomically: true, encoding: .utf8)
        }
        return data
    }

    // MARK: bash

    struct Case: CustomTestStringConvertible, Sendable {
        let words: [String]
        let expected: [String]
        var testDescription: String { "runtime-advisor " + words.map { $0.isEmpty ? "''" : $0 }.joined(separator: " ") }
    }

    static let answersFiles = ["a.yaml", "sub"]
    static let anyFile = ["a.yaml", "b.txt", "r.md", "sub"]
    static let records = ["r.md", "sub"]
    static let levels = ["summary", "full", "why", "costs"]

    static let bashCases: [Case] = [
        // Files for the answers and the price book, folders to walk into: the same with and without `advise`.
        Case(words: ["--answers", ""], expected: answersFiles),
        Case(words: ["advise", "--answers", ""], expected: answersFiles),
        Case(words: ["--answers", "a.yaml", "--prices", ""], expected: answersFiles),
        Case(words: ["compare", "aws-agentcore", "self-managed", "--answers", ""], expected: answersFiles),
        Case(words: ["--output", ""], expected: anyFile),
        Case(words: ["team", "--save-consensus", ""], expected: anyFile),
        Case(words: ["team", ""], expected: answersFiles),
        Case(words: ["recheck", ""], expected: records),
        Case(words: ["supersede", ""], expected: records),
        // Folders only.
        Case(words: ["--adr-dir", ""], expected: ["sub"]),
        Case(words: ["advise", "--adr-dir", ""], expected: ["sub"]),
        Case(words: ["--data", ""], expected: ["sub"]),
        Case(words: ["supersede", "r.md", "--adr-dir", ""], expected: ["sub"]),
        // Levels and formats, never the command names.
        Case(words: ["--detail", ""], expected: levels),
        Case(words: ["--answers", "a.yaml", "--detail", ""], expected: levels),
        Case(words: ["advise", "--detail", ""], expected: levels),
        Case(words: ["--format", ""], expected: ["text", "json", "markdown"]),
        Case(words: ["team", "--format", ""], expected: ["text", "json", "markdown", "yaml"]),
        // Options of the default command, typed without its name.
        Case(words: ["--de"], expected: ["--detail"]),
        Case(words: ["--answers", "a.yaml", "--ex"], expected: ["--exclude"]),
        // Stack ids: all of them, less one the line names already.
        Case(words: ["compare", ""], expected: shippedStacks),
        Case(words: ["compare", "aws-agentcore", ""], expected: shippedStacks.filter { $0 != "aws-agentcore" }),
        Case(words: ["compare", "aws-agentcore", "self-managed", ""], expected: []),
        Case(words: ["compare", "aws-agentcore", "--exclude", "self-managed", ""],
             expected: shippedStacks.filter { $0 != "aws-agentcore" && $0 != "self-managed" }),
        Case(words: ["--exclude", ""], expected: shippedStacks),
        Case(words: ["--exclude", "mi"], expected: ["microsoft-agent-365"]),
        Case(words: ["advise", "--exclude", ""], expected: shippedStacks),
        Case(words: ["--exclude", "google-agent-platform", "--exclude", "g"], expected: []),
        Case(words: ["team", "a.yaml", "--exclude", ""], expected: shippedStacks),
        // The first word: the commands and the program's own options, as before.
        Case(words: [""], expected: commands + ["--version", "-h", "--help"]),
    ]

    /// Runs the generated bash function as bash does on Tab: COMP_WORDS, COMP_CWORD, COMP_LINE and
    /// COMP_POINT set for the cursor at the end of `words`, then COMPREPLY printed one per line.
    static func bashCompletions(_ words: [String], environment: [String: String] = [:]) throws -> (status: Int32, offered: [String], stderr: String) {
        let bash = try RequiredTool.bash.require()
        let folder = try folder()
        let script = try script("bash", besides: folder)
        defer { for path in [folder, script] { try? FileManager.default.removeItem(atPath: path) } }
        let run = """
            cd "$FIXTURE" && source "$SCRIPT" || exit 9
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _runtime-advisor "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var env = ["SCRIPT": script, "FIXTURE": folder, "RUNTIME_ADVISOR_DATA": ""]
        for (key, value) in environment { env[key] = value }
        let result = try AdvisorProcess.run(["--norc", "--noprofile", "-c", run, "_", AdvisorProcess.binary] + words,
                                            environment: env, binary: bash)
        return (result.status, result.stdout.split(separator: "\n").map(String.init), result.stderr)
    }

    @Test(RequiredTool.bash.trait, arguments: bashCases)
    func bashOffers(_ example: Case) throws {
        let result = try Self.bashCompletions(example.words)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.offered.sorted() == example.expected.sorted())
    }

    @Test(RequiredTool.bash.trait)
    func stackIDsComeFromTheDataFolderOnTheLineOrInTheEnvironment() throws {
        let folder = try AdvisorProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = try Self.renamedKnowledgeBase(in: folder)
        let renamed = Self.shippedStacks.map { $0 == "cloudflare-neutral" ? "cloudflare-renamed" : $0 }.sorted()
        // Bash splits `--data=DIR` into three words (`=` is in COMP_WORDBREAKS); zsh and fish keep one.
        for words in [["--data", data, "--exclude", ""], ["--data", "=", data, "--exclude", ""], ["--data=" + data, "--exclude", ""],
                      ["compare", "--data", data, ""]] {
            let result = try Self.bashCompletions(words)
            #expect(result.offered.sorted() == renamed, "\(words)")
        }
        let fromEnvironment = try Self.bashCompletions(["compare", ""], environment: ["RUNTIME_ADVISOR_DATA": data])
        #expect(fromEnvironment.offered.sorted() == renamed)
    }

    /// A folder that cannot be read, or is not a knowledge base: nothing offered, nothing printed, no failure.
    @Test(RequiredTool.bash.trait, arguments: ["/nonexistent/kb", "/etc/passwd", AdvisorProcess.packageRoot + "/Screens"])
    func anUnusableDataFolderOffersNoStacks(_ data: String) throws {
        let result = try Self.bashCompletions(["--data", data, "--exclude", ""])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.offered.isEmpty)
        let direct = try AdvisorProcess.run(["---completion", "advise", "--", "--exclude", "4", "0",
                                             "runtime-advisor", "--data", data, "--exclude", ""])
        #expect(direct.status == 0 && direct.stdout.isEmpty && direct.stderr.isEmpty, "\(direct.stderr)")
    }

    // MARK: fish

    /// fish's own completion engine on a command line (`complete -C`), the binary on PATH as installed.
    /// Outside an interactive shell fish 3 gives no cursor position (`commandline -tC`), which the
    /// generated script passes to the binary; the stub gives the end of the current word, as when
    /// completing at the end of the line.
    static func fishCompletions(_ line: String) throws -> (offered: [String], stderr: String) {
        let fish = try RequiredTool.fish.require()
        let folder = try folder()
        let script = try script("fish", besides: folder)
        defer { for path in [folder, script] { try? FileManager.default.removeItem(atPath: path) } }
        let run = """
            function commandline
                if contains -- -tC $argv
                    set -l word (builtin commandline -t)
                    string length -- "$word"
                    return 0
                end
                builtin commandline $argv
            end
            cd $FIXTURE; and source $SCRIPT; and complete -C $LINE
            """
        let path = AdvisorProcess.products + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try AdvisorProcess.run(["--no-config", "-c", run],
                                            environment: ["SCRIPT": script, "FIXTURE": folder, "LINE": line, "PATH": path,
                                                          "RUNTIME_ADVISOR_DATA": ""],
                                            binary: fish)
        let offered = result.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
        return (offered, result.stderr)
    }

    static let fishCases: [(line: String, expected: [String])] = [
        ("runtime-advisor --answers ", ["a.yaml", "sub/"]),
        ("runtime-advisor advise --answers ", ["a.yaml", "sub/"]),
        ("runtime-advisor --adr-dir ", ["sub/"]),
        ("runtime-advisor recheck ", ["r.md", "sub/"]),
        ("runtime-advisor --detail ", levels),
        ("runtime-advisor --answers a.yaml --detail ", levels),
        ("runtime-advisor --de", ["--detail"]),
        ("runtime-advisor compare ", shippedStacks),
        ("runtime-advisor compare aws-agentcore ", shippedStacks.filter { $0 != "aws-agentcore" }),
        ("runtime-advisor --exclude ", shippedStacks),
        ("runtime-advisor advise --exclude mi", ["microsoft-agent-365"]),
    ]

    @Test(RequiredTool.fish.trait, arguments: fishCases)
    func fishOffers(_ line: String, _ expected: [String]) throws {
        let result = try Self.fishCompletions(line)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.offered.sorted() == expected.sorted())
    }

    // MARK: zsh

    /// The wrapper zsh calls first, with the generated function it hands over to replaced by one that
    /// prints the words and cursor it was given (zsh's completion system needs a line editor to run).
    static func zshHandsOver(_ words: [String]) throws -> String {
        let zsh = try RequiredTool.zsh.require()
        let folder = try folder()
        let script = try script("zsh", besides: folder)
        defer { for path in [folder, script] { try? FileManager.default.removeItem(atPath: path) } }
        let run = """
            compdef() { : }
            source $SCRIPT || exit 9
            _runtime-advisor_commands() { print -r -- "$CURRENT ${(j: :)words}" }
            words=("$@"); CURRENT=$#
            _runtime-advisor
            """
        let result = try AdvisorProcess.run(["-f", "-c", run, "_", "runtime-advisor"] + words,
                                            environment: ["SCRIPT": script], binary: zsh)
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    @Test(RequiredTool.zsh.trait, arguments: [
        (["--answers", ""], "4 runtime-advisor advise --answers "),
        (["--de"], "3 runtime-advisor advise --de"),
        (["--answers", "a.yaml", "--detail", ""], "6 runtime-advisor advise --answers a.yaml --detail "),
        (["advise", "--detail", ""], "4 runtime-advisor advise --detail "),
        (["compare", ""], "3 runtime-advisor compare "),
        ([""], "2 runtime-advisor "),
    ])
    func zshPutsTheDefaultCommandInOnlyWhenNoneIsNamed(_ words: [String], _ handedOver: String) throws {
        #expect(try Self.zshHandsOver(words) == handedOver)
    }

    @Test(RequiredTool.zsh.trait)
    func zshScriptParsesAndNamesTheRightActions() throws {
        let zsh = try RequiredTool.zsh.require()
        let result = try AdvisorProcess.run(["--generate-completion-script", "zsh"])
        let folder = try AdvisorProcess.temporaryDirectory()
        let script = try Self.script("zsh", besides: folder)
        defer { for path in [folder, script] { try? FileManager.default.removeItem(atPath: path) } }
        let parsed = try AdvisorProcess.run(["-n", script], binary: zsh)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        for action in [
            #"'--answers[Answers file (YAML, version 1); '\''-'\'' reads standard input.]:file:_files -g '\''*.yaml *.yml'\'''"#,
            "]:dir:_files -/'", // --adr-dir and --data
            "local -ar ___detail=('summary' 'full' 'why' 'costs')",
            "{__runtime-advisor_custom_complete ---completion advise -- --exclude ",
            "{__runtime-advisor_custom_complete ---completion compare -- positional@0 ",
            "':record:_files -g '\\''*.md'\\'''",
        ] {
            #expect(result.stdout.contains(action), "the zsh script lacks \(action)")
        }
        #expect(result.stdout.contains("\n_runtime-advisor_commands() {\n") && result.stdout.contains("\n_runtime-advisor() {\n"))
    }
}
