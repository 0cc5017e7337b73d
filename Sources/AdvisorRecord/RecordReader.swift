import AdvisorCore

/// What a re-check needs from an existing record: its front matter and the answers block.
public struct RecordedDecision: Sendable {
    public var file: String
    public var status: String?
    public var date: Day?
    public var toolVersion: String?
    public var knowledgeBaseAsOf: Day
    public var chosenStack: StackID
    /// The rules that applied when the record was written; nil for records that do not list them.
    public var appliedRules: [String]?
    public var answersSHA256: String?
    /// Modelled monthly totals by stack; nil for a stack nothing was priced for.
    public var monthlyUSD: [StackID: Double?]
    public var scores: [StackID: Double]
    public var factsSHA256: [StackID: String]
    /// The record's title (its `# ` line), if it has one.
    public var title: String? = nil
    /// SHA-256 of the knowledge base the record used; nil for records written before it was kept.
    public var knowledgeBaseSHA256: String? = nil
    /// Each applied rule's fingerprint when the record was written; nil for records without them.
    public var ruleDigests: [String: String]? = nil
    /// Stacks whose recorded monthly cost was a lower bound.
    public var lowerBounds: Set<StackID> = []
    /// Each stack's fit per axis, and `cost` for the cost term in the billing fit, as recorded.
    public var fits: [StackID: [String: Double]] = [:]
    /// Each stack's meter rates as recorded, by meter id.
    public var rates: [StackID: [String: Double]] = [:]
    /// The answers block's lines, each ending in a newline.
    public var answersText: String
    /// The record's line holding the first line of the answers block.
    public var answersLine: Int

    /// Whether the answers block still has the digest the record was written with (nil: no digest).
    public var answersMatchDigest: Bool? { answersSHA256.map { $0 == SHA256.hex(answersText) } }

    /// The recorded answers, read as an answers file; problems point at the record's own lines. Lines
    /// marked `# default` stay defaulted, so a re-check or a superseding record keeps them apart.
    public func answers(questionnaire: Questionnaire) throws(DiagnosticError) -> Answers {
        do {
            var answers = try AnswersParser.parse(bytes: Array(answersText.utf8), file: file, questionnaire: questionnaire)
            answers.defaulted.formUnion(AnswersWriter.defaultedIDs(in: answersText).filter { answers.values[$0] != nil })
            return answers
        } catch {
            throw DiagnosticError(error.diagnostics.map { diagnostic in
                var moved = diagnostic
                moved.location.line = diagnostic.location.line.map { $0 + answersLine - 1 } ?? answersLine
                return moved
            }, kind: .invalidInput)
        }
    }
}

