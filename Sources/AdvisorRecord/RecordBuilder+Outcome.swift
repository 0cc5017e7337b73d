import AdvisorCore

/// The options, the outcome and its consequences, the confirmation checks, the score table and trace.
extension RecordBuilder {
    func considered() -> [RecordData.ConsideredOption] {
        let scores = advice.ranking.scores
        return scores.map { score in
            let stack = knowledgeBase.stack(score.stack)
            let fits = score.axes.map { "\(engine.axisName($0.axis).lowercased()) \(Format.score($0.fit))" }
            var standing = "Rank \(score.rank) of \(scores.count): weighted total \(Format.score(score.total)) "
                + "(\(fits.joined(separator: ", "))); "
            standing = MarkdownText.escape(standing) + " "
            if score.floorsVerified {
                standing += "meets every floor."
            } else if score.meetsFloors {
                standing += score.unverifiedFloors.map {
                    "leaves the \(MarkdownText.escape(engine.axisName($0.axis).lowercased())) floor unverified: "
                        + citations.text(ensurePeriod($0.reason), $0.because.sources)
                }.joined(separator: " It ")
            } else {
                standing += score.floorFailures.map {
                    "does not meet the \(MarkdownText.escape(engine.axisName($0.axis).lowercased())) floor: "
                        + citations.text(ensurePeriod($0.reason), $0.because.sources)
                }.joined(separator: " It ")
            }
            let order: [Stance] = [.good, .neutral, .bad]
            let relevant = engine.relevantFacts(of: score.stack, answers: advice.answers)
            let facts = order.flatMap { stance in
                relevant.filter { $0.stance == stance }.map {
                    RecordData.StancePoint(stance: stance.rawValue.prefix(1).uppercased() + stance.rawValue.dropFirst(),
                          text: because($0.statement))
                }
            }
            return RecordData.ConsideredOption(id: MarkdownText.code(score.stack), name: name(score.stack),
                          short: MarkdownText.escape(stack?.short ?? score.stack), isChosen: score.rank == 1,
                          rank: String(score.rank), total: Format.score(score.total),
                          summary: stack.map { citations.text($0.summary) } ?? "", standing: standing,
                          monthly: monthlyPhrase(score.stack), glance: glance(score), facts: facts,
                          leftOut: (stack?.facts.count ?? 0) - relevant.count,
                          factCount: factCount(relevant, total: stack?.facts.count ?? 0))
        }
    }

    /// `$527.55 a month as modelled ($389.33 if idle time billed)`, `at least …`, or `not modelled: …`.
    func monthlyPhrase(_ stack: StackID) -> String {
        guard let cost = advice.costs.cost(stack) else { return "not modelled" }
        if cost.lineItems.isEmpty {
            return "not modelled: the knowledge base prices none of it"
        }
        let execution = cost.notModelled.filter { $0.scope == .execution }.map(\.name)
        var phrase = cost.isLowerBound
            ? "at least \(Format.money(cost.monthly)) a month, because \(execution.joined(separator: " and ")) cannot be priced"
            : "\(Format.money(cost.monthly)) a month as modelled"
        if !cost.alternates.isEmpty { phrase += " (other readings under More Information)" }
        return MarkdownText.escape(phrase)
    }

    /// `21 facts that bear on these answers: 12 good, 5 neutral, 4 bad; 2 others left out`.
    func factCount(_ facts: [Fact], total: Int) -> String {
        let counts = [Stance.good, .neutral, .bad].map { stance in "\(facts.filter { $0.stance == stance }.count) \(stance.rawValue)" }
        let left = total - facts.count
        return "\(facts.count) facts that bear on these answers: " + counts.joined(separator: ", ")
            + (left > 0 ? "; \(left) others left out" : "")
    }

