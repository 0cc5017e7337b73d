/// The recommendation in sentences, each made once here in a full and a short form: what is
/// recommended and how firmly, where it stands against the floors, what to confirm and the fallback,
/// why it won, and the caveat and risk a reader must see first.
public struct Verdict: Hashable, Sendable {
    /// What a caveat is about, as it stands to the recommendation.
    public enum Role: String, Sendable {
        case recommended, fallback, otherStack = "other-stack", answers, knowledgeBase = "knowledge-base"
    }

    /// "Recommendation: …", "Conditional recommendation: …", or, when every stack fails a floor, "No stack
    /// meets every floor; …"; a close call and a tie are said here too.
    public var headline: Sentence
    /// Where the recommendation stands against the floors that apply, in words.
    public var standing: Sentence
    /// Why it is the choice, as one clause to follow "because" (a decision record's outcome).
    public var because: Sentence
    /// What to confirm before accepting; empty when the recommendation is unconditional.
    public var conditions: [Sentence]
    /// The stack to choose instead if a condition cannot be confirmed.
    public var fallback: Sentence?
    /// Stacks level with the recommendation, which the team must choose between.
    public var tie: Sentence?
    /// Why it leads the runner-up, each reason with the sentence that explains it.
    public var reasons: [Sentence]
    /// The most severe caveat about the recommendation (never about a stack that lost), with the count.
    public var mainCaveat: Sentence
    /// The most severe open risk of the recommendation, with the count.
    public var mainRisk: Sentence
    /// How cost entered the ranking.
    public var costNote: Sentence
    /// Each stack's whole bill under the other readings its sources support, each reading named.
    public var otherReadings: Sentence?
    /// The smallest answer change that changes the winner, or that none of one or two answers does.
    public var nearestChange: Sentence
    /// Whether the winner and the cheapest stack hold across ranged answers, with the winner's band.
    public var ranges: Sentence?
    /// Whose prices the figures are, with a price book: its name, date and the list totals that differ.
    public var prices: Sentence?
    /// The stacks the team ruled out, each with its reason: a decision driver outside the four axes.
    public var exclusions: Sentence? = nil
    /// Each answer about the team left at its default, one sentence each (`about` names the question).
    public var defaults: [Sentence] = []
}

extension Engine {
    /// `name` is the winner's name for these answers; `moreReasons` follow the reasons read off the trace
    /// (what runs underneath Agent 365, a lead that rests on a contested reading).
    func verdict(_ ranking: Ranking, costs: CostReport, caveats: [Caveat], risks: [Risk], sensitivity: Sensitivity,
                 ranges: RangeBands?, answers: Answers, name: String, moreReasons: [Sentence] = []) -> Verdict {
        Verdict(headline: headline(ranking, name: name), standing: standingSentence(ranking.winner), because: because(ranking),
                conditions: conditions(ranking), fallback: fallbackSentence(ranking), tie: tieSentence(ranking),
                reasons: reasons(ranking, costs: costs) + moreReasons, mainCaveat: mainCaveat(caveats, ranking: ranking),
                mainRisk: mainRisk(risks, winner: ranking.winner.stack), costNote: costNote(costs),
                otherReadings: otherReadings(costs, order: ranking.scores.map(\.stack)),
                nearestChange: nearestChange(sensitivity),
                ranges: ranges.map { rangeSentence($0, winner: ranking.winner.stack) },
                prices: pricesSentence(costs, order: ranking.scores.map(\.stack)),
                exclusions: exclusionSentence(answers.exclusions), defaults: defaultSentences(answers))
    }

    /// "session length: 10 minutes, the default (not answered)", for each answer about the team left at
    /// its default (the record's own fields and the weights aside), in questionnaire order.
    func defaultSentences(_ answers: Answers) -> [Sentence] {
        questionnaire.questions.filter { answers.defaulted.contains($0.id) && !["decision", "weights"].contains($0.section) }
            .map { question in
                var sentence = Sentence("\(question.label): \(question.describe(answers.values[question.id] ?? question.defaultValue)), "
                                        + "the default (not answered)")
                sentence.about = [question.id]
                return sentence
            }
    }

