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

    /// Whether this participant answered `question` (a question left out is an abstention). Weights
    /// count as answered when any weight was given: the rest then take their defaults, as in a single run.
    public func answered(_ question: Question, weightIDs: [QuestionID]) -> Bool {
        if question.section == "weights" { return weightIDs.contains { !answers.defaulted.contains($0) } }
        return !answers.defaulted.contains(question.id)
    }
}

/// A choice or flag the team is evenly split on: the consensus takes the first of the tied values in
/// the questionnaire's order, and every tied value is evaluated so the team sees what settling it does.
public struct SplitQuestion: Hashable, Sendable {
    public var question: QuestionID
    public var values: [AnswerValue]
}

/// The consensus answers, how each was reached, and the splits the rule could not decide.
public struct ConsensusResult: Hashable, Sendable {
    public var answers: Answers
    /// Every question but the decision's own fields.
    public var provenance: [QuestionID: Provenance]
    public var splits: [SplitQuestion]
}

/// The consensus rule, stated once: see `rule`.
public enum Consensus {
    public static let rule = "Each choice and flag takes the answer most of those who answered gave (a majority when "
        + "more than half, else a plurality); an even split at the top is for the team to settle, and until then the "
        + "first tied value in the questionnaire's order stands in (yes, the cautious answer, for a yes/no question). "
        + "Each number takes the median of those who answered (of the lows and of the highs too, where someone gave a "
        + "range). An answer left out is an abstention, and a question nobody answered keeps its default. The weights "
        + "are the geometric mean of each person's normalised weights, rescaled to sum to the number of axes; on an axis "
        + "someone weighted 0 the arithmetic mean stands in, so one person's 0 lowers an axis but cannot remove it. "
        + "When no file names the deciders, the participants are the deciders. A stack anyone rules out "
        + "(decision.exclude) is ruled out for the team, with the first reason given."

