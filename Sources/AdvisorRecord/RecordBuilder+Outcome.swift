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
            switch score.standing {
            case .none:
                standing += "no floor applies to these answers."
            case .met:
                standing += "meets every floor that applies."
            case .unverified:
                standing += score.unverifiedFloors.map {
                    "leaves the \(MarkdownText.escape($0.name)) unverified: "
                        + citations.text(ensurePeriod($0.reason), $0.because.sources)
                }.joined(separator: " It ")
            case .failed:
                standing += score.floorFailures.map {
                    "does not meet the \(MarkdownText.escape($0.name)): "
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
        // The other readings in place, so the phrase stands alone in the minimal record too.
        if !cost.alternates.isEmpty {
            phrase += " (" + cost.alternates.map { "\(Format.money($0.monthly)) if \($0.reading)" }.joined(separator: "; ") + ")"
        }
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
        let floors = switch score.standing {
        case .none: "no floor applies"
        case .met: "meets every floor"
        case .unverified: "floor unverified"
        case .failed: "fails a floor"
        }
        let cost = advice.costs.cost(score.stack)
        let money = cost.map { $0.isUnpriced ? "cost not modelled" : $0.totalText + " a month" } ?? "cost not modelled"
        // Inside HTML, where Markdown escapes would show: only numbers and fixed words, nothing to escape.
        return "Rank \(score.rank) of \(advice.ranking.scores.count), total \(Format.score(score.total)), \(floors); \(money)"
    }

    func outcome() -> RecordData.Outcome {
        let verdict = advice.verdict
        let because = MarkdownText.escape(verdict.because.full + " " + verdict.costNote.full)
            + (verdict.reasons.isEmpty ? "" : " The scoring trace shows why:")
        let closeCall = advice.ranking.isClose ? advice.caveats.first { $0.kind == .closeCall }.map { MarkdownText.escape($0.text) } : nil
        return RecordData.Outcome(name: MarkdownText.escape(advice.recommendationName), because: because,
                                  reasons: verdict.reasons.map { citations.text($0.full, $0.sources) }, closeCall: closeCall)
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
                sentence = ("Good", "it is \(which), its runtime at \(Format.money(cost.monthly)) a month as modelled for this workload.")
            } else {
                sentence = ("Bad", "its runtime costs \(Format.money(cost.monthly)) a month as modelled, "
                            + "\(Format.money(cost.monthly - other.monthly)) more than \(engine.stackName(cheapest)) "
                            + "(\(Format.money(other.monthly))), \(which).")
            }
        } else {
            sentence = ("Neutral", "its runtime costs \(Format.money(cost.monthly)) a month as modelled; no other option is fully priced.")
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
                + "the answers block: confirm they hold for this team."))
        }
        if let cost = advice.costs.cost(winner.stack), !cost.notModelled.isEmpty {
            checks.append(MarkdownText.escape("Ask the vendor to price what the knowledge base cannot: "
                + cost.notModelled.map(\.name).joined(separator: "; ") + "."))
        }
        return checks
    }

    /// The chosen stack as a flow: your agents call its entry point (the runtime, else the harness or
    /// sandbox), which runs code in a separate sandbox, reaches models (through an inference gateway when
    /// there is one), calls tools through a tool gateway and gets credentials from identity; it sends
    /// traces to observability, is listed in a registry, and governance governs it. A stack that names no
    /// model gets a "Models" node, so the model call is always drawn.
    func diagram() -> RecordData.Diagram {
        let components = engine.components(winner.stack, answers: advice.answers)
        var nodes = components.enumerated().map { index, component in
            RecordData.DiagramNode(id: "c\(index + 1)", label: MermaidText.label("\(component.role): \(component.name)"))
        }
        guard !nodes.isEmpty else {
            return RecordData.Diagram(stack: MermaidText.label(engine.stackName(winner.stack)), nodes: [], edges: [])
        }
        let entry = ["runtime", "harness", "sandbox"].lazy.compactMap { role in components.firstIndex { $0.role == role } }.first ?? 0
        func ids(_ role: String) -> [String] {
            components.indices.filter { components[$0].role == role && $0 != entry }.map { nodes[$0].id }
        }
        var edges = [RecordData.DiagramEdge(from: "team", to: nodes[entry].id, arrow: "-->|calls|")]
        func link(_ from: String, _ to: [String], _ arrow: String) {
            edges += to.map { RecordData.DiagramEdge(from: from, to: $0, arrow: arrow) }
        }
        let hub = nodes[entry].id
        link(hub, ids("sandbox"), "-->|runs code in|")
        var models = ids("model")
        if models.isEmpty {
            nodes.append(RecordData.DiagramNode(id: "models", label: MermaidText.label("model: your model provider, outside this stack")))
            models = ["models"]
        }
        let gateways = ids("inference")
        if gateways.isEmpty {
            link(hub, models, "-->|calls|")
        } else {
            link(hub, gateways, "-->|calls models through|")
            for gateway in gateways { link(gateway, models, "-->") }
        }
        link(hub, ids("tool-gateway"), "-->|calls tools through|")
        link(hub, ids("identity"), "-->|gets credentials from|")
        link(hub, ids("observability"), "-.->|traces to|")
        link(hub, ids("registry"), "-.->|listed in|")
        edges += ids("governance").map { RecordData.DiagramEdge(from: $0, to: hub, arrow: "-.->|governs|") }
        return RecordData.Diagram(stack: MermaidText.label(engine.stackName(winner.stack)), nodes: nodes, edges: edges)
    }

    func scoreTable() -> RecordData.ScoreTable {
        let headers = winner.axes.map { MarkdownText.escape("\(engine.axisName($0.axis)) (×\(Format.plain($0.weight)))") }
        let rows = advice.ranking.scores.map { score in
            RecordData.ScoreRow(rank: String(score.rank), name: name(score.stack), fits: score.axes.map { Format.score($0.fit) },
                     total: Format.score(score.total),
                     floors: MarkdownText.escape(engine.floorPhrase(score)))
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
