/// A team's decision: each participant's own result, the consensus scored by the same engine, where
/// they disagree and whether that matters.
public struct TeamAdvice: Hashable, Sendable {
    public struct ParticipantResult: Hashable, Sendable {
        public var name: String
        public var file: String
        public var winner: StackID
        public var score: Double
        /// The answers as the participant's file gave them (the record folds them in).
        public var answers: Answers
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

    /// A question where someone's answer differs from the team's (or from another person's).
    public struct Disagreement: Hashable, Sendable {
        public var question: QuestionID
        /// Each participant's answer, in the order the files were given ("—" for an abstention).
        public var values: [Answer]
        public var consensusValue: String
        /// True when some participant's answer, put in place of the consensus value, changes the winner.
        public var decisive: Bool
        public var winnerIf: [WhatIf]
        /// True when the consensus value is a stand-in for an even split the team has not settled.
        public var split: Bool
        /// How the consensus value was reached.
        public var provenance: Provenance
        /// `majority 2 of 3`, `split, settled by the team on Chen's answer`, …
        public var settledBy: String { provenance.text }
        /// The team's answer is not the rule's: someone overrode a unanimous, majority, plurality or median answer.
        public var overridden: Bool { provenance.overrides != nil }
        /// The what-ifs that change the winner.
        public var changing: [WhatIf] { winnerIf.filter(\.changesWinner) }
    }

    public var participants: [ParticipantResult]
    public var consensus: Answers
    /// The consensus's full analysis: what a single run of the consensus answers gives.
    public var advice: Advice
    /// Every participant's own winner is the consensus winner.
    public var robust: Bool
    /// The splits that still stand (no one settled them), in questionnaire order.
    public var split: [SplitQuestion]
    /// Decisive disagreements first, then in questionnaire order.
    public var disagreements: [Disagreement]
    /// How every consensus answer was reached (the decision's own fields excepted).
    public var provenance: [QuestionID: Provenance]
    /// The answers the stated rule gives, before anyone settled anything.
    public var ruleAnswers: Answers
    /// The stacks the team rules out and whose answers rule each out (none: the command line or the
    /// settled file), or nil when none is.
    public var ruledOut: Sentence? = nil

    /// The questions whose answer overrides the rule's, in questionnaire order of `disagreements`.
    public var overrides: [Disagreement] { disagreements.filter(\.overridden) }
}

extension Engine {
    /// Scores each participant and the consensus, and maps the disagreements. Pure: the same
    /// participants give the same result.
    public func team(_ participants: [Participant], today: Day) -> TeamAdvice {
        team(participants, settled: Consensus.result(participants, questionnaire: questionnaire).answers, today: today)
    }

    /// The team view of answers the team settled on (the consensus, a consensus file, or what a
    /// facilitator chose). `how` says how the facilitator settled questions (a participant's answer, a
    /// typed value); any other answer that is not the rule's was given in a consensus file. `openSplits`,
    /// when a consensus file marks them, are the splits still unsettled; otherwise a split whose stand-in
    /// stands is still open.
    public func team(_ participants: [Participant], settled: Answers, how: [QuestionID: Provenance] = [:],
                     openSplits: Set<QuestionID>? = nil, today: Day) -> TeamAdvice {
        var consensus = settled
        consensus.participant = nil
        let rule = Consensus.result(participants, questionnaire: questionnaire)
        let provenance = settledProvenance(rule: rule, settled: consensus, how: how, openSplits: openSplits)
        let advice = advise(consensus, today: today)
        let winner = advice.recommendation
        let results = participants.map { participant -> TeamAdvice.ParticipantResult in
            let ranking = rank(participant.answers)
            return .init(name: participant.name, file: participant.file, winner: ranking.winner.stack, score: ranking.winner.total,
                         answers: participant.answers)
        }
        let open = rule.splits.filter { provenance[$0.question]?.isOpenSplit == true }
        return TeamAdvice(participants: results, consensus: consensus, advice: advice,
                          robust: results.allSatisfy { $0.winner == winner }, split: open,
                          disagreements: disagreements(participants, against: consensus, winner: winner, provenance: provenance),
                          provenance: provenance, ruleAnswers: rule.answers,
                          ruledOut: ruledOutSentence(consensus.exclusions, participants: participants))
    }

