/// A Markdown document as lines, for finding the front matter and fenced blocks the way CommonMark
/// does: fences of three or more backticks or tildes, indented at most three spaces, closed by a run
/// of the same character at least as long.
struct RecordLines {
    /// Lines without their `\n` or `\r\n`.
    let lines: [Substring]

    init(_ text: String) {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        lines = Self.split(body).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// Splits at every `\n`, including the one in `\r\n` (which Swift counts as a single Character).
    static func split(_ text: Substring) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The lines from the opening `---` to the closing `---` (or `...`), both included.
    var frontMatter: Range<Int>? {
        guard let first = lines.first, trimmed(first) == "---" else { return nil }
        guard let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(trimmed(lines[$0])) }) else {
            return nil
        }
        return 0..<(end + 1)
    }

    /// The lines in `range`, each ending in a newline.
    func text(_ range: Range<Int>) -> String { range.map { lines[$0] + "\n" }.joined() }

    struct Block {
        var content: Range<Int>
        var closed: Bool
    }

    /// The first fenced block after `start` whose info string is `yaml` and which holds a `version:` line
    /// and no `participant:` line (a team record also folds each participant's own answers).
    func answersBlock(after start: Int) -> Block? {
        var index = start
        while index < lines.count {
            guard let fence = Self.opening(lines[index]) else {
                index += 1
                continue
            }
            let close = lines.indices[(index + 1)...].first { Self.closes(lines[$0], fence) }
            let content = (index + 1)..<(close ?? lines.count)
            let isAnswers = fence.info.split(separator: " ").first == "yaml"
                && content.contains { lines[$0].hasPrefix("version:") }
                && !content.contains { lines[$0].hasPrefix("participant:") }
            if isAnswers { return Block(content: content, closed: close != nil) }
            guard let close else { return nil }
            index = close + 1
        }
        return nil
    }

    struct Fence {
        var mark: Character
        var length: Int
        var info: Substring
    }

    static func opening(_ line: Substring) -> Fence? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let mark = rest.first, mark == "`" || mark == "~" else { return nil }
        let length = rest.prefix { $0 == mark }.count
        let info = rest.dropFirst(length)
        guard length >= 3, !(mark == "`" && info.contains("`")) else { return nil }
        return Fence(mark: mark, length: length, info: Substring(trimmed(info)))
    }

    static func closes(_ line: Substring, _ fence: Fence) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let length = rest.prefix { $0 == fence.mark }.count
        return length >= fence.length && rest.dropFirst(length).allSatisfy { $0 == " " || $0 == "\t" }
    }

    static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    func trimmed(_ text: Substring) -> String { Self.trimmed(text) }
}