    private func headline(_ ranking: Ranking, name: String) -> Sentence {
        let winner = ranking.winner
        let score = "score \(Format.score(winner.total))"
        let lead: String
        switch winner.standing {
        case .unverified: lead = "Conditional recommendation"
        case .failed: lead = "No stack meets every floor; the best of the rest"
        case .met, .none: lead = "Recommendation"
        }
        var full = "\(lead): \(name), \(score)"
        var short = "\(lead): \(shortName(winner.stack)), \(Format.score(winner.total))"
        if !ranking.tiedWith.isEmpty {
            full += ", tied with " + ranking.tiedWith.map(stackName).joined(separator: " and ")
            short += " (tied)"
        } else if ranking.isClose, let second = ranking.scores.dropFirst().first(where: { $0.standing != .failed }) {
            full += "; a close call, \(Format.gap(ranking.margin)) ahead of \(stackName(second.stack))"
            short += " (close call)"
        }
        // A name the answers made more precise (the runtime under Agent 365) is kept in the short form when it fits.
        let named = name == stackName(winner.stack) ? [] : ["\(lead): \(name), \(Format.score(winner.total))"]
        return Sentence(full: full, shorts: named + [short, "\(lead): \(shortName(winner.stack))"])
    }

    /// `ofWinner: false` for a stack that is not the recommendation, which failing a floor says nothing
    /// about the other stacks.
    func standingSentence(_ score: StackScore, ofWinner: Bool = true) -> Sentence {
        func floors(_ results: [FloorResult]) -> String {
            results.map(\.name).joined(separator: " and the ")
        }
        switch score.standing {
        case .none:
            return Sentence("Floors: none apply to these answers.")
        case .met:
            return Sentence(full: "Floors: \(shortName(score.stack)) meets the \(floors(score.floors)) outright.",
                            shorts: ["Floors: meets the \(floors(score.floors))", "Floors: met"],
                            sources: score.floors.flatMap(\.because.sources))
        case .unverified:
            let open = score.unverifiedFloors
            return Sentence(full: "Floors: \(shortName(score.stack)) leaves the \(floors(open)) unverified: "
                                + open.map(\.reason).joined(separator: " "),
                            shorts: ["Floors: the \(floors(open)) is unverified", "Floors: one is unverified"],
                            sources: open.flatMap(\.because.sources))
        case .failed where !ofWinner:
            let failed = score.floorFailures
            return Sentence(full: "Floors: \(shortName(score.stack)) does not meet the \(floors(failed)): "
                                + failed.map(\.reason).joined(separator: " "),
                            shorts: ["Floors: \(shortName(score.stack)) does not meet the \(floors(failed))", "Floors: one fails"],
                            sources: failed.flatMap(\.because.sources))
        case .failed:
            let failed = score.floorFailures
            return Sentence(full: "Floors: no stack meets every floor, and \(shortName(score.stack)) does not meet the "
                                + "\(floors(failed)): " + failed.map(\.reason).joined(separator: " "),
                            shorts: ["Floors: no stack meets every floor; it fails the \(floors(failed))",
                                     "Floors: no stack meets every floor"],
                            sources: failed.flatMap(\.because.sources))
        }
    }

    /// What to confirm before the ranking's leader holds: for surfaces that show a live ranking only.
    public func conditions(_ ranking: Ranking) -> [Sentence] {
        ranking.winner.unverifiedFloors.map { floor in
            let confirm = ensurePeriod(floor.confirm ?? "Confirm the \(floor.name).")
            var sentence = Sentence(full: "Before accepting: " + confirm,
                                    shorts: ["Before accepting: confirm the \(floor.name) for "
                                             + shortName(ranking.winner.stack), "Before accepting: confirm a floor"],
                                    sources: floor.because.sources)
            sentence.about = questionsBehind(floor: floor.floor)
            return sentence
        }
    }

    public func fallbackSentence(_ ranking: Ranking) -> Sentence? {
        guard !ranking.condition.isEmpty else { return nil }
        guard let fallback = ranking.fallback else {
            return Sentence("Otherwise: none; no stack meets every floor outright.")
        }
        return Sentence(full: "Otherwise: \(stackName(fallback)), the best stack that meets every floor outright.",
                        shorts: ["Otherwise: \(shortName(fallback)), which meets every floor", "Otherwise: \(shortName(fallback))"])
    }

    private func tieSentence(_ ranking: Ranking) -> Sentence? {
        guard !ranking.tiedWith.isEmpty else { return nil }
        let names = ([ranking.winner.stack] + ranking.tiedWith)
        return Sentence(full: "Tie: \(names.map(stackName).joined(separator: " and ")) score exactly the same "
                            + "(\(Format.score(ranking.winner.total))). The knowledge base does not separate them, and the "
                            + "order shown is alphabetical: the team must choose.",
                        shorts: ["Tie: \(names.map(shortName).joined(separator: " and ")) score the same; the team must choose",
                                 "Tie: \(names.count) stacks score the same; the team must choose"])
    }

