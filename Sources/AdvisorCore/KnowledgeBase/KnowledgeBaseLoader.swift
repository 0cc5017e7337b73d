import Yams

/// Reads and validates the knowledge base. Refuses it whole, naming every problem with file and line,
/// so the advisor never runs on half a knowledge base.
public enum KnowledgeBaseLoader {
    /// `files` maps each file's display path (for messages) to its bytes; paths ending in
    /// `examples/…` are answers files, not knowledge, and are skipped.
    public static func load(files: [String: [UInt8]], questionnaire: Questionnaire) throws(DiagnosticError) -> KnowledgeBase {
        let (documents, problems) = parse(files: files)
        return try load(documents: documents, problems: problems, questionnaire: questionnaire)
    }

    /// The YAML trees of the knowledge-base files, and the files that do not parse.
    public static func parse(files: [String: [UInt8]]) -> (documents: [String: Node], problems: [Diagnostic]) {
        var documents: [String: Node] = [:]
        var problems: [Diagnostic] = []
        for path in files.keys.sorted() where path.hasSuffix(".yaml") && !path.split(separator: "/").contains("examples") {
            do {
                if let root = try YAMLDocument.parse(bytes: files[path]!, file: path, limits: .knowledgeBase) {
                    documents[path] = root
                } else {
                    problems.append(Diagnostic(SourceLocation(file: path), "is empty"))
                }
            } catch {
                problems += error.diagnostics
            }
        }
        return (documents, problems)
    }

    /// Validates parsed files (see `parse(files:)`), with the problems parsing already found.
    public static func load(documents: [String: Node], problems: [Diagnostic] = [],
                            questionnaire: Questionnaire) throws(DiagnosticError) -> KnowledgeBase {
        let context = LoadContext(questionnaire: questionnaire)
        let parsed = documents.sorted { $0.key < $1.key }.map { (path: $0.key, root: $0.value) }
        var problems = problems
        var parts = Parts()
        for (path, root) in parsed {
            let reader = YAMLReader(file: path)
            read(path: path, root: root, reader: reader, context: context, into: &parts)
            problems += reader.diagnostics
        }
        for required in ["knowledge-base.yaml", "sources.yaml", "axes.yaml"]
        where !parsed.contains(where: { fileName($0.path) == required }) {
            problems.append(Diagnostic(SourceLocation(file: required), "is missing from the knowledge base"))
        }
        if parts.stacks.isEmpty {
            problems.append(Diagnostic(SourceLocation(file: "stacks/"), "holds no stacks", expected: "stacks/<id>.yaml files"))
        }
        guard let meta = parts.meta else { throw DiagnosticError(problems) }

        let stackIDs = parts.stacks.map(\.id).sorted()
        let risks = parts.risks.map { risk in
            var risk = risk
            if risk.stacks.contains("all") { risk.stacks = stackIDs }
            return risk
        }
        let base = KnowledgeBase(
            meta: meta, sources: parts.sources.sorted { $0.id < $1.id }, axes: parts.axes,
            stacks: parts.stacks.sorted { $0.id < $1.id }, profiles: parts.profiles.sorted { $0.id < $1.id },
            rules: parts.rules.sorted { $0.id < $1.id }, floors: parts.floors.sorted { $0.id < $1.id },
            risks: risks.sorted { ($0.severity, $0.id) < ($1.severity, $1.id) },
            homeGrounds: parts.homeGrounds.sorted { $0.id < $1.id }, contested: parts.contested.sorted { $0.id < $1.id })
        problems += context.crossCheck(base)
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return base
    }

    struct Parts {
        var meta: KnowledgeBase.Meta?
        var sources: [Source] = []
        var axes: [Axis] = []
        var stacks: [Stack] = []
        var profiles: [Profile] = []
        var rules: [Rule] = []
        var floors: [Floor] = []
        var risks: [Risk] = []
        var homeGrounds: [HomeGround] = []
        var contested: [Contested] = []
    }

    static func fileName(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }
    static func folder(_ path: String) -> String? { path.split(separator: "/").dropLast().last.map(String.init) }

