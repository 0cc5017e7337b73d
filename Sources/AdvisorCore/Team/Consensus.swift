#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One voice of a team: a name and the answers that person gave.
public struct Participant: Hashable, Sendable {
    public var name: String
    public var file: String
    public var answers: Answers

    public init(name: String, file: String, answers: Answers) {
        self.name = name
        self.file = file
        self.answers = answers
    }
}

/// A choice or flag the team is evenly split on: the consensus takes the first of the tied values in
/// the questionnaire's order, and every tied value is evaluated so the team sees what settling it does.
public struct SplitQuestion: Hashable, Sendable {
    public var question: QuestionID
    public var values: [AnswerValue]
}

/// The consensus rule, stated once: the majority for each choice and flag (a tie is a split), the
/// median for each number (and of the lows and highs where someone gave a range), the geometric mean of
/// each participant's normalised weights, rescaled so they sum to the number of axes.
public enum Consensus {
    public static let rule = "Each choice and flag takes the majority answer (an even split is settled by the team; "
        + "the first tied value in the questionnaire's order stands in until then); each number takes the median "
        + "(of the lows and of the highs too, where someone gave a range); the weights are the geometric mean of each "
        + "person's normalised weights, rescaled to sum to the number of axes."

    /// The consensus answers of `participants`, and the questions they split on.
    public static func answers(_ participants: [Participant], questionnaire: Questionnaire) -> (Answers, [SplitQuestion]) {
        var result = Answers()
        var splits: [SplitQuestion] = []
        let all = participants.map(\.answers)
        for question in questionnaire.questions where question.section != "weights" {
            let given = all.compactMap { $0.values[question.id] }
            if all.allSatisfy({ $0.defaulted.contains(question.id) }) {
                result.values[question.id] = given.first ?? question.defaultValue
                result.defaulted.insert(question.id)
                continue
            }
            switch question.kind {
            case .choice, .boolean:
                let (value, tied) = majority(given, order: order(of: question))
                result.values[question.id] = value
                if tied.count > 1 { splits.append(SplitQuestion(question: question.id, values: tied)) }
            case .integer, .number:
                let whole = question.kind == .integer
                let points = given.compactMap(\.number)
                if all.contains(where: { $0.ranges[question.id] != nil }) {
                    let lows = all.map { $0.ranges[question.id]?.low ?? $0.number(question.id) }
                    let highs = all.map { $0.ranges[question.id]?.high ?? $0.number(question.id) }
                    let low = median(lows, whole: whole), high = median(highs, whole: whole)
                    let likely = min(high, max(low, median(points, whole: whole)))
                    if low < high {
                        result.setRange(question.id, ValueRange(low: low, high: high, likely: likely))
                    } else {
                        result.values[question.id] = .number(low)  // the medians met: no range is left
                    }
                } else {
                    result.values[question.id] = .number(median(points, whole: whole))
                }
            case .text:
                result.values[question.id] = given.first { !($0.text ?? "").isEmpty } ?? question.defaultValue
            case .list:
                var seen = Set<String>(), items: [String] = []
                for value in given { for item in value.list ?? [] where seen.insert(item).inserted { items.append(item) } }
                result.values[question.id] = .list(items)
            }
        }
        for (id, weight) in weights(all, questionnaire: questionnaire) { result.values[id] = .number(weight) }
        return (result, splits)
    }

    /// The geometric mean of normalised weights, rescaled to sum to the number of axes and rounded to
    /// four places (so the consensus file scores exactly as the team result did). If every axis has a
    /// zero from someone, the arithmetic mean stands in, so something is left to rank by.
    static func weights(_ all: [Answers], questionnaire: Questionnaire) -> [(QuestionID, Double)] {
        let ids = questionnaire.questions(in: "weights").map(\.id)
        let normalised = all.map { answers -> [Double] in
            let raw = ids.map { max(0, answers.number($0)) }
            let sum = raw.reduce(0, +)
            return sum > 0 ? raw.map { $0 / sum } : raw.map { _ in 1 / Double(ids.count) }
        }
        var means = ids.indices.map { axis -> Double in
            let values = normalised.map { $0[axis] }
            if values.contains(0) { return 0 }
            return exp(values.map(log).reduce(0, +) / Double(values.count))
        }
        if means.allSatisfy({ $0 == 0 }) {
            means = ids.indices.map { axis in normalised.map { $0[axis] }.reduce(0, +) / Double(normalised.count) }
        }
        let total = means.reduce(0, +)
        return zip(ids, means).map { ($0, ($1 / total * Double(ids.count) * 10_000).rounded() / 10_000) }
    }

    /// The median; for whole-number questions, rounded half away from zero.
    static func median(_ values: [Double], whole: Bool) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        let value = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return whole ? value.rounded() : value
    }

    /// The most frequent value, and every value tied with it, in `order`.
    static func majority(_ values: [AnswerValue], order: [AnswerValue]) -> (AnswerValue, [AnswerValue]) {
        let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
        let top = counts.values.max() ?? 0
        let tied = order.filter { counts[$0] == top }
        return (tied.first ?? values.first ?? order.first ?? .flag(false), tied)
    }

    static func order(of question: Question) -> [AnswerValue] {
        question.kind == .boolean ? [.flag(false), .flag(true)] : question.options.map { .choice($0.value) }
    }
}