    private func mainCaveat(_ caveats: [Caveat], ranking: Ranking) -> Sentence {
        // Shown elsewhere on every surface: the condition and tie (headline), the stale knowledge base
        // (first line), a close call (headline) and the winner's high risks (the risk line).
        let shownElsewhere: Set<Caveat.Kind> = [.condition, .tie, .staleKnowledge, .closeCall, .risk]
        let order: [Caveat.Kind] = [.readingDependent, .exposure, .floor, .release, .contested, .lowerBound, .defaults, .reading, .tokens]
        let winner = ranking.winner.stack
        let candidates = caveats.filter { caveat in
            guard !shownElsewhere.contains(caveat.kind) else { return false }
            switch caveat.subject {
            case .stack(let stack): return stack == winner
            case .answers, .knowledgeBase: return true
            }
        }
        let count = "Caveats: \(caveats.count)"
        guard let main = candidates.min(by: {
            ($0.severity, order.firstIndex(of: $0.kind) ?? order.count) < ($1.severity, order.firstIndex(of: $1.kind) ?? order.count)
        }) else {
            return Sentence(full: "\(count); none about \(stackName(winner)) beyond what is said above.",
                            shorts: ["\(count); none about \(shortName(winner)) beyond what is said above", count])
        }
        return Sentence(full: "\(count); the main one: " + main.text,
                        shorts: ["\(count); the main one: " + main.sentence.short,
                                 "\(caveats.count) caveats; main: " + main.sentence.short, main.sentence.short,
                                 "\(count); the main one rated \(main.severity.rawValue) (--detail full)"],
                        sources: main.sources)
    }

    func mainRisk(_ risks: [Risk], winner: StackID) -> Sentence {
        let owner = "Open risks of \(shortName(winner))"
        guard let risk = risks.first else { return Sentence("\(owner): none recorded.") }
        let head = "\(owner): \(risks.count); the most severe: [\(risk.severity.rawValue)] "
        return Sentence(full: head + ensurePeriod(risk.title), shorts: [head + risk.title,
                        "\(owner): \(risks.count), the most severe rated \(risk.severity.rawValue) (--detail full)"],
                        sources: risk.statement.sources)
    }

    /// One sentence on how cost entered the ranking.
    func costNote(_ costs: CostReport) -> Sentence {
        guard let fit = knowledgeBase.meta.costFit else { return Sentence("Cost did not enter the scores.") }
        let axis = axisName(fit.axis).lowercased()
        guard let cheapest = costs.cheapest, let cost = costs.cost(cheapest) else {
            return Sentence(full: "Cost did not move any score: no stack that meets every floor has a complete monthly total.",
                            shorts: ["Cost moved no score: no stack meeting every floor has a complete total"])
        }
        return Sentence(full: "Cost entered the \(axis): a stack whose runtime is dearer than \(stackName(cheapest))'s "
                            + "(\(Format.money(cost.monthly)) a month, the \(costs.cheapestMeaning)) loses up to "
                            + "\(Format.score(fit.weight)) of that fit, in proportion to the extra spend's share of its runtime"
                            + (costs.tokens == nil ? "." : " plus tokens."),
                        shorts: ["Cost entered the \(axis): up to \(Format.score(fit.weight)) off for a dearer runtime"])
    }

    /// "Other readings: AgentCore $527.55 if idle CPU billed, as the scout reads it; …", whole bills.
    func otherReadings(_ costs: CostReport, order: [StackID]) -> Sentence? {
        let parts = order.compactMap(costs.cost).flatMap { cost in
            cost.alternates.map { (cost.stack, Format.money(cost.total(of: $0)), $0.reading, $0.sources) }
        }
        guard !parts.isEmpty else { return nil }
        let whole = costs.tokens == nil ? "" : " (whole bills, tokens included)"
        return Sentence(full: "Other readings\(whole): " + parts.map { "\(shortName($0.0)) \($0.1) with \($0.2)" }.joined(separator: "; ") + ".",
                        shorts: ["Other readings: " + parts.map { "\(shortName($0.0)) \($0.1)" }.joined(separator: ", "),
                                 "Other readings for \(Set(parts.map(\.0)).count) stacks: --detail costs"],
                        sources: parts.flatMap(\.3))
    }

    func nearestChange(_ sensitivity: Sensitivity) -> Sentence {
        guard let flip = sensitivity.flips.first else {
            return Sentence("Nearest change: none; no change of one or two answers changes the winner.")
        }
        var sentence = Sentence(full: "Nearest change that flips the winner: " + ChangeText.describe(flip, engine: self) + ".",
                                shorts: ["Nearest change that flips the winner: " + ChangeText.describe(flip, engine: self, short: true),
                                         "Nearest flip: " + ChangeText.describe(flip, engine: self, short: true),
                                         "A change of \(flip.changes.count == 1 ? "one answer" : "two answers") flips the winner: --detail full"])
        sentence.about = flip.changes.map(\.question)
        return sentence
    }

