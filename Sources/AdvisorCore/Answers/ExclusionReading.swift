import Yams

/// Reads `decision.exclude`: a list of stacks the team rules out, each `{stack: ID, reason: "…"}` or
/// a bare id, checked against the knowledge base's stacks (the questionnaire's `stackOptions`).
enum ExclusionReading {
    static let key = "decision.exclude"

    static func read(_ node: Node, options: [AnswerOption], reader: YAMLReader) -> [Exclusion] {
        guard !reader.isNull(node), let items = reader.sequence(node, key: key) else { return [] }
        var exclusions: [Exclusion] = []
        var seen: [StackID: Node] = [:]
        for item in items {
            guard let (exclusion, stackNode) = entry(item, options: options, reader: reader) else { continue }
            if let first = seen[exclusion.stack] {
                reader.error(stackNode, key: key, "rules out '\(exclusion.stack)' again (first at line \(first.mark?.line ?? 0))",
                             expected: "each stack once")
                continue
            }
            seen[exclusion.stack] = stackNode
            exclusions.append(exclusion)
        }
        if exclusions.rulesOutEvery(options) {
            reader.error(node, key: key, "rules out every stack, which leaves nothing to rank",
                         expected: "at least one of \(options.map(\.value).joined(separator: ", ")) left in")
        }
        return exclusions
    }

    /// One entry: a mapping with `stack` and an optional `reason`, or a bare stack id.
    private static func entry(_ item: Node, options: [AnswerOption], reader: YAMLReader) -> (Exclusion, Node)? {
        var stackNode = item
        var reason: String?
        if case .mapping = item {
            guard let fields = reader.fields(item, path: key) else { return nil }
            let reasonNode = fields.value("reason")
            guard let node = fields.required("stack", expected: "stack: a stack id") else {
                fields.finish()
                return nil
            }
            stackNode = node
            if let reasonNode, !reader.isNull(reasonNode),
               let text = reader.string(reasonNode, key: key + ".reason", maxLength: Exclusion.maxReasonLength) {
                if let problem = Exclusion.reasonProblem(text) {
                    reader.error(reasonNode, key: key + ".reason", problem.message, expected: problem.expected)
                } else {
                    reason = text
                }
            }
            fields.finish()
        }
        guard let id = reader.string(stackNode, key: key + ".stack", maxLength: 200) else { return nil }
        if let problem = Exclusion.stackProblem(id, options: options) {
            reader.error(stackNode, key: key + ".stack", problem.message, expected: problem.expected, suggestion: problem.suggestion)
            return nil
        }
        return (Exclusion(stack: id, reason: reason), stackNode)
    }
}
