import AdvisorTUI

/// The man page's sections that swift-argument-parser's generate-manual cannot write (it makes NAME,
/// SYNOPSIS and DESCRIPTION from the commands' help, then a generic EXIT STATUS): KEYS from the
/// wizard's own key table, ENVIRONMENT, FILES, and EXIT STATUS from `Exit.documented`, in mdoc.
/// `runtime-advisor ---manual-sections` prints them (three dashes, like ArgumentParser's own
/// `---completion`: not an option anyone types) and `.ci/man-page` puts them in place of the generic
/// EXIT STATUS, so the page is regenerated from these tables, never edited by hand.
enum ManualSections {
    static let option = "---manual-sections"

    /// Each variable the advisor reads, with what it does (checked against the code that reads it).
    static let environment: [(name: String, meaning: String)] = [
        ("NO_COLOR", "Set and not empty: no colour in the text report under --color auto (the default), nor in the "
            + "wizard, which then uses bold, underline and reverse. --color always still colours the report."),
        ("TERM", "The terminal type the wizard draws with (terminfo). Unset or dumb: the questions are asked as plain "
            + "lines, as with --plain; a type terminfo does not know does the same, saying so. dumb also turns the "
            + "text report's colour off under --color auto."),
        ("XDG_STATE_HOME", "Where the wizard keeps its recovery sessions: $XDG_STATE_HOME/runtime-advisor/sessions/ "
            + "when it is an absolute path, else $HOME/.local/state/runtime-advisor/sessions/."),
        ("HOME", "The sessions folder's base when XDG_STATE_HOME is not set (or not an absolute path), and what ~ at "
            + "the start of a path typed in the wizard stands for."),
        ("RUNTIME_ADVISOR_DATA", "A knowledge-base folder (an edited copy of Data/) to use when --data is not given; "
            + "unset or empty: the one built into the binary. kb diff names both of its sides and ignores it. Shell "
            + "completion offers its stack ids."),
        ("RUNTIME_ADVISOR_PRICES", "A price book to use when --prices is not given; unset or empty: list prices. "
            + "recheck and supersede use a record's own price book before it."),
    ]

    /// Where the advisor reads and writes files of its own accord.
    static let files: [(path: String, meaning: String)] = [
        ("$XDG_STATE_HOME/runtime-advisor/sessions/ID.yaml", "One wizard's answers as they are given (under "
            + "~/.local/state/ when XDG_STATE_HOME is not set), rewritten atomically after every change, readable only "
            + "by you (0600 in 0700 folders); ID.lock beside it is locked while that wizard runs. Kept after a crash or "
            + "an unsaved quit, for the welcome screen and --resume; a clean quit after saving or exporting removes it."),
        ("DIR/NNNN-title.md", "A decision record written with --adr-dir DIR or by supersede: the next free number "
            + "in DIR (created if missing) and the decision's title. The wizard's e offers docs/decisions/NNNN-title.md, "
            + "or the same in the --adr-dir folder."),
        ("FILE", "What --output or --save-consensus names: written to a temporary file in the same folder, then "
            + "renamed into place; an existing file is replaced only with --force."),
    ]

    static func render() -> String {
        var lines = [".Sh KEYS", "The wizard's keys, screen by screen (? shows the same table on screen):"]
        for screen in KeyReference.all {
            lines += [".Ss " + argument(screen.title), ".Bl -tag -width Ds"]
            for key in screen.keys { lines += [".It Sy " + argument(key.keys), text(key.meaning)] }
            lines.append(".El")
        }
        lines += [".Sh ENVIRONMENT", ".Bl -tag -width Ds"]
        for (name, meaning) in environment { lines += [".It Ev " + name, text(meaning)] }
        lines += [".El", ".Sh FILES", ".Bl -tag -width Ds"]
        for (path, meaning) in files { lines += [".It Pa " + argument(path), text(meaning)] }
        lines += [".El", ".Sh \"EXIT STATUS\"", ".Bl -tag -width Ds"]
        for (code, _, meaning) in Exit.documented { lines += [".It \(code.rawValue)", text(meaning)] }
        lines.append(".El")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A macro argument, quoted so spaces and punctuation (`.`, `,`, `(`) stay part of it.
    static func argument(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }

    /// A line of running text: a leading `.` or `'` would make it a request.
    static func text(_ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