    /// "Ruled out: Agent 365 (Amara, Bruno); Cloudflare (for the whole team)": who ruled each stack out.
    func ruledOutSentence(_ exclusions: [Exclusion], participants: [Participant]) -> Sentence? {
        guard !exclusions.isEmpty else { return nil }
        let parts = exclusions.map { exclusion in
            let by = participants.filter { $0.answers.excludedStacks.contains(exclusion.stack) }.map(\.name)
            let everyone = by.isEmpty || by.count == participants.count
            return (exclusion.stack, everyone ? "for the whole team" : "in the answers of " + by.joined(separator: ", "))
        }
        return Sentence(full: "Ruled out: " + parts.map { "\(stackName($0.0)) (\($0.1))" }.joined(separator: "; ") + ".",
                        shorts: ["Ruled out: " + parts.map { "\(shortName($0.0)) (\($0.1))" }.joined(separator: "; "),
                                 "Ruled out: " + parts.map { shortName($0.0) }.joined(separator: ", ")])
    }

    /// How each settled answer was reached: the rule's provenance where the answer is the rule's,
    /// the facilitator's where they settled it, else "given in the consensus file"; an answer that is
    /// not the rule's says which rule answer it overrides.
    func settledProvenance(rule: ConsensusResult, settled: Answers, how: [QuestionID: Provenance],
                           openSplits: Set<QuestionID>?) -> [QuestionID: Provenance] {
        var result: [QuestionID: Provenance] = [:]
        for (id, ruled) in rule.provenance {
            guard let question = questionnaire.question(id) else { continue }
            let same = teamValue(settled, question) == teamValue(rule.answers, question)
                && settled.ranges[id] == rule.answers.ranges[id]
            var found: Provenance
            if var given = how[id] {
                given.answered = ruled.answered
                found = given
            } else if !same {
                found = Provenance(method: .consensusFile, answered: ruled.answered, participants: ruled.participants)
            } else if ruled.method == .split, let openSplits, !openSplits.contains(id) {
                found = Provenance(method: .consensusFile, answered: ruled.answered, participants: ruled.participants)
            } else {
                result[id] = ruled
                continue
            }
            found.wasSplit = ruled.method == .split
            found.tied = ruled.tied
            if !same, ![.split, .unanswered].contains(ruled.method) {
                found.overrides = .init(method: ruled.method, value: teamValue(rule.answers, question),
                                        votes: ruled.votes, answered: ruled.answered)
            }
            result[id] = found
        }
        return result
    }

    /// Every question where someone's answer differs from the team's or from another person's,
    /// decisive ones first: for each, what would win with each participant's answer in place of the
    /// one in `answers`. Abstentions show as "—" and change nothing.
    public func disagreements(_ participants: [Participant], against answers: Answers, winner: StackID,
                              provenance: [QuestionID: Provenance] = [:]) -> [TeamAdvice.Disagreement] {
        var found: [TeamAdvice.Disagreement] = []
        let weightIDs = questionnaire.questions(in: "weights").map(\.id)
        for question in questionnaire.questions where question.section != "decision" {
            let values = participants.map { person in
                TeamAdvice.Answer(participant: person.name,
                                  value: person.answered(question, weightIDs: weightIDs) ? teamValue(person.answers, question) : Self.abstained)
            }
            let current = teamValue(answers, question)
            let answered = values.map(\.value).filter { $0 != Self.abstained }
            guard Set(answered + [current]).count > 1 else { continue }
            var whatIfs: [TeamAdvice.WhatIf] = []
            for (participant, shown) in zip(participants, values.map(\.value)) {
                guard shown != Self.abstained, shown != current, !whatIfs.contains(where: { $0.value == shown }) else { continue }
                var changed = answers
                substitute(question, from: participant.answers, into: &changed)
                let stack = rank(changed).winner.stack
                whatIfs.append(.init(value: shown, stack: stack, changesWinner: stack != winner))
            }
            let how = provenance[question.id]
                ?? Provenance(method: question.section == "weights" ? .weights : .majority, answered: answered.count,
                              participants: participants.count)
            found.append(.init(question: question.id, values: values, consensusValue: current,
                               decisive: whatIfs.contains { $0.changesWinner }, winnerIf: whatIfs,
                               split: how.isOpenSplit, provenance: how))
        }
        return found.filter(\.decisive) + found.filter { !$0.decisive }
    }

    /// How an abstention shows in the team view.
    public static let abstained = "—"

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
