import AdvisorCore
import AdvisorFiles
import AdvisorRecord
@_exported import AdvisorTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The built-in templates, read from the repository (the binary embeds these same files).
func template(_ name: String = DecisionRecord.templateName) throws -> String {
    try String(contentsOfFile: packageRoot + "/Screens/" + name, encoding: .utf8)
}

func exampleFiles() -> [String] { exampleNames.map(examplePath) }

/// A record for `answers`, rendered with the built-in template (or `templateName`).
func record(_ answers: Answers, engine: Engine = shippedEngine, supersedes: SupersededRecord? = nil,
            templateName: String = DecisionRecord.templateName) throws -> String {
    let advice = engine.advise(answers, today: fixedToday)
    return try DecisionRecord.render(advice, engine: engine, options: RecordOptions(date: fixedToday, supersedes: supersedes),
                                     template: template(templateName))
}

/// The front matter's YAML and the Markdown body after it, split the way code hosts do.
func splitFrontMatter(_ text: String) -> (yaml: String, body: String)? {
    guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") else { return nil }
    return (String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n", String(text[end.upperBound...]))
}

// MARK: cmark-gfm

struct CmarkError: Error, CustomStringConvertible {
    var description: String
}

/// Tests that read records through cmark-gfm carry this: skipped, naming the package, where it is missing.
let needsCmark = RequiredTool.cmarkGFM.trait

/// Runs the real cmark-gfm on `markdown` with the table extension (plus `extensions`).
func cmark(_ markdown: String, to format: String = "xml", extensions: [String] = []) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try RequiredTool.cmarkGFM.require())
    process.arguments = ["-e", "table"] + extensions.flatMap { ["-e", $0] } + ["-t", format]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // Write on another thread so a large output cannot block the pipe both ways.
    let bytes = Data(markdown.utf8)
    let writer = Thread {
        input.fileHandleForWriting.write(bytes)
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CmarkError(description: "cmark-gfm exited \(process.terminationStatus)") }
    return String(decoding: result, as: UTF8.self)
}

/// A node of cmark-gfm's XML tree.
struct MDNode {
    var name: String
    var attributes: [String: String]
    var children: [MDNode]
    /// The text of `text` and `code` nodes, and code blocks' literal content.
    var literal: String

    /// The text a reader sees: literals joined, soft breaks as spaces.
    var text: String {
        switch name {
        case "text", "code", "code_block", "html_inline", "html_block": return literal
        case "softbreak", "linebreak": return " "
        default: return children.map(\.text).joined()
        }
    }

    func all(_ kind: String) -> [MDNode] {
        (name == kind ? [self] : []) + children.flatMap { $0.all(kind) }
    }
}