    /// The consensus answers of `participants`, with how each was reached.
    public static func result(_ participants: [Participant], questionnaire: Questionnaire) -> ConsensusResult {
        var result = Answers()
        var provenance: [QuestionID: Provenance] = [:]
        var splits: [SplitQuestion] = []
        let weightIDs = questionnaire.questions(in: "weights").map(\.id)
        for question in questionnaire.questions where question.section != "weights" {
            let voters = participants.filter { $0.answered(question, weightIDs: weightIDs) }
            let given = voters.compactMap { $0.answers.values[question.id] }
            if voters.isEmpty {
                result.values[question.id] = question.section == "decision" && question.id == "decision.deciders"
                    ? .list(participants.map(\.name)) : question.defaultValue
                if question.id != "decision.deciders" { result.defaulted.insert(question.id) }
                if question.section != "decision" {
                    provenance[question.id] = Provenance(method: .unanswered, answered: 0, participants: participants.count)
                }
                continue
            }
            switch question.kind {
            case .choice, .boolean:
                let tally = vote(given, order: order(of: question))
                result.values[question.id] = tally.value
                if tally.tied.count > 1 { splits.append(SplitQuestion(question: question.id, values: tally.tied)) }
                var how = Provenance(method: tally.method(answered: given.count), votes: tally.votes, answered: given.count,
                                     participants: participants.count)
                how.tied = tally.tied.count > 1 ? tally.tied.map(\.display) : []
                if question.section != "decision" { provenance[question.id] = how }
            case .integer, .number:
                let whole = question.kind == .integer
                let answers = voters.map(\.answers)
                let points = given.compactMap(\.number)
                if answers.contains(where: { $0.ranges[question.id] != nil }) {
                    let lows = answers.map { $0.ranges[question.id]?.low ?? $0.number(question.id) }
                    let highs = answers.map { $0.ranges[question.id]?.high ?? $0.number(question.id) }
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
                let same = Set(answers.map { teamKey($0, question.id) }).count == 1
                provenance[question.id] = Provenance(method: same ? .unanimous : .median, votes: same ? voters.count : 0,
                                                     answered: voters.count, participants: participants.count)
            case .text:
                result.values[question.id] = given.first { !($0.text ?? "").isEmpty } ?? question.defaultValue
            case .list:
                var seen = Set<String>(), items: [String] = []
                for value in given { for item in value.list ?? [] where seen.insert(item).inserted { items.append(item) } }
                if question.id == "decision.deciders", items.isEmpty { items = participants.map(\.name) }
                result.values[question.id] = .list(items)
            }
        }
        // A stack anyone rules out is out for the team (a veto, with the first reason given): the decision
        // is then made among the stacks nobody refuses, and the report names who ruled each out.
        for participant in participants {
            for exclusion in participant.answers.exclusions { result.exclude(exclusion) }
        }
        let weighers = participants.filter { person in weightIDs.contains { !person.answers.defaulted.contains($0) } }
        let means = weights(weighers.map(\.answers), questionnaire: questionnaire)
        for (index, (id, weight)) in means.enumerated() {
            if weighers.isEmpty {
                result.values[id] = questionnaire.question(id)?.defaultValue ?? .number(1)
                result.defaulted.insert(id)
                provenance[id] = Provenance(method: .unanswered, answered: 0, participants: participants.count)
                continue
            }
            result.values[id] = .number(weight)
            var how = Provenance(method: .weights, answered: weighers.count, participants: participants.count)
            how.zeroWeights = weighers.filter { $0.answers.number(weightIDs[index]) <= 0 }.map(\.name)
            provenance[id] = how
        }
        return ConsensusResult(answers: result, provenance: provenance, splits: splits)
    }

    /// The team's answers as an answers file (`--save-consensus`, `--format yaml`, the comparison view's
    /// save): answers nobody gave are left out, and each split still open is marked on its line, so
    /// `team --consensus` reads it back as still open and `--answers` scores it as the team did.
    /// What the meeting settled is marked too (whose answer, or typed), so the record written from the
    /// file says what happened in the room.
    public static func file(_ team: TeamAdvice, questionnaire: Questionnaire) -> String {
        var notes = Dictionary(uniqueKeysWithValues: team.split.map { split in
            (split.question, String(AnswersWriter.splitMarker.dropFirst(4)) + " (" + split.values.map(\.display).joined(separator: " or ")
                + "; \(split.values.first?.display ?? "") stands in)")
        })
        let settled = String(AnswersWriter.settledMarker.dropFirst(4))
        for (id, how) in team.provenance {
            if how.method == .participant, let name = how.participant { notes[id] = settled + name + "'s answer" }
            if how.method == .typed { notes[id] = settled + "typed" }
        }
        return AnswersWriter.yaml(team.consensus, questionnaire: questionnaire, includeDefaults: false, notes: notes)
    }

    /// How a saved consensus file says the meeting settled its answers (`settledMarker` comments),
    /// for participants by these names; a comment naming nobody here is ignored.
    public static func settlements(in text: String, participants: [Participant]) -> [QuestionID: Provenance] {
        var how: [QuestionID: Provenance] = [:]
        for (id, note) in AnswersWriter.settledNotes(in: text) {
            if note == "typed" {
                how[id] = Provenance(method: .typed, answered: 0, participants: participants.count)
            } else if note.hasSuffix("'s answer"), let person = participants.first(where: { $0.name + "'s answer" == note }) {
                var given = Provenance(method: .participant, answered: 0, participants: participants.count)
                given.participant = person.name
                how[id] = given
            }
        }
        return how
    }

    /// The consensus answers of `participants`, and the questions they split on.
    public static func answers(_ participants: [Participant], questionnaire: Questionnaire) -> (Answers, [SplitQuestion]) {
        let found = result(participants, questionnaire: questionnaire)
        return (found.answers, found.splits)
    }

    /// The geometric mean of normalised weights, rescaled to sum to the number of axes and rounded to
    /// four places (so the consensus file scores exactly as the team result did). An axis someone
    /// weighted 0 takes the arithmetic mean instead: a geometric mean with a zero is zero, which would let
    /// one person remove an axis everyone else weighs. Only when everyone gives an axis 0 is it 0.
    static func weights(_ all: [Answers], questionnaire: Questionnaire) -> [(QuestionID, Double)] {
        let ids = questionnaire.questions(in: "weights").map(\.id)
        guard !all.isEmpty else { return ids.map { ($0, 1) } }
        let normalised = all.map { answers -> [Double] in
            let raw = ids.map { max(0, answers.number($0)) }
            let sum = raw.reduce(0, +)
            return sum > 0 ? raw.map { $0 / sum } : raw.map { _ in 1 / Double(ids.count) }
        }
        let means = ids.indices.map { axis -> Double in
            let values = normalised.map { $0[axis] }
            if values.contains(0) { return values.reduce(0, +) / Double(values.count) }
            return exp(values.map(log).reduce(0, +) / Double(values.count))
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

    /// The count behind a choice: the value taken, its votes, and every value tied with it (in `order`).
    struct Tally {
        var value: AnswerValue
        var votes: Int
        var tied: [AnswerValue]

        func method(answered: Int) -> Provenance.Method {
            if tied.count > 1 { return .split }
            if votes == answered { return .unanimous }
            return votes * 2 > answered ? .majority : .plurality
        }
    }

    static func vote(_ values: [AnswerValue], order: [AnswerValue]) -> Tally {
        let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
        let top = counts.values.max() ?? 0
        let tied = order.filter { counts[$0] == top }
        return Tally(value: tied.first ?? values.first ?? order.first ?? .flag(true), votes: top, tied: tied)
    }

    /// The most frequent value, and every value tied with it, in `order`.
    static func majority(_ values: [AnswerValue], order: [AnswerValue]) -> (AnswerValue, [AnswerValue]) {
        let tally = vote(values, order: order)
        return (tally.value, tally.tied)
    }

    /// The order ties are broken in: the questionnaire's options; yes before no for a flag, the
    /// cautious answer for the sandbox's exposure questions.
    static func order(of question: Question) -> [AnswerValue] {
        question.kind == .boolean ? [.flag(true), .flag(false)] : question.options.map { .choice($0.value) }
    }

    /// A number answer as a comparable key: its range, or its value.
    static func teamKey(_ answers: Answers, _ id: QuestionID) -> String {
        if let range = answers.ranges[id] { return "\(range.low)…\(range.high)…\(range.likely.map { "\($0)" } ?? "")" }
        return answers.values[id].map { "\($0)" } ?? ""
    }
}