    private static func read(path: String, root: Node, reader: YAMLReader, context: LoadContext, into parts: inout Parts) {
        switch (folder(path), fileName(path)) {
        case (_, "knowledge-base.yaml"): parts.meta = MetaReader.read(root, reader: reader, context: context)
        case (_, "sources.yaml"): parts.sources += MetaReader.readSources(root, reader: reader)
        case (_, "axes.yaml"): parts.axes += FrameworkReader.readAxes(root, reader: reader, context: context)
        case (_, "risks.yaml"): parts.risks += FrameworkReader.readRisks(root, reader: reader, context: context)
        case (_, "contested.yaml"): parts.contested += FrameworkReader.readContested(root, reader: reader, context: context)
        case ("stacks", _):
            if let stack = StackReader.read(root, reader: reader, context: context) { parts.stacks.append(stack) }
        case ("rules", _):
            let framework = FrameworkReader.readRules(root, reader: reader, context: context)
            parts.profiles += framework.profiles
            parts.rules += framework.rules
            parts.floors += framework.floors
            parts.homeGrounds += framework.homeGrounds
        default:
            reader.error(root, key: nil, "is not a knowledge-base file",
                         expected: "knowledge-base.yaml, sources.yaml, axes.yaml, risks.yaml, contested.yaml, stacks/*.yaml or rules/*.yaml")
        }
    }
}

/// Reads knowledge-base.yaml and sources.yaml.
enum MetaReader {
    static func read(_ root: Node, reader: YAMLReader, context: LoadContext) -> KnowledgeBase.Meta? {
        guard let fields = reader.fields(root, path: "") else { return nil }
        let name = fields.string("name")
        let asOf = fields.required("as_of").flatMap { reader.day($0, key: "as_of") }
        let monthHours = fields.number("month_hours", atLeast: 1)
        let stale = fields.number("stale_after_days", atLeast: 1)
        let margin = fields.number("close_margin", atLeast: 0)
        var costFit: KnowledgeBase.CostFit?
        if let node = fields.value("cost_fit"), let fit = reader.fields(node, path: "cost_fit") {
            let axis = fit.string("axis", maxLength: 40)
            let weight = fit.number("weight", atLeast: 0)
            fit.finish()
            if let axis { context.referAxis(axis, at: reader.location(fit.value("axis")), key: "cost_fit.axis") }
            if let weight, weight > 1 { reader.error(fit.value("weight"), key: "cost_fit.weight", "must be within 0 to 1") }
            if let axis, let weight { costFit = .init(axis: axis, weight: weight) }
        }
        var derived: Source?
        if let node = fields.required("derived_from"), let from = reader.fields(node, path: "derived_from") {
            let title = from.string("title"), publisher = from.string("publisher")
            let source = from.number("source").map { SourceID($0) }
            if let source { context.cite([source], at: reader.location(from.value("source")), key: "derived_from.source") }
            from.finish()
            if let title, let publisher, let source { derived = Source(id: source, title: title, publisher: publisher) }
        }
        fields.finish()
        guard let name, let asOf, let monthHours, let stale, let margin, let derived else { return nil }
        return .init(name: name, asOf: asOf, monthHours: monthHours, staleAfterDays: Int(stale),
                     closeMargin: margin, derivedFrom: derived, costFit: costFit,
                     asOfWritten: WrittenAt(reader.location(fields.value("as_of"))))
    }

    static func readSources(_ root: Node, reader: YAMLReader) -> [Source] {
        guard let fields = reader.fields(root, path: ""),
              let list = fields.required("sources").flatMap({ reader.sequence($0, key: "sources") }) else { return [] }
        fields.finish()
        var seen = Set<SourceID>()
        return list.compactMap { node in
            guard let entry = reader.fields(node, path: "sources") else { return nil }
            let id = entry.number("id").map { SourceID($0) }
            let title = entry.string("title"), publisher = entry.string("publisher")
            let url = entry.optionalString("url", maxLength: 500)
            if let url, !Source.isLinkable(url), let node = entry.value("url") {
                reader.error(node, key: "sources.url", "'\(url)' is not a plain https address",
                             expected: "https://… without spaces, quotes, angle brackets or parentheses")
            }
            entry.finish()
            guard let id, let title, let publisher else { return nil }
            if !seen.insert(id).inserted {
                reader.error(node, key: "sources", "source \(id) is defined twice", expected: "each id once")
            }
            return Source(id: id, title: title, publisher: publisher, url: url.flatMap { Source.isLinkable($0) ? $0 : nil })
        }
    }
}