/// Reads a decision record: YAML front matter between `---` lines at the top, and the first fenced
/// `yaml` block holding an answers file (a `version:` line).
public enum RecordReader {
    public static func read(_ text: String, file: String) throws(DiagnosticError) -> RecordedDecision {
        let lines = RecordLines(text)
        guard let front = lines.frontMatter else {
            throw problem(file, line: 1, "has no front matter",
                          expected: "a decision record written by runtime-advisor, starting with a '---' line")
        }
        let yaml = lines.text(front.lowerBound + 1..<front.upperBound - 1)
        guard let root = try YAMLDocument.parse(text: yaml, file: file, limits: .answers) else {
            throw problem(file, line: 1, "has empty front matter", expected: "status, date, chosen-stack, …")
        }
        let reader = YAMLReader(file: file)
        guard let fields = reader.fields(root, path: "") else { throw DiagnosticError(shifted(reader.diagnostics)) }
        let chosen = fields.string("chosen-stack", maxLength: 200)
        let asOf = fields.required("knowledge-base-as-of", expected: "YYYY-MM-DD").flatMap {
            reader.day($0, key: "knowledge-base-as-of")
        }
        var record = RecordedDecision(
            file: file, status: fields.optionalString("status"), date: fields.day("date"),
            toolVersion: fields.optionalString("tool-version"), knowledgeBaseAsOf: asOf ?? Day(year: 1970, month: 1, day: 1)!,
            chosenStack: chosen ?? "", appliedRules: fields.value("rules") == nil ? nil : fields.stringList("rules"),
            answersSHA256: fields.optionalString("answers-sha256"),
            monthlyUSD: [:], scores: [:], factsSHA256: [:], answersText: "", answersLine: 0)
        record.knowledgeBaseSHA256 = fields.optionalString("knowledge-base-sha256", maxLength: 64)
        record.ruleDigests = numbers(fields, "rules-sha256", reader, strings: true)?.strings
        // One line per stack: `stacks: {"id": {monthly-usd: …, score: …, facts-sha256: "…"}}`.
        if let stacks = mapping(fields, "stacks", reader) {
            for key in stacks.keys {
                guard let node = stacks.value(key), let entry = reader.fields(node, path: "stacks." + key) else { continue }
                if let cost = entry.value("monthly-usd") {
                    record.monthlyUSD[key] = reader.isNull(cost) ? .some(nil) : reader.number(cost, key: entry.key("monthly-usd"))
                }
                record.scores[key] = entry.value("score").flatMap { reader.number($0, key: entry.key("score")) }
                record.factsSHA256[key] = entry.optionalString("facts-sha256", maxLength: 64)
                if let flag = entry.value("lower-bound"), reader.bool(flag, key: entry.key("lower-bound")) == true {
                    record.lowerBounds.insert(key)
                }
                record.fits[key] = numbers(entry, "fits", reader)?.numbers
                record.rates[key] = numbers(entry, "rates", reader)?.numbers
            }
        }
        // Records written before the compact form: three mappings keyed by stack.
        if let costs = mapping(fields, "monthly-usd", reader) {
            for key in costs.keys {
                guard let node = costs.value(key) else { continue }
                record.monthlyUSD[key] = reader.isNull(node) ? .some(nil) : reader.number(node, key: costs.key(key))
            }
        }
        if let scores = mapping(fields, "scores", reader) {
            for key in scores.keys { record.scores[key] = scores.value(key).flatMap { reader.number($0, key: scores.key(key)) } }
        }
        if let digests = mapping(fields, "facts-sha256", reader) {
            for key in digests.keys { record.factsSHA256[key] = digests.optionalString(key, maxLength: 64) }
        }
        guard reader.diagnostics.isEmpty else { throw DiagnosticError(shifted(reader.diagnostics)) }
        guard let block = lines.answersBlock(after: front.upperBound) else {
            throw problem(file, line: nil, "has no answers block",
                          expected: "a fenced ```yaml block holding the answers file (starting 'version: 1')")
        }
        guard block.closed else {
            throw problem(file, line: block.content.lowerBound + 1, "has an answers block that is never closed",
                          expected: "a closing fence line")
        }
        record.answersText = lines.text(block.content)
        record.answersLine = block.content.lowerBound + 1
        record.title = lines.lines.dropFirst(front.upperBound).first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        return record
    }

    /// A flow mapping of numbers (`fits`, `rates`) or of strings (`rules-sha256`); nil when absent.
    private static func numbers(_ fields: Fields, _ name: String, _ reader: YAMLReader, strings: Bool = false)
        -> (numbers: [String: Double], strings: [String: String])? {
        guard let map = mapping(fields, name, reader) else { return nil }
        var numbers: [String: Double] = [:], texts: [String: String] = [:]
        for key in map.keys {
            guard let node = map.value(key) else { continue }
            if strings {
                texts[key] = map.optionalString(key, maxLength: 64)
            } else {
                numbers[key] = reader.number(node, key: map.key(key))
            }
        }
        return (numbers, texts)
    }

    /// A mapping in the front matter, such as `monthly-usd`; nil when absent or null.
    private static func mapping(_ fields: Fields, _ name: String, _ reader: YAMLReader) -> Fields? {
        guard let node = fields.value(name), !reader.isNull(node) else { return nil }
        return reader.fields(node, path: name)
    }

    /// Front-matter line numbers count from the `---` line.
    private static func shifted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map {
            var moved = $0
            moved.location.line = $0.location.line.map { $0 + 1 }
            return moved
        }
    }

    static func problem(_ file: String, line: Int?, _ message: String, expected: String) -> DiagnosticError {
        DiagnosticError([Diagnostic(SourceLocation(file: file, line: line), message, expected: expected)], kind: .invalidInput)
    }
}
