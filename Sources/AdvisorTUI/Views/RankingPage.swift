import AdvisorCore

/// The text of each results tab at a given width.
enum ResultsPages {
    static func page(_ tab: ResultsTab, results: ResultsModel, state: WizardState, width: Int, charset: Charset) -> Document {
        let engine = state.engine
        switch tab {
        case .ranking:
            return RankingPage(advice: results.advice, engine: engine, charset: charset, whatIf: results.whatIf).document(width: width)
        case .why: return WhyPage(advice: results.advice, engine: engine, charset: charset).document(width: width)
        case .costs: return CostsPage(advice: results.advice, chart: results.chart, engine: engine).document(width: width)
        case .sensitivity: return SensitivityPage(advice: results.advice, engine: engine, charset: charset).document(width: width)
        case .risks: return RisksPage(advice: results.advice, engine: engine, charset: charset).document(width: width)
        case .record: return RecordPage.document(results.record, width: width)
        }
    }
}

/// Ranking: the total and each axis's fit as bars, floors flagged, then what the ranking rests on.
struct RankingPage {
    let advice: Advice
    let engine: Engine
    let charset: Charset
    /// A pinned what-if (A) against these answers, shown under the ranking.
    var whatIf: WhatIf? = nil

    func document(width: Int) -> Document {
        var page = Document(width: width)
        let ranking = advice.ranking
        let winner = ranking.winner
        let glyphs = Glyphs(charset)
        let verdict = advice.verdict
        let headline = verdict.headline.full
        let colon = headline.firstIndex(of: ":").map { headline.index(after: $0) } ?? headline.startIndex
        page.paragraph([Span(String(headline[..<colon]) + " ", style: Style.title),
                        Span(String(headline[colon...]).trimmingCharacters(in: .whitespaces), style: Style.accent)])
        for sentence in verdict.conditions + [verdict.fallback, verdict.tie].compactMap({ $0 }) {
            page.paragraph(sentence.full, style: .warning, link: .about(sentence))
        }
        page.paragraph(verdict.standing.full, style: winner.standing == .failed ? .bad : .normal)
        let weights = winner.axes.map { "\($0.axis) \(Format.plain($0.weight))" }.joined(separator: ", ")
        page.paragraph("Weights: \(weights). Total = Σ weight × fit / Σ weight; fits run from 0 to 1.", style: .dim)
        page.blank()

        // Columns: rank, stack, total with bar, one fit with bar per axis, floors.
        let axes = engine.axisIDs
        let fixed = 3 + 13 + 7 + axes.count * 7 + 7
        let bar = max(3, (width - fixed) / (axes.count + 2))
        let totalBar = max(3, width - fixed - bar * axes.count)
        var header = [Span(pad("#", 3) + pad("Stack", 13) + pad("Total", totalBar + 7), style: Style.title)]
        for axis in axes { header.append(Span(pad(capitalized(axis), bar + 7), style: Style.title)) }
        header.append(Span("Floors", style: Style.title))
        page.line(header)
        for score in ranking.scores {
            let short = engine.knowledgeBase.stack(score.stack)?.short ?? score.stack
            let failing = score.standing == .failed
            var spans = [Span(pad("\(score.rank)", 3)),
                         Span(pad(short, 13), style: failing ? .bad : (score.rank == 1 ? Style.accent : .normal)),
                         Span(Format.score(score.total) + " "),
                         Span(Bar.barText(fraction: score.total, width: totalBar, charset: charset) + "  ",
                              style: failing ? .bad : Style.accent)]
            for (index, axis) in score.axes.enumerated() {
                spans.append(Span(Format.score(axis.fit) + " "))
                spans.append(Span(Bar.barText(fraction: axis.fit, width: bar, charset: charset) + "  ", style: Style(.chart(index))))
            }
            switch score.standing {
            case .failed: spans.append(Span(glyphs.cross + " fails", style: .bad))
            case .unverified:
                // Whole words only: "? check" where "? unverified" would be cut (the note below says what).
                let used = spans.reduce(0) { $0 + $1.width }
                spans.append(Span(used + 12 <= width ? "? unverified" : "? check", style: .warning))
            case .met: spans.append(Span("met", style: .good))
            case .none: spans.append(Span("none", style: .dim))
            }
            page.line(spans, link: .stack(score.stack, ruledOut: false))
        }
        // Ruled out by the team: a row each, so `x` on it takes the stack back in.
        for exclusion in advice.answers.exclusions where engine.knowledgeBase.stack(exclusion.stack) != nil {
            let short = engine.knowledgeBase.stack(exclusion.stack)?.short ?? exclusion.stack
            let why = exclusion.reason.map { "\u{201C}\($0)\u{201D}" } ?? "no reason given"
            page.paragraph([Span(pad(short, 13), style: .dim), Span("ruled out: " + why, style: .dim)],
                           first: Span(pad(glyphs.cross, 3), style: .dim), link: .stack(exclusion.stack, ruledOut: true))
        }
        if let whatIf { WhatIfSection(whatIf: whatIf, engine: engine).add(to: &page) }
        let failures = ranking.scores.flatMap { score in score.floorFailures.map { (score.stack, $0) } }
        if !failures.isEmpty {
            page.heading("Floors")
            for (stack, failure) in failures {
                page.paragraph([Span("\(engine.stackName(stack)) does not meet the \(failure.name): "
                                     + failure.reason, style: .bad)] + Span.sources(failure.because.sources),
                               first: Span(glyphs.cross + " ", style: .bad))
            }
        }
        if let closeCall = advice.caveats.first(where: { $0.kind == .closeCall }) {
            page.blank()
            page.paragraph(closeCall.text, style: .warning)
        }
        for profile in ranking.profiles {
            page.heading("Profile: " + profile.name)
            page.paragraph([Span(profile.advice.text)] + Span.sources(profile.advice.sources))
        }
        if let stack = engine.knowledgeBase.stack(winner.stack) {
            page.heading("What \(stack.short) brings")
            for component in engine.components(stack.id, answers: advice.answers) {
                page.paragraph([Span(component.role + ": ", style: .dim), Span(component.name)] + Span.sources(component.sources),
                               first: Span(glyphs.bullet + " "))
            }
        }
        return page
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let cut = DisplayWidth.truncate(text, to: max(1, width - 1))
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }

