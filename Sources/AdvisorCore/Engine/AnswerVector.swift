/// Answers as one number per question, in questionnaire order: choices by option index, flags as 0 or 1.
/// Rules are compiled against this form so scoring thousands of answer sets stays cheap.
public struct AnswerVector: Hashable, Sendable {
    public var values: [Double]
}

/// A rule's condition with question ids resolved to positions and profiles inlined.
indirect enum CompiledCondition: Sendable {
    case always
    case equals(Int, Double)
    case oneOf(Int, [Double])
    case below(Int, Double)
    case atLeast(Int, Double)
    /// Strictly above: only the engine builds it (a session longer than a stack's lifetime).
    case above(Int, Double)
    case any([CompiledCondition])
    case all([CompiledCondition])
    case not(CompiledCondition)

    func holds(_ vector: AnswerVector) -> Bool {
        switch self {
        case .always: return true
        case .equals(let index, let value): return vector.values[index] == value
        case .oneOf(let index, let values): return values.contains(vector.values[index])
        case .below(let index, let limit): return vector.values[index] < limit
        case .atLeast(let index, let limit): return vector.values[index] >= limit
        case .above(let index, let limit): return vector.values[index] > limit
        case .any(let parts): return parts.contains { $0.holds(vector) }
        case .all(let parts): return parts.allSatisfy { $0.holds(vector) }
        case .not(let inner): return !inner.holds(vector)
        }
    }
}

extension Questionnaire {
    /// The number a value stands for in an `AnswerVector`.
    func encode(_ value: AnswerValue, for question: Question) -> Double {
        switch value {
        case .choice(let choice): return Double(question.options.firstIndex { $0.value == choice } ?? -1)
        case .flag(let flag): return flag ? 1 : 0
        case .number(let number): return number
        case .text, .list: return 0
        }
    }

    /// Missing answers take the question's default, so a vector is always complete.
    public func vector(_ answers: Answers) -> AnswerVector {
        AnswerVector(values: questions.map { question in
            encode(answers.values[question.id] ?? question.defaultValue, for: question)
        })
    }

    /// The answer a vector entry stands for (for reporting changed answers).
    func decode(_ number: Double, for question: Question) -> AnswerValue {
        switch question.kind {
        case .choice:
            let index = Int(number)
            return .choice(question.options.indices.contains(index) ? question.options[index].value : "")
        case .boolean: return .flag(number != 0)
        case .integer, .number: return .number(number)
        case .text, .list: return question.defaultValue
        }
    }

    func compile(_ condition: Condition, profiles: [String: Condition]) -> CompiledCondition {
        func index(_ id: QuestionID) -> Int { self.position(of: id) ?? 0 }
        func value(_ id: QuestionID, _ answer: AnswerValue) -> Double {
            question(id).map { encode(answer, for: $0) } ?? -1
        }
        switch condition {
        case .always: return .always
        case .equals(let id, let answer): return .equals(index(id), value(id, answer))
        case .oneOf(let id, let answers): return .oneOf(index(id), answers.map { value(id, $0) })
        case .below(let id, let limit): return .below(index(id), limit)
        case .atLeast(let id, let limit): return .atLeast(index(id), limit)
        case .profile(let id): return compile(profiles[id] ?? .not(.always), profiles: [:])
        case .any(let parts): return .any(parts.map { compile($0, profiles: profiles) })
        case .all(let parts): return .all(parts.map { compile($0, profiles: profiles) })
        case .not(let inner): return .not(compile(inner, profiles: profiles))
        }
    }
}