    /// Whether the winner and the cheapest complete stack hold across every corner of the ranged answers.
    func rangeSentence(_ bands: RangeBands, winner: StackID) -> Sentence {
        func label(_ id: QuestionID) -> String { questionnaire.question(id)?.label ?? id }
        func corner(_ corner: RangeBands.Corner) -> String {
            corner.values.map { "\(label($0.question)) \(Format.plain($0.value))" }.joined(separator: ", ")
        }
        func name(_ stack: StackID?) -> String { stack.map(stackName) ?? "none" }
        let head = "Across the ranges (\(bands.ranges.map { label($0.question) }.joined(separator: ", ")); \(bands.corners) corners): "
        let body: String
        switch (bands.winnerChange, bands.cheapestChange) {
        case (nil, nil):
            body = "the winner and the cheapest complete stack hold at all of them"
        case (let change?, nil):
            body = "the winner changes to \(name(change.stack)) at \(corner(change.corner)); the cheapest complete stack holds"
        case (nil, let cheapest?):
            body = "the winner holds at every corner; the cheapest complete stack becomes \(name(cheapest.stack)) at "
                + corner(cheapest.corner)
        case (let change?, let cheapest?):
            body = "the winner changes to \(name(change.stack)) at \(corner(change.corner)), and the cheapest complete "
                + "stack becomes \(name(cheapest.stack)) at \(corner(cheapest.corner))"
        }
        let band = bands.band(winner).map { "; \(shortName(winner)) costs \(Format.money($0.low)) to \(Format.money($0.high)) a month across them" } ?? ""
        let holds = bands.winnerChange == nil ? "the winner holds" : "the winner changes"
        return Sentence(full: head + body + band + ".",
                        shorts: ["Across \(bands.corners) corners of the ranges \(holds)" + band,
                                 "Across \(bands.corners) corners of the ranges \(holds)"])
    }

    /// A stack's standing in a table cell, the floors named by their axes: `unverified: sandbox threat model`.
    public func floorPhrase(_ score: StackScore) -> String {
        func axes(_ results: [FloorResult]) -> String { results.map(\.label).joined(separator: ", ") }
        switch score.standing {
        case .none, .met: return score.standing.word
        case .unverified: return "unverified: " + axes(score.unverifiedFloors)
        case .failed: return "FAILS: " + axes(score.floorFailures)
        }
    }

    /// "it has the highest weighted total, 0.78 against 0.68 for Cloudflare, and meets …": true to the
    /// standing, so a conditional winner is never said to meet every floor.
    private func because(_ ranking: Ranking) -> Sentence {
        let winner = ranking.winner
        guard ranking.scores.count > 1 else { return Sentence("it is the only option.") }
        let runnerUp = ranking.scores[1]
        let versus = "\(Format.score(winner.total)) against \(Format.score(runnerUp.total)) for \(stackName(runnerUp.stack))"
        func floors(_ results: [FloorResult]) -> String {
            results.map(\.name).joined(separator: " and the ")
        }
        let full: String
        switch winner.standing {
        case .failed:
            full = "no option meets every floor, and of those that do not it has the highest weighted total, \(versus)."
        case .unverified:
            full = "it has the highest weighted total, \(versus), on a condition: it leaves the "
                + "\(floors(winner.unverifiedFloors)) unverified until the vendor confirms it."
        case .met, .none:
            let standing = winner.standing == .none ? "no floor applies to these answers"
                : "it meets the \(floors(winner.floors)) outright"
            if runnerUp.standing == .failed, runnerUp.total > winner.total {
                full = "it has the highest weighted total of the options that meet every floor, \(versus), which does not "
                    + "meet the \(floors(runnerUp.floorFailures))."
            } else {
                full = "it has the highest weighted total, \(versus), and \(standing)."
            }
        }
        return Sentence(full: full, shorts: ["it has the highest weighted total, \(Format.score(winner.total))"])
    }

    /// "Your prices: “Acme negotiated prices” as of 2026-11-01; list where they differ: …".
    func pricesSentence(_ costs: CostReport, order: [StackID]) -> Sentence? {
        guard let book = costs.priceBook,
              let full = PriceText.summary(costs, order: order, name: shortName) else { return nil }
        return Sentence(full: full, shorts: ["Your prices: \u{201C}\(book.name)\u{201D} as of \(book.asOf); list prices: --detail costs",
                                             "Your prices, not list: --detail costs"])
    }
}
