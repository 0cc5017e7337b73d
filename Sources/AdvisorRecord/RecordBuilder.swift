import AdvisorCore

/// Turns one run's advice into the data a record template renders. Pure: the same advice, engine and
/// options give the same data.
struct RecordBuilder {
    let advice: Advice
    let engine: Engine
    let options: RecordOptions
    let citations = Citations()
    let sentenceCase: SentenceCase

    init(advice: Advice, engine: Engine, options: RecordOptions) {
        self.advice = advice
        self.engine = engine
        self.options = options
        sentenceCase = SentenceCase(engine.knowledgeBase)
    }

    var knowledgeBase: KnowledgeBase { engine.knowledgeBase }
    var questionnaire: Questionnaire { engine.questionnaire }
    var winner: StackScore { advice.ranking.winner }

    func name(_ stack: StackID) -> String { MarkdownText.escape(engine.stackName(stack)) }

    func build() -> RecordData {
        let answersFile = RecordFingerprint.answersFile(advice.answers, questionnaire: questionnaire, markDefaults: true)
        let answersDigest = SHA256.hex(answersFile)
        let rawTitle = MarkdownText.oneLine(advice.answers.text("decision.title") ?? "")
        let title = rawTitle.isEmpty ? "Run our AI agents on \(advice.recommendationName)" : rawTitle
        var data = RecordData(
            front: frontMatter(answersDigest: answersDigest), title: MarkdownText.escape(title), summary: summary(),
            slug: ADRFolder.slug(title), supersedes: supersedesLink(), context: context(), drivers: drivers(), otherDefaults: otherDefaults(),
            options: considered(), outcome: outcome(), consequences: consequences(), confirmation: confirmation(),
            diagram: diagram(), scoreTable: scoreTable(), costs: costs(), sensitivity: sensitivity(), risks: risks(),
            caveats: recordCaveats(), trace: trace(),
            answers: RecordData.AnswersBlock(fence: MarkdownText.fence(for: answersFile), yaml: String(answersFile.dropLast()),
                                  sha256: answersDigest),
            priceBook: priceBookBlock(), sources: [])
        data.supersedesWhy = options.supersedes?.why.map(MarkdownText.escape)
        data.exclusions = advice.answers.exclusions.map { exclusion in
            RecordData.RuledOut(name: name(exclusion.stack),
                                reason: MarkdownText.escape(exclusion.reason.map { "\u{201C}\($0)\u{201D}" } ?? "no reason given"))
        }
        // Last, so it lists every source cited anywhere above.
        data.sources = citations.cited.sorted().compactMap { knowledgeBase.source($0) }.map(sourceLine)
        return data
    }

    private func frontMatter(answersDigest: String) -> RecordData.FrontMatter {
        let costs = advice.costs
        // The stacks these answers rank: those the team ruled out are in no figure, so in no fingerprint.
        let stacks = costs.stacks.map(\.stack).map { id -> RecordData.FrontMatterStack in
            let cost = costs.cost(id)
            let monthly = cost.flatMap { $0.lineItems.isEmpty ? nil : Format.fixed(Format.cents($0.monthly), 2, grouping: false) }
            let score = advice.ranking.score(id)
            return RecordData.FrontMatterStack(key: YAMLText.quoted(id), monthlyUSD: monthly ?? "null",
                                    lowerBound: cost.map { !$0.lineItems.isEmpty && $0.isLowerBound } == true ? "true" : "false",
                                    score: Format.fixed(score?.total ?? 0, 4, grouping: false),
                                    fits: RecordFingerprint.fits(score),
                                    rates: RecordFingerprint.rates(knowledgeBase.stack(id)),
                                    factsSHA256: YAMLText.quoted(knowledgeBase.stack(id).map(RecordFingerprint.facts) ?? ""))
        }
        return RecordData.FrontMatter(
            status: YAMLText.quoted(advice.answers.choice("decision.status") ?? "proposed"),
            date: YAMLText.quoted(options.date.description),
            decisionMakers: YAMLText.list(advice.answers.values["decision.deciders"]?.list ?? []),
            supersedes: options.supersedes.map { YAMLText.quoted($0.label) },
            supersedesFile: options.supersedes.map { YAMLText.quoted($0.fileName) },
            toolVersion: YAMLText.quoted(options.toolVersion),
            knowledgeBase: YAMLText.quoted(advice.knowledgeBase.name),
            knowledgeBaseAsOf: YAMLText.quoted(advice.knowledgeBase.asOf.description),
            knowledgeBaseSHA256: YAMLText.quoted(engine.knowledgeBaseSHA256),
            answersSHA256: YAMLText.quoted(answersDigest),
            chosenStack: YAMLText.quoted(winner.stack), rules: YAMLText.list(engine.appliedRules(advice.answers)),
            rulesSHA256: RecordFingerprint.rules(engine.appliedRules(advice.answers), in: knowledgeBase),
            stacks: stacks, priceBook: frontMatterPriceBook())
    }

    /// Answers left at their defaults that say something about the team (not the record's own fields).
    var recordedDefaults: [QuestionID] {
        advice.answers.defaulted.filter { !["decision", "weights"].contains(questionnaire.question($0)?.section) }.sorted()
    }

    /// `[13] [Amazon Bedrock AgentCore Pricing — AWS](https://…)`, or the title and "no public address"
    /// when the knowledge base confirms none (the scout, source 0, is one).
    private func sourceLine(_ source: Source) -> String {
        let title = MarkdownText.escape("\(source.title) — \(source.publisher)")
        guard let url = source.url else { return "\\[\(source.id)\\] " + title + " (no public address)" }
        return "\\[\(source.id)\\] [\(title)](\(url))"
    }

