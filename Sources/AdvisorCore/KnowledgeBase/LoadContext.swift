import Yams

/// What one knowledge-base load has seen: every reference with where it was made, checked once all
/// files are read, so a dangling reference is reported at the line that makes it.
final class LoadContext {
    let questionnaire: Questionnaire
    private var citations: [(ids: [SourceID], location: SourceLocation, key: String)] = []
    private var stackReferences: [(id: StackID, location: SourceLocation, key: String)] = []
    private var axisReferences: [(id: AxisID, location: SourceLocation, key: String)] = []
    private var profileReferences: [(id: String, location: SourceLocation, key: String)] = []
    private var meterReferences: [(id: String, location: SourceLocation, key: String)] = []
    /// Every meter id written, valid or not: a reference to a meter refused for another reason is not dangling.
    private var declaredMeters: Set<String> = []
    private var definitions: [(kind: String, id: String, location: SourceLocation)] = []

    init(questionnaire: Questionnaire) { self.questionnaire = questionnaire }

    func cite(_ ids: [SourceID], at location: SourceLocation, key: String) {
        citations.append((ids, location, key))
    }

    func referStack(_ id: StackID, at location: SourceLocation, key: String) {
        stackReferences.append((id, location, key))
    }

    func referAxis(_ id: AxisID, at location: SourceLocation, key: String) {
        axisReferences.append((id, location, key))
    }

    /// A meter named as having a second reading: it must exist and give an `alternative`.
    func referMeter(_ id: String, at location: SourceLocation, key: String) {
        meterReferences.append((id, location, key))
    }

    func declareMeter(_ id: String) { declaredMeters.insert(id) }

    func referProfile(_ id: String, at location: SourceLocation, key: String) {
        profileReferences.append((id, location, key))
    }

    /// Records an id so a second definition of the same kind is reported.
    func define(_ kind: String, _ id: String, at location: SourceLocation) {
        definitions.append((kind, id, location))
    }

    /// Reads `sources:` of an entry and records them; an entry without sources is an error.
    func sources(_ fields: Fields) -> [SourceID] {
        guard let node = fields.required("sources", expected: "a list of source numbers") else { return [] }
        let ids = SourceList.read(node, key: fields.key("sources"), reader: fields.reader)
        if ids.isEmpty, case .sequence = node {
            fields.reader.error(node, key: fields.key("sources"), "is empty", expected: "at least one source number")
        }
        cite(ids, at: fields.reader.location(node), key: fields.key("sources"))
        return ids
    }

    func crossCheck(_ base: KnowledgeBase) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let sourceIDs = Set(base.sources.map(\.id))
        let known = sourceIDs.sorted().map(String.init)
        let range = known.isEmpty ? "source numbers from sources.yaml" : "\(known.first!) to \(known.last!)"
        for citation in citations {
            for id in citation.ids where !sourceIDs.contains(id) {
                problems.append(Diagnostic(citation.location, key: citation.key, "cites unknown source \(id)",
                                           expected: range))
            }
        }
        for question in questionnaire.questions {
            for id in question.sources where !sourceIDs.contains(id) {
                problems.append(Diagnostic(SourceLocation(file: "Screens/questionnaire.yaml"), key: question.id,
                                           "cites unknown source \(id)", expected: range))
            }
        }
        problems += dangling(stackReferences, known: base.stacks.map(\.id), kind: "stack")
        problems += dangling(axisReferences, known: base.axes.map(\.id), kind: "axis")
        problems += dangling(profileReferences, known: base.profiles.map(\.id), kind: "profile")
        let invalidMeters = declaredMeters.subtracting(base.stacks.flatMap(\.meters).map(\.id))
        problems += dangling(meterReferences.filter { !invalidMeters.contains($0.id) },
                             known: base.stacks.flatMap(\.meters).filter { $0.alternative != nil }.map(\.id),
                             kind: "meter with an alternative reading")
        var seen: [String: SourceLocation] = [:]
        for definition in definitions {
            let key = definition.kind + ":" + definition.id
            if let first = seen[key] {
                problems.append(Diagnostic(definition.location, key: definition.id,
                                           "is a \(definition.kind) id already defined at \(first.description)",
                                           expected: "unique ids"))
            } else {
                seen[key] = definition.location
            }
        }
        for axis in base.axes where questionnaire.question("weights.\(axis.id)")?.kind != .number {
            problems.append(Diagnostic(SourceLocation(file: "Screens/questionnaire.yaml"), key: "weights.\(axis.id)",
                                       "is missing: every axis in axes.yaml needs a number question for its weight"))
        }
        return problems
    }

    private func dangling(_ references: [(id: String, location: SourceLocation, key: String)],
                          known: [String], kind: String) -> [Diagnostic] {
        references.filter { !known.contains($0.id) }.map {
            Diagnostic($0.location, key: $0.key, "refers to unknown \(kind) '\($0.id)'",
                       expected: known.joined(separator: " | "),
                       suggestion: DidYouMean.suggestion(for: $0.id, among: known))
        }
    }
}