/// The body of a record as cmark-gfm parses it (read with a streaming parser, which keeps the
/// test process small: other tests measure the memory of processes it spawns).
func parseMarkdown(_ markdown: String) throws -> MDNode {
    let xml = try cmark(markdown)
    let builder = TreeBuilder()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = builder
    guard parser.parse(), let root = builder.stack.first?.children.first else {
        throw CmarkError(description: "cmark-gfm's XML does not parse: \(parser.parserError.map(String.init(describing:)) ?? "empty")")
    }
    return root
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    static let leaves: Set = ["text", "code", "code_block", "html_inline", "html_block"]
    var stack = [MDNode(name: "", attributes: [:], children: [], literal: "")]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        stack.append(MDNode(name: name, attributes: attributes, children: [], literal: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if Self.leaves.contains(stack[stack.count - 1].name) { stack[stack.count - 1].literal += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let node = stack.removeLast()
        stack[stack.count - 1].children.append(node)
    }
}

/// Headings as (level, text), in document order.
func headings(_ document: MDNode) -> [(level: Int, text: String)] {
    document.all("heading").map { (Int($0.attributes["level"] ?? "0") ?? 0, $0.text) }
}

/// Each table as rows of cell texts, the header first.
func tables(_ document: MDNode) -> [[[String]]] {
    document.all("table").map { table in
        table.children.map { row in row.children.map(\.text) }
    }
}

/// The table whose header row starts with `first`.
func table(_ document: MDNode, header first: String, after: Int = 0) -> [[String]]? {
    tables(document).filter { $0.first?.first == first }.dropFirst(after).first
}

/// Copies the shipped knowledge base to a temporary folder, for tests that change it.
func copyOfData() throws -> String {
    let folder = NSTemporaryDirectory() + "record-tests-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: packageRoot + "/Data", toPath: folder)
    return folder
}

/// Replaces `old` by `new` in a file; fails unless `old` occurs exactly once.
func edit(_ path: String, replacing old: String, with new: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let parts = text.components(separatedBy: old)
    guard parts.count == 2 else { throw CmarkError(description: "\(path): '\(old)' occurs \(parts.count - 1) times") }
    try parts.joined(separator: new).write(toFile: path, atomically: true, encoding: .utf8)
}

/// True when the only HTML is the record's folding (`<details>`, `<summary>…</summary>`) and the only
/// links go to the addresses Data/sources.yaml confirms or, from a citation, to the sources list:
/// text from answers or a knowledge base adds neither.
func onlyFoldingAndSourceLinks(_ document: MDNode, engine: Engine = shippedEngine) -> Bool {
    let urls = Set(engine.knowledgeBase.sources.compactMap(\.url) + ["#sources-cited"])
    let inline = document.all("html_inline").allSatisfy { ["<summary>", "</summary>"].contains($0.literal) }
    let blocks = document.all("html_block").allSatisfy { block in
        let text = block.literal.trimmingCharacters(in: .whitespacesAndNewlines)
        // Summaries carry no text from answers or the knowledge base: inside HTML, Markdown escaping does nothing.
        // A fold may close the one before it on its first line, so back-to-back folds cost no blank line.
        let opening = text.hasPrefix("</details>\n") ? String(text.dropFirst("</details>\n".count)) : text
        let summary = opening.hasPrefix("<details>\n<summary>") ? String(opening.dropFirst("<details>\n<summary>".count)) : nil
        return text == "<details>" || text == "</details>"
            || summary.map { $0.hasSuffix("</summary>") && !$0.dropLast("</summary>".count).contains("<") } == true
    }
    let links = document.all("link").allSatisfy { urls.contains($0.attributes["destination"] ?? "") }
    return inline && blocks && links && document.all("image").isEmpty
}

/// The three participants of Data/examples/team.
func teamParticipants() throws -> [Participant] {
    try ["amara", "bruno", "chen"].map { name in
        let path = "\(packageRoot)/Data/examples/team/\(name).yaml"
        let answers = try readAnswers(path)
        return Participant(name: answers.participant ?? name, file: "Data/examples/team/\(name).yaml", answers: answers)
    }
}

/// The team record of Data/examples/team, as `team --format markdown` writes it.
func teamRecord(templateName: String = DecisionRecord.templateName) throws -> String {
    let team = shippedEngine.team(try teamParticipants(), today: fixedToday)
    return try TeamRecord.render(team.advice, team: team, engine: shippedEngine, options: RecordOptions(date: fixedToday),
                                 template: template(templateName), file: templateName).text
}

/// The records held to the real-world checkers: every example's full and minimal record, and the team record.
func checkedRecords() -> [String] {
    exampleNames.map { "full " + $0 } + exampleNames.map { "minimal " + $0 } + ["team", "team minimal"]
}

/// The text of one of `checkedRecords()`.
func checkedRecord(_ name: String) throws -> String {
    let parts = name.split(separator: " ").map(String.init)
    let templateName = parts.contains("minimal") ? DecisionRecord.minimalTemplateName : DecisionRecord.templateName
    if parts[0] == "team" { return try teamRecord(templateName: templateName) }
    return try record(try readAnswers(examplePath(parts[1])), templateName: templateName)
}