    /// The run's caveats less what the record says elsewhere once: staleness (Context), defaults
    /// (Decision Drivers and the answers block), other cost readings (the cost table), open risks and the
    /// condition (Confirmation).
    private func recordCaveats() -> [String] {
        advice.caveats.filter { ![.staleKnowledge, .defaults, .reading, .risk, .condition].contains($0.kind) }
            .map { citations.text($0.text, $0.sources) }
    }

    private func supersedesLink() -> String? {
        options.supersedes.map {
            "[\($0.linkText)](\(MarkdownText.linkDestination($0.fileName)))"
        }
    }

    private func context() -> RecordData.ContextSection {
        let workload = advice.costs.workload
        let answers = advice.answers
        let stage = questionnaire.question("organization.stage").map {
            PlainAnswer.text(answers.values[$0.id], for: $0).lowercased()
        } ?? "not given"
        var load = "\(Format.plain(workload.agents)) agents (\(stage)), used or supervised by "
            + "\(Format.plain(workload.humans)) people. Each agent runs \(Format.plain(workload.sessionsPerAgentPerDay)) "
            + "sessions a day of \(Format.plain(workload.sessionMinutes)) minutes, idle \(Format.percent(workload.idleFraction)) "
            + "of the time, with \(Format.plain(workload.vcpus)) vCPU and \(Format.plain(workload.memoryGB)) GB per session: "
            + "\(Format.quantity(workload.sessions)) sessions and \(Format.quantity(workload.sessionHours)) session-hours "
            + "in a \(Format.plain(workload.monthHours))-hour month."
        if let tokens = advice.costs.tokens {
            load += " Each session uses \(Format.plain(workload.tokensPerSession)) tokens at "
                + "\(Format.unitPrice(tokens.usdPerMillion)) per million."
        }
        let meta = advice.knowledgeBase
        let excluded = answers.exclusions.count
        let ruledOut = excluded == 0 ? "" : ", of which the team ruled out \(excluded) (see Decision Drivers)"
        let problem = "Where should our AI agents run? The knowledge base offers \(knowledgeBase.stacks.count) candidate "
            + "stacks\(ruledOut); we weigh them on " + engine.axisIDs.map { engine.axisName($0).lowercased() }.joined(separator: ", ")
            + ", and price each for our workload."
        let base = "Facts and prices come from the knowledge base \u{201C}\(meta.name)\u{201D} as of \(meta.asOf) "
            + "(\(DayCount.phrase(advice.ageInDays, before: "this record"))), derived from \(knowledgeBase.scoutName), which this record calls \u{201C}the scout\u{201D}."
        var stale: String?
        if advice.isStale {
            stale = "The knowledge base is older than \(meta.staleAfterDays) days: prices and facts may have changed "
                + "since \(meta.asOf). Check the vendors' pricing pages before accepting this record."
        }
        var section = RecordData.ContextSection(
            problem: MarkdownText.escape(problem), workload: MarkdownText.escape(load),
            knowledgeBase: citations.text(base, [meta.derivedFrom.id]), stale: stale.map(MarkdownText.escape),
            profiles: advice.ranking.profiles.map {
                RecordData.ProfileMatch(name: MarkdownText.escape($0.name), advice: citations.text($0.advice))
            })
        let runnerUp = advice.ranking.scores.dropFirst().first
        section.overridden = engine.overriddenGrounds(answers, winner: winner.stack).map { ground in
            let named = ground.expected.map(engine.stackName).joined(separator: " or ")
            let why = ground.exclusion.map { "here \($0)" } ?? "the weighted scores put it first"
                + (runnerUp.map { " (\(Format.score(winner.total)) against \(Format.score($0.total)) for \(engine.stackName($0.stack)))" } ?? "")
            return MarkdownText.escape("The scout's home ground \u{201C}\(ground.name)\u{201D} names \(named); this record chooses "
                + "\(engine.stackName(winner.stack)) instead because \(why).")
        }
        return section
    }

    /// `Left at their defaults (not answered): vCPUs per session 1; …` for defaults no driver shows.
    private func otherDefaults() -> String? {
        let shown = Set(questionnaire.questions.filter { question in
            winner.axes.contains { question.feeds.contains($0.axis) } && question.section != "weights"
        }.map(\.id))
        let rest = recordedDefaults.filter { !shown.contains($0) }.compactMap { id -> String? in
            guard let question = questionnaire.question(id) else { return nil }
            return MarkdownText.code(id) + " = " + MarkdownText.escape(PlainAnswer.text(advice.answers.values[id], for: question))
        }
        return rest.isEmpty ? nil : "Also left at their defaults (not answered): " + rest.joined(separator: ", ") + "."
    }

    private func drivers() -> [RecordData.Driver] {
        let weightSum = winner.axes.reduce(0) { $0 + $1.weight }
        return winner.axes.map { axis in
            let summary = knowledgeBase.axis(axis.axis)?.summary
            let share = weightSum > 0 ? " (\(Format.percent(axis.weight / weightSum)) of the total)" : ""
            let asked = questionnaire.questions.filter { $0.feeds.contains(axis.axis) && $0.section != "weights" }
            return RecordData.Driver(
                name: MarkdownText.escape(engine.axisName(axis.axis)), weight: Format.plain(axis.weight) + share,
                summary: summary.map(citations.text) ?? "",
                answers: asked.map {
                    let answer = PlainAnswer.text(advice.answers.values[$0.id], for: $0)
                    let defaulted = advice.answers.defaulted.contains($0.id) ? " (default, not answered)" : ""
                    return RecordData.DriverAnswer(question: MarkdownText.escape($0.text),
                                                   answer: MarkdownText.escape(answer + defaulted))
                })
        }
    }
}
