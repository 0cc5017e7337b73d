import AdvisorCore

/// Sensitivity findings and the chosen stack's open risks.
extension RecordBuilder {
    func sensitivity() -> RecordData.SensitivitySection {
        let found = advice.sensitivity
        let idle = Format.percent(advice.costs.workload.idleFraction)
        var breakEvens: [String]
        if found.breakEvens.isEmpty {
            let cheapest = advice.costs.cheapest.map(engine.stackName) ?? "none"
            breakEvens = ["Break-even idle fraction: none from 0% to 95%; the option with the \(advice.costs.cheapestMeaning) stays "
                          + "\(cheapest) (you answered \(idle))."]
        } else {
            breakEvens = found.breakEvens.map { point in
                let reading = point.reading.map { " if \($0)" } ?? ""
                return "Break-even at \(Format.percent(point.idleFraction)) idle\(reading): the option with the \(advice.costs.cheapestMeaning) "
                    + "changes from \(engine.stackName(point.from)) to \(engine.stackName(point.to)) (you answered \(idle))."
            }
        }
        let winnerName = engine.stackName(winner.stack)
        let ranges = found.weightRanges.map { range in
            let high = range.high.map { Format.fixed($0, 2) } ?? "\(Format.plain(range.maximum)) (the maximum)"
            return "Weight of \(engine.axisName(range.axis).lowercased()): \(winnerName) stays chosen from "
                + "\(Format.fixed(range.low, 2)) to \(high) (now \(Format.plain(range.current)))."
        }
        var nearest = MarkdownText.escape("No change of one or two answers changes the winner.")
        if let flip = found.flips.first {
            nearest = MarkdownText.escape("The smallest answer change that changes the winner:") + " " + describe(flip) + "."
        }
        return RecordData.SensitivitySection(breakEvens: breakEvens.map(MarkdownText.escape), weightRanges: ranges.map(MarkdownText.escape),
                                  nearestFlip: nearest, otherFlips: found.flips.dropFirst().prefix(5).map { describe($0) + "." })
    }

    private func describe(_ flip: WinnerFlip) -> String {
        flip.changes.map { PlainAnswer.change($0, questionnaire: questionnaire) }.joined(separator: " and ")
            + " makes " + name(flip.winner) + " win"
    }

    func risks() -> RecordData.RiskSection {
        RecordData.RiskSection(
            stack: name(winner.stack),
            items: advice.risks.map {
                RecordData.RiskItem(severity: $0.severity.rawValue, title: MarkdownText.escape($0.title),
                         statement: citations.text($0.statement), check: MarkdownText.escape($0.check))
            },
            exposures: advice.costs.cost(winner.stack)?.exposures.map(exposure) ?? [])
    }
}