    /// `rank 2 of 6, total 0.62, floors met; at least $32.85 a month`: one line for a folded option.
    func glance(_ score: StackScore) -> String {
        let floors = score.floors.isEmpty ? "no floor applies" : score.floorsVerified ? "meets every floor"
            : score.meetsFloors ? "floor unverified" : "fails a floor"
        let cost = advice.costs.cost(score.stack)
        let money = cost.map { $0.lineItems.isEmpty ? "cost not modelled" : ($0.isLowerBound ? "at least " : "") + Format.money($0.monthly) + " a month" }
            ?? "cost not modelled"
        // Inside HTML, where Markdown escapes would show: only numbers and fixed words, nothing to escape.
        return "Rank \(score.rank) of \(advice.ranking.scores.count), total \(Format.score(score.total)), \(floors); \(money)"
    }

    func outcome() -> RecordData.Outcome {
        let scores = advice.ranking.scores
        let winnerName = advice.recommendationName
        var because: String
        if scores.count < 2 {
            because = "it is the only option."
        } else {
            let runnerUp = scores[1]
            let versus = "\(Format.score(winner.total)) against \(Format.score(runnerUp.total)) for \(engine.stackName(runnerUp.stack))"
            if !winner.meetsFloors {
                because = "no option meets every floor, and of those that do not it has the highest weighted total, \(versus)."
            } else if !runnerUp.meetsFloors, runnerUp.total > winner.total {
                because = "it has the highest weighted total of the options that meet every floor, \(versus), which does not."
            } else {
                because = "it has the highest weighted total, \(versus), and meets every floor."
            }
        }
        because = MarkdownText.escape(because + " " + TextReport.costNote(advice, engine: engine)
                                      .replacingOccurrences(of: "; the Cost column is the change to each total.", with: "."))
            + (advice.reasons.isEmpty ? "" : " The scoring trace shows why:")
        var closeCall: String?
        if advice.ranking.isClose {
            closeCall = MarkdownText.escape("This is a close call: the lead is \(Format.score(advice.ranking.margin)), "
                + "under the knowledge base's margin of \(Format.score(advice.knowledgeBase.closeMargin)). The rules pull "
                + "two ways here and the weights decide; see the weight ranges under Sensitivity.")
        }
        return RecordData.Outcome(name: MarkdownText.escape(winnerName), because: because,
                       reasons: advice.reasons.map(citations.text), closeCall: closeCall)
    }

    /// A fact as it reads after "Good, because".
    private func because(_ statement: Cited) -> String {
        citations.text(sentenceCase.afterBecause(statement.text), statement.sources)
    }

    func costConsequence() -> RecordData.StancePoint? {
        let report = advice.costs
        guard let cost = report.cost(winner.stack) else { return nil }
        let sentence: (String, String)
        if cost.lineItems.isEmpty {
            let items = cost.notModelled.map(\.name).joined(separator: "; ")
            sentence = ("Bad", "its running cost cannot be estimated: the knowledge base prices none of it (\(items)).")
        } else if cost.isLowerBound {
            let items = cost.notModelled.filter { $0.scope == .execution }.map(\.name).joined(separator: " and ")
            sentence = ("Bad", "its monthly cost is only a lower bound, at least \(Format.money(cost.monthly)): \(items) "
                        + "cannot be priced from the knowledge base.")
        } else if let cheapest = report.cheapest, let other = report.cost(cheapest) {
            let which = "the option with the " + report.cheapestMeaning
            if cheapest == winner.stack {
                sentence = ("Good", "it is \(which), at \(Format.money(cost.monthly)) a month as modelled for this workload.")
            } else {
                sentence = ("Bad", "it costs \(Format.money(cost.monthly)) a month as modelled, "
                            + "\(Format.money(cost.monthly - other.monthly)) more than \(engine.stackName(cheapest)) "
                            + "(\(Format.money(other.monthly))), \(which).")
            }
        } else {
            sentence = ("Neutral", "it costs \(Format.money(cost.monthly)) a month as modelled; no other option is fully priced.")
        }
        return RecordData.StancePoint(stance: sentence.0, text: MarkdownText.escape(sentence.1))
    }

