import AdvisorCore

/// The record that supersedes another: its label and the link to it from the old record's folder.
public struct Successor: Hashable, Sendable {
    public var label: String
    /// Relative to the old record's folder: `0002-new.md`, or `../adr/0001-new.md` across folders.
    public var link: String
    /// The new record's folder when it is not the old one's, and its title (Markdown).
    public var folder: String?
    public var title: String?

    public init(label: String, link: String, folder: String? = nil, title: String? = nil) {
        self.label = label
        self.link = link
        self.folder = folder
        self.title = title
    }

    /// `[ADR-0002 in docs/adr: New title](../adr/0002-new.md)`: another folder's ADR-0002 is named as
    /// such, and the title says what replaced the decision. The line under the old record's title.
    var markdown: String {
        let text = MarkdownText.escape(label + (folder.map { " in \($0)" } ?? "")) + (title.map { ": " + $0 } ?? "")
        return "[\(text)](\(MarkdownText.linkDestination(link)))"
    }

    /// `[ADR-0002 in docs/adr](../adr/0002-new.md)`: MADR's short form for the `status:` line, with the folder
    /// when it is another one.
    var statusMarkdown: String {
        "[\(MarkdownText.escape(label + (folder.map { " in \($0)" } ?? "")))](\(MarkdownText.linkDestination(link)))"
    }
}

/// Rewrites a record's `status:` in its front matter, keeping every other byte as it was.
public enum RecordStatus {
    /// The record's text with `status: "superseded by [ADR-0002](link)"` (MADR's form) and a line under
    /// its title pointing at the successor, so the link works from the old record's own folder.
    public static func markSuperseded(_ text: String, by successor: Successor, file: String) throws(DiagnosticError) -> String {
        let marked = try replaceStatus(text, with: "superseded by " + successor.statusMarkdown, file: file)
        let lines = RecordLines(marked)
        guard let front = lines.frontMatter,
              let title = lines.lines.indices.dropFirst(front.upperBound).first(where: { lines.lines[$0].hasPrefix("# ") }) else {
            return marked
        }
        let ending = marked.contains("\r\n") ? "\r" : ""
        var pieces = RecordLines.split(Substring(marked)).map { String($0) }
        pieces.insert(contentsOf: [ending, "Superseded by \(successor.markdown)." + ending], at: title + 1)
        return pieces.joined(separator: "\n")
    }

    /// The record's text with `status: "superseded by ADR-0002"`; throws when the text has no front matter.
    public static func markSuperseded(_ text: String, by label: String, file: String) throws(DiagnosticError) -> String {
        try replaceStatus(text, with: "superseded by \(label)", file: file)
    }

    public static func replaceStatus(_ text: String, with status: String, file: String) throws(DiagnosticError) -> String {
        let lines = RecordLines(text)
        guard let front = lines.frontMatter else {
            throw RecordReader.problem(file, line: 1, "has no front matter",
                                       expected: "a decision record starting with a '---' line")
        }
        let ending = text.contains("\r\n") ? "\r\n" : "\n"
        let replacement = "status: " + YAMLText.quoted(status)
        // Work on whole lines of the original text (terminators included), so nothing else changes.
        var pieces = RecordLines.split(Substring(text)).map { String($0) }
        let statusLine = (front.lowerBound + 1..<front.upperBound - 1).first { lines.lines[$0].hasPrefix("status:") }
        if let statusLine {
            let carriage = pieces[statusLine].hasSuffix("\r") ? "\r" : ""
            // A value continued on indented lines goes with it.
            var end = statusLine + 1
            while end < front.upperBound - 1, lines.lines[end].first == " " || lines.lines[end].first == "\t" { end += 1 }
            pieces.replaceSubrange(statusLine..<end, with: [replacement + carriage])
        } else {
            pieces.insert(replacement + (ending == "\r\n" ? "\r" : ""), at: front.lowerBound + 1)
        }
        return pieces.joined(separator: "\n")
    }
}
