/// Writes answers as a version-1 answers file that `--answers` reads back to the same answers.
/// Sections and keys follow the questionnaire's order; text is always double-quoted and escaped, so
/// nothing a user typed can change the file's structure.
public enum AnswersWriter {
    /// `includeDefaults: false` leaves out answers that were never given (they stay defaults on re-read).
    /// `markDefaults: true` ends each line of a defaulted answer with `# default` (what `defaultMarker`
    /// finds), so a decision record keeps given and defaulted answers apart.
    /// `notes` ends a question's line with a comment (`  # split: not settled …`).
    public static func yaml(_ answers: Answers, questionnaire: Questionnaire, includeDefaults: Bool = true,
                            markDefaults: Bool = false, notes: [QuestionID: String] = [:]) -> String {
        var lines = ["version: \(Answers.currentVersion)"]
        if let participant = answers.participant { lines.append("participant: \(quoted(participant))") }
        // One pass over the questions, each line filed under its section; sections in the questionnaire's order.
        var entries: [String: [String]] = [:]
        for question in questionnaire.questions {
            guard let value = answers.values[question.id],
                  includeDefaults || !answers.defaulted.contains(question.id) else { continue }
            let mark = (markDefaults && answers.defaulted.contains(question.id) ? defaultMarker : "")
                + (notes[question.id].map { "  # " + PrintableText.clean($0) } ?? "")
            let text = answers.ranges[question.id].map(self.range) ?? scalar(value)
            entries[question.section, default: []].append("  \(question.key): \(text)\(mark)")
        }
        for section in questionnaire.sections {
            let excluded = section == "decision" ? exclusionLines(answers.exclusions) : []
            let sectionLines = entries[section] ?? []
            if sectionLines.isEmpty && excluded.isEmpty { continue }
            lines.append("\(section):")
            lines += sectionLines + excluded
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `decision.exclude`, one flow mapping a line: `- {stack: microsoft-agent-365, reason: "…"}`.
    static func exclusionLines(_ exclusions: [Exclusion]) -> [String] {
        guard !exclusions.isEmpty else { return [] }
        return ["  exclude:"] + exclusions.map { exclusion in
            "    - {stack: \(quotedIfNeeded(exclusion.stack))" + (exclusion.reason.map { ", reason: \(quoted($0))" } ?? "") + "}"
        }
    }

    /// `{low: 20, high: 60, likely: 35}`, `likely` only when it was given.
    static func range(_ range: ValueRange) -> String {
        "{low: \(Format.plain(range.low)), high: \(Format.plain(range.high))"
            + (range.likely.map { ", likely: \(Format.plain($0))" } ?? "") + "}"
    }

    /// The comment that marks a defaulted answer's line.
    public static let defaultMarker = "  # default"

    /// The question ids whose lines in `text` (an answers file this writer wrote) end in `# default`.
    public static func defaultedIDs(in text: String) -> Set<QuestionID> {
        var section = ""
        var ids = Set<QuestionID>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = line.first, first != " ", first != "#", line.hasSuffix(":") {
                section = String(line.dropLast())
            } else if line.hasPrefix("  "), line.hasSuffix(defaultMarker), let colon = line.firstIndex(of: ":") {
                let key = line[line.index(line.startIndex, offsetBy: 2)..<colon]
                if !key.isEmpty, !key.contains(" ") { ids.insert(section + "." + key) }
            }
        }
        return ids
    }

    /// The comment that marks a split the team has not settled, in a saved consensus file.
    public static let splitMarker = "  # split: not settled"

    /// The comment that says how the team settled an answer in the meeting, in a saved consensus file:
    /// `  # settled in the meeting: Chen (security)'s answer`, or `…: typed`.
    public static let settledMarker = "  # settled in the meeting: "

    /// The question ids whose lines in `text` carry `splitMarker`: the splits a consensus file still leaves open.
    public static func splitIDs(in text: String) -> Set<QuestionID> {
        Set(comments(in: text, marker: splitMarker).keys)
    }

    /// What follows `settledMarker` on each question's line: how the meeting settled it.
    public static func settledNotes(in text: String) -> [QuestionID: String] {
        comments(in: text, marker: settledMarker)
    }

    /// For each question line of an answers file this writer wrote that carries `marker`, what follows it.
    static func comments(in text: String, marker: String) -> [QuestionID: String] {
        var section = ""
        var found: [QuestionID: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = line.first, first != " ", first != "#", line.hasSuffix(":") {
                section = String(line.dropLast())
            } else if line.hasPrefix("  "), let mark = line.range(of: marker), let colon = line.firstIndex(of: ":") {
                let key = line[line.index(line.startIndex, offsetBy: 2)..<colon]
                if !key.isEmpty, !key.contains(" ") { found[section + "." + key] = String(line[mark.upperBound...]) }
            }
        }
        return found
    }

    static func scalar(_ value: AnswerValue) -> String {
        switch value {
        case .choice(let text): return quotedIfNeeded(text)
        case .flag(let flag): return flag ? "true" : "false"
        case .number(let number): return Format.plain(number)
        case .text(let text): return quoted(text)
        case .list(let items): return "[" + items.map(quoted).joined(separator: ", ") + "]"
        }
    }

    /// Option values are plain words; quote one anyway if YAML would read it as something else.
    static func quotedIfNeeded(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(text.lowercased())
            && Double(text) == nil
        return plain ? text : quoted(text)
    }

    /// A YAML double-quoted scalar: backslash, quote and every control, separator or bidi-override
    /// character escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                // Controls, line separators, the byte-order mark and bidirectional overrides are
                // escaped, so nothing typed can change how the file reads or displays.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                    || scalar.value == 0x2029 || scalar.value == 0xFEFF || (0x202A...0x202E).contains(scalar.value)
                    || (0x2066...0x2069).contains(scalar.value) {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