    /// What to confirm before accepting, each check once: the condition on an unverified floor, each
    /// open risk's check, the answers left at their defaults, and what the vendor must price.
    func confirmation() -> [String] {
        var checks: [String] = []
        if !advice.condition.isEmpty {
            let fallback = advice.fallback.map { "; if it cannot be confirmed, choose " + engine.stackName($0) } ?? ""
            checks.append("**Condition**: " + MarkdownText.escape(advice.condition.joined(separator: "; ") + fallback + "."))
        }
        checks += advice.risks.map { risk in
            "**\(MarkdownText.escape(risk.title))** (\(risk.severity.rawValue) risk): \(MarkdownText.escape(risk.check))"
        }
        let defaulted = recordedDefaults
        if !defaulted.isEmpty {
            checks.append(MarkdownText.escape("The \(defaulted.count) answers left at their defaults, marked \u{201C}default\u{201D} in "
                + "Decision Drivers and in the answers block: confirm they hold for this team."))
        }
        if let cost = advice.costs.cost(winner.stack), !cost.notModelled.isEmpty {
            checks.append(MarkdownText.escape("Ask the vendor to price what the knowledge base cannot: "
                + cost.notModelled.map(\.name).joined(separator: "; ") + "."))
        }
        return checks
    }

    func diagram() -> RecordData.Diagram {
        let components = engine.components(winner.stack, answers: advice.answers)
        let hub = ["runtime", "sandbox", "harness"].lazy.compactMap { role in
            components.firstIndex { $0.role == role }
        }.first ?? 0
        let nodes = components.enumerated().map { index, component in
            RecordData.DiagramNode(id: "c\(index + 1)", label: MermaidText.label("\(component.role): \(component.name)"))
        }
        var edges: [RecordData.DiagramEdge] = []
        if !nodes.isEmpty {
            edges.append(RecordData.DiagramEdge(from: "team", to: nodes[hub].id))
            edges += nodes.indices.filter { $0 != hub }.map { RecordData.DiagramEdge(from: nodes[hub].id, to: nodes[$0].id) }
        }
        return RecordData.Diagram(stack: MermaidText.label(engine.stackName(winner.stack)), nodes: nodes, edges: edges)
    }

    func scoreTable() -> RecordData.ScoreTable {
        let headers = winner.axes.map { MarkdownText.escape("\(engine.axisName($0.axis)) (×\(Format.plain($0.weight)))") }
        let rows = advice.ranking.scores.map { score in
            RecordData.ScoreRow(rank: String(score.rank), name: name(score.stack), fits: score.axes.map { Format.score($0.fit) },
                     total: Format.score(score.total),
                     floors: MarkdownText.escape(TextReport.floorCell(score).replacingOccurrences(of: "FAILS", with: "fails")))
        }
        let neutral = Set(winner.axes.map(\.neutral)).sorted().map(Format.score).joined(separator: " or ")
        let formula = "Weighted total = Σ weight × fit ÷ Σ weight. Every fit starts at its axis's neutral value "
            + "(\(neutral)) and the knowledge base's rules move it, held within 0 to 1. An option that fails a floor "
            + "ranks after every option that meets them all."
        return RecordData.ScoreTable(axes: headers, rows: rows, formula: MarkdownText.escape(formula))
    }

    func trace() -> [RecordData.TraceRow] {
        advice.ranking.scores.flatMap { score in
            score.axes.map { axis in
                let changes = ["\(Format.score(axis.neutral)) neutral"]
                    + axis.contributions.map { "\(Format.delta($0.delta)) \($0.rule)" }
                return RecordData.TraceRow(option: name(score.stack), axis: MarkdownText.escape(engine.axisName(axis.axis)),
                                fit: Format.score(axis.fit) + (axis.clamped ? " (held within 0 to 1)" : ""),
                                changes: MarkdownText.escape(changes.joined(separator: "; ")))
            }
        }
    }
}

func ensurePeriod(_ text: String) -> String {
    text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!") ? text : text + "."
}