    private func capitalized(_ id: String) -> String { id.prefix(1).uppercased() + id.dropFirst() }
}

/// Why: the reasons the winner won, then the whole scoring trace in sentences with sources.
struct WhyPage {
    let advice: Advice
    let engine: Engine
    let charset: Charset

    func document(width: Int) -> Document {
        var page = Document(width: width)
        let glyphs = Glyphs(charset)
        page.paragraph("Why \(engine.stackName(advice.recommendation))", style: Style.title)
        // One line at 80 columns: the source's full title is on the Risks & sources tab.
        page.paragraph([Span("\u{201C}The scout\u{201D} below is the \(engine.knowledgeBase.scoutDate) runtime scout", style: .dim)]
                       + Span.sources([advice.knowledgeBase.derivedFrom.id]))
        for reason in advice.reasons {
            page.paragraph([Span(reason.full)] + Span.sources(reason.sources), first: Span(glyphs.bullet + " "),
                           link: .about(reason))
        }
        if !advice.verdict.defaults.isEmpty {
            page.heading("Answers left at their defaults")
            for sentence in advice.verdict.defaults {
                page.paragraph([Span(sentence.full)], first: Span(glyphs.bullet + " "), link: .about(sentence))
            }
        }
        page.heading("Scoring trace: every fit starts at its axis's neutral value, and each rule that applies moves it")
        for score in advice.ranking.scores {
            page.blank()
            page.line([Span("\(score.rank) \(engine.stackName(score.stack))", style: score.standing == .failed ? .bad : Style.accent),
                       Span("  total \(Format.score(score.total))", style: .dim)])
            for axis in score.axes {
                page.paragraph([Span("\(engine.axisName(axis.axis)) \(Format.score(axis.fit))", style: .normal.bold),
                                Span(axis.clamped ? " (held within 0 to 1)" : "", style: .dim),
                                Span(": starts at \(Format.score(axis.neutral))" + (axis.contributions.isEmpty ? "; no rule applies." : ""),
                                     style: .dim)], indent: 2)
                for contribution in axis.contributions {
                    page.paragraph([Span(Format.delta(contribution.delta) + " ", style: contribution.delta >= 0 ? .good : .bad),
                                    Span(contribution.because.text)] + Span.sources(contribution.because.sources), indent: 4)
                }
            }
            for failure in score.floorFailures {
                page.paragraph([Span("Floor not met: \(failure.reason)", style: .bad)] + Span.sources(failure.because.sources),
                               indent: 2, first: Span(glyphs.cross + " ", style: .bad))
            }
        }
        return page
    }
}
