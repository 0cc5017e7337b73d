// libyaml ships inside Yams; its event parser lets the shape be measured before Yams composes a tree.
import CYaml

/// Measures a YAML text from libyaml's events, before Yams composes it. Composition is where hostile
/// input costs: Yams hashes every mapping key to find duplicates, and a key that is an alias of an
/// alias-expanded list is hashed through every expanded node, exponential in the nesting. Counting
/// here, with each anchor's expanded size remembered, bounds that work by the text's length.
enum YAMLShapeCheck {
    struct Problem: Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    /// The first problem in `text` under `limits`, or nil. A text libyaml cannot parse is left to Yams,
    /// which reports the error where it is; everything before it has been counted by then.
    static func firstProblem(in text: String, limits: YAMLDocument.Limits) -> Problem? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walk = Walk(limits: limits)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let problem = walk.take(event) { return problem }
            }
            return nil
        }
    }

    /// The running count: one frame per open list or mapping, each anchor's expanded size.
    private struct Walk {
        let limits: YAMLDocument.Limits
        var open: [(anchor: String?, size: Int)] = []
        var anchorSizes: [String: Int] = [:]
        var total = 0

        init(limits: YAMLDocument.Limits) { self.limits = limits }

        mutating func take(_ event: yaml_event_t) -> Problem? {
            let mark = event.start_mark
            func problem(_ message: String) -> Problem {
                Problem(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
            }
            switch event.type {
            case YAML_SCALAR_EVENT:
                return add(1, anchor: Self.name(event.data.scalar.anchor), problem)
            case YAML_ALIAS_EVENT:
                let name = Self.name(event.data.alias.anchor) ?? ""
                guard limits.allowsAliases else {
                    return problem("uses the alias '*\(YAMLReader.quoted(name))'; \(limits.fileKind) do not use anchors and aliases (expected the value written out)")
                }
                // An undefined alias is Yams's to report; it adds nothing here.
                return add(anchorSizes[name] ?? 0, anchor: nil, problem)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? Self.name(event.data.sequence_start.anchor) : Self.name(event.data.mapping_start.anchor)
                if open.count >= limits.maxDepth { return problem("nests deeper than \(limits.maxDepth) levels") }
                if let tooLarge = count(1, problem) { return tooLarge }
                open.append((anchor, 1))
                return nil
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchorSizes[anchor] = closed.size }
                if !open.isEmpty { open[open.count - 1].size = Self.capped(open[open.count - 1].size + closed.size) }
                return nil
            default:
                return nil
            }
        }

        /// Counts a scalar or an alias (as everything it expands to) in the total and the open frame.
        private mutating func add(_ size: Int, anchor: String?, _ problem: (String) -> Problem) -> Problem? {
            if let tooLarge = count(size, problem) { return tooLarge }
            if let anchor { anchorSizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size = Self.capped(open[open.count - 1].size + size) }
            return nil
        }

        private mutating func count(_ size: Int, _ problem: (String) -> Problem) -> Problem? {
            total = Self.capped(total + size)
            guard total > limits.maxNodes else { return nil }
            return problem("is too large: more than \(limits.maxNodes) values once aliases are expanded")
        }

        /// Sizes stop growing at a bound far above any limit, so arithmetic on them cannot overflow.
        private static func capped(_ size: Int) -> Int { min(size, 1 << 40) }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
