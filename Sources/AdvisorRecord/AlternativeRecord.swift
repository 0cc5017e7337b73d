import AdvisorCore

/// "Alternatives considered": the answers a review pinned as what-if A (`p` in the wizard) beside the
/// answers the record is for, in the engine's words (`WhatIf`), with A's answers to re-run. Inserted
/// like the team's section, so records without a pinned what-if are unchanged.
public enum AlternativeRecord {
    public static func section(pinned: Advice, whatIf: WhatIf, engine: Engine) -> String {
        var lines = ["## Alternatives considered", "",
                     MarkdownText.escape("The review also scored another set of answers (A) before settling on the ones this "
                                         + "record is for (now)."), "",
                     MarkdownText.escape(whatIf.changed.full), "", MarkdownText.escape(whatIf.winner.full), "",
                     "| Option | Score in A | Score now | Monthly in A | Monthly now | Change |",
                     "| --- | --: | --: | --: | --: | --: |"]
        for row in whatIf.rows {
            let cells = [engine.stackName(row.stack), row.before.map { Format.score($0.total) } ?? "ruled out",
                         row.after.map { Format.score($0.total) } ?? "ruled out", row.costBefore?.totalText ?? "ruled out",
                         row.costAfter?.totalText ?? "ruled out", row.monthlyChangeText]
            lines.append("| " + cells.map(MarkdownText.escape).joined(separator: " | ") + " |")
        }
        if !whatIf.conditions.isEmpty {
            lines.append("")
            lines += whatIf.conditions.map { "* " + MarkdownText.escape($0.full) }
        }
        let yaml = AnswersWriter.yaml(pinned.answers, questionnaire: engine.questionnaire, includeDefaults: false)
        let fence = MarkdownText.fence(for: yaml)
        lines += ["", "<details>", "<summary>The answers of A, to re-run with runtime-advisor --answers</summary>", "",
                  fence + "yaml"]
        lines += yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        lines += [fence, "", "</details>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
