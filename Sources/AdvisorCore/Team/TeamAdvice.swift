/// A team's decision: each participant's own result, the consensus scored by the same engine, where
/// they disagree and whether that matters.
public struct TeamAdvice: Hashable, Sendable {
    public struct ParticipantResult: Hashable, Sendable {
        public var name: String
        public var file: String
        public var winner: StackID
        public var score: Double
    }

    /// What the consensus winner would be with one question set to another value.
    public struct WhatIf: Hashable, Sendable {
        public var value: String
        public var stack: StackID
        public var changesWinner: Bool
    }

    /// One participant's answer, as the team view shows it.
    public struct Answer: Hashable, Sendable {
        public var participant: String
        public var value: String
    }

    /// A question the participants answered differently.
    public struct Disagreement: Hashable, Sendable {
        public var question: QuestionID
        /// Each participant's answer, in the order the files were given.
        public var values: [Answer]
        public var consensusValue: String
        /// True when some participant's answer, put in place of the consensus value, changes the winner.
        public var decisive: Bool
        public var winnerIf: [WhatIf]
        /// True when the consensus value is a stand-in for an even split the team must settle.
        public var split: Bool
        /// How the consensus value was reached: "majority", "median" or "geometric mean of the weights".
        public var settledBy: String
        /// The what-ifs that change the winner.
        public var changing: [WhatIf] { winnerIf.filter(\.changesWinner) }
    }

    public var participants: [ParticipantResult]
    public var consensus: Answers
    /// The consensus's full analysis: what a single run of the consensus answers gives.
    public var advice: Advice
    /// Every participant's own winner is the consensus winner.
    public var robust: Bool
    public var split: [SplitQuestion]
    /// Decisive disagreements first, then in questionnaire order.
    public var disagreements: [Disagreement]
}

extension Engine {
    /// Scores each participant and the consensus, and maps the disagreements. Pure: the same
    /// participants give the same result.
    public func team(_ participants: [Participant], today: Day) -> TeamAdvice {
        let (consensus, split) = Consensus.answers(participants, questionnaire: questionnaire)
        return team(participants, settled: consensus, split: split, today: today)
    }

    /// The team view of answers the team settled on (the consensus, or what a facilitator chose):
    /// `split` lists the questions still evenly split.
    public func team(_ participants: [Participant], settled: Answers, split: [SplitQuestion] = [], today: Day) -> TeamAdvice {
        var consensus = settled
        consensus.participant = nil
        let advice = advise(consensus, today: today)
        let winner = advice.recommendation
        let results = participants.map { participant -> TeamAdvice.ParticipantResult in
            let ranking = rank(participant.answers)
            return .init(name: participant.name, file: participant.file, winner: ranking.winner.stack, score: ranking.winner.total)
        }
        return TeamAdvice(participants: results, consensus: consensus, advice: advice,
                          robust: results.allSatisfy { $0.winner == winner }, split: split,
                          disagreements: disagreements(participants, against: consensus, winner: winner,
                                                       split: Set(split.map(\.question))))
    }

    /// Every question the participants answered differently, decisive ones first: for each, what
    /// would win with each participant's answer in place of the one in `answers`.
    public func disagreements(_ participants: [Participant], against answers: Answers, winner: StackID,
                              split: Set<QuestionID> = []) -> [TeamAdvice.Disagreement] {
        var found: [TeamAdvice.Disagreement] = []
        for question in questionnaire.questions where question.section != "decision" {
            let values = participants.map { TeamAdvice.Answer(participant: $0.name, value: teamValue($0.answers, question)) }
            guard Set(values.map(\.value)).count > 1 else { continue }
            let current = teamValue(answers, question)
            var whatIfs: [TeamAdvice.WhatIf] = []
            for participant in participants {
                let shown = teamValue(participant.answers, question)
                guard shown != current, !whatIfs.contains(where: { $0.value == shown }) else { continue }
                var changed = answers
                substitute(question, from: participant.answers, into: &changed)
                let stack = rank(changed).winner.stack
                whatIfs.append(.init(value: shown, stack: stack, changesWinner: stack != winner))
            }
            found.append(.init(question: question.id, values: values, consensusValue: current,
                               decisive: whatIfs.contains { $0.changesWinner }, winnerIf: whatIfs,
                               split: split.contains(question.id),
                               settledBy: question.section == "weights" ? "the geometric mean of the weights"
                                   : question.kind == .choice || question.kind == .boolean ? "majority" : "the median"))
        }
        return found.filter(\.decisive) + found.filter { !$0.decisive }
    }

    /// A contested question's short name: its label, and "weight of …" for a weight.
    public func teamLabel(_ id: QuestionID) -> String {
        guard let question = questionnaire.question(id) else { return id }
        return question.section == "weights" ? "weight of \(question.label)" : question.label
    }

    /// How one answer reads in the team view: weights as the participant's normalised share (rescaled
    /// like the consensus), ranges as "low to high", the rest as written.
    public func teamValue(_ answers: Answers, _ question: Question) -> String {
        if question.section == "weights" { return Format.fixed(weightShare(answers, question.id), 2) }
        if let range = answers.ranges[question.id] {
            return "\(Format.plain(range.low)) to \(Format.plain(range.high))"
                + (range.likely.map { " (likely \(Format.plain($0)))" } ?? "")
        }
        return answers.values[question.id]?.display ?? question.defaultValue.display
    }

    /// One weight as a share of all of them, rescaled so equal weights are 1 each: how a person's
    /// weights compare with another's whatever scale they typed them in.
    private func weightShare(_ answers: Answers, _ id: QuestionID) -> Double {
        let ids = questionnaire.questions(in: "weights").map(\.id)
        let sum = ids.reduce(0) { $0 + max(0, answers.number($1)) }
        return sum > 0 ? max(0, answers.number(id)) / sum * Double(ids.count) : 1
    }

    /// Puts one participant's answer to `question` into `answers`, weights as that participant's share.
    public func substitute(_ question: Question, from source: Answers, into answers: inout Answers) {
        if question.section == "weights" {
            answers[question.id] = .number(weightShare(source, question.id))
        } else if let range = source.ranges[question.id] {
            answers.setRange(question.id, range)
        } else if let value = source.values[question.id] {
            answers[question.id] = value
        }
    }
}
