/// A stack the team rules out for a reason outside the four axes (procurement, an existing contract,
/// politics): `decision.exclude` in an answers file, `--exclude STACK` on the command line, `x` on the
/// wizard's Ranking tab. The engine leaves it out of everything it computes for those answers.
public struct Exclusion: Hashable, Sendable {
    public var stack: StackID
    /// Why, in the team's words; nil when none was given.
    public var reason: String?

    public init(stack: StackID, reason: String? = nil) {
        self.stack = stack
        self.reason = reason
    }

    /// `decision.exclude` entries hold at most this many characters of reason.
    public static let maxReasonLength = 200

    /// What a person may type for a stack where an id is expected: the id, or a word of its name.
    public static func words(_ options: [AnswerOption]) -> [(id: String, words: String)] {
        options.map { ($0.value, $0.label + " " + ($0.help ?? "")) }
    }
}

extension Answers {
    /// The stacks ruled out, as a set.
    public var excludedStacks: Set<StackID> { Set(exclusions.map(\.stack)) }

    /// Rules a stack out (a second exclusion of the same stack keeps the first's reason).
    public mutating func exclude(_ exclusion: Exclusion) {
        guard !excludedStacks.contains(exclusion.stack) else { return }
        exclusions.append(exclusion)
    }

    /// Takes a stack back into the ranking.
    public mutating func include(_ stack: StackID) {
        exclusions.removeAll { $0.stack == stack }
    }
}

extension Exclusion {
    /// What is wrong with `id` as a stack to rule out: not one of `options` (with the nearest id, or the
    /// stack whose name has it as a word), or nil when it is one.
    public static func stackProblem(_ id: String, options: [AnswerOption]) -> (message: String, expected: String, suggestion: String?)? {
        guard !options.contains(where: { $0.value == id }) else { return nil }
        return ("'\(YAMLReader.quoted(id))' is not a stack in the knowledge base",
                options.map(\.value).joined(separator: " | "),
                DidYouMean.suggestion(for: id, among: words(options)))
    }

    /// What is wrong with a reason: it must be one visible line.
    public static func reasonProblem(_ reason: String) -> (message: String, expected: String)? {
        PersonName.problem(reason).map { ($0.message, "a reason of visible characters on one line") }
    }

    /// `--exclude STACK` or `--exclude "STACK: reason"`: the stack id, then, after the first colon, why.
    public static func argument(_ text: String, options: [AnswerOption]) -> Result<Exclusion, ArgumentProblem> {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let id = trimmed(parts[0])
        if let problem = stackProblem(id, options: options) {
            return .failure(ArgumentProblem(message: problem.message, expected: problem.expected, suggestion: problem.suggestion))
        }
        guard parts.count == 2 else { return .success(Exclusion(stack: id)) }
        let reason = trimmed(parts[1])
        if reason.count > maxReasonLength {
            return .failure(ArgumentProblem(message: "has a reason of \(reason.count) characters",
                                            expected: "at most \(maxReasonLength)", suggestion: nil))
        }
        if let problem = reasonProblem(reason) {
            return .failure(ArgumentProblem(message: "has a reason that \(problem.message)", expected: problem.expected, suggestion: nil))
        }
        return .success(Exclusion(stack: id, reason: reason))
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    public struct ArgumentProblem: Error, Hashable, Sendable {
        public var message: String
        public var expected: String
        public var suggestion: String?
    }
}

extension [Exclusion] {
    /// True when these rule out every one of `options`, which leaves nothing to rank.
    public func rulesOutEvery(_ options: [AnswerOption]) -> Bool {
        !options.isEmpty && Set(options.map(\.value)).isSubset(of: Set(map(\.stack)))
    }
}
