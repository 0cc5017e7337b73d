import AdvisorCore
import Testing

/// Random but valid answers: every question answered within its options or range.
func randomAnswers(_ questionnaire: Questionnaire, using random: inout SeededRandom) -> Answers {
    var answers = Answers(defaultsOf: questionnaire)
    for question in questionnaire.questions {
        switch question.kind {
        case .choice: answers[question.id] = .choice(question.options.randomElement(using: &random)!.value)
        case .boolean: answers[question.id] = .flag(Bool.random(using: &random))
        case .integer, .number:
            let low = question.minimum ?? 0
            // Most draws stay in everyday ranges; some go to the questionnaire's limits.
            let high = Bool.random(using: &random) ? question.maximum ?? 1 : min(question.maximum ?? 1, max(low, 1) * 50)
            var value = Double.random(in: low...max(low, high), using: &random)
            if question.kind == .integer { value = value.rounded(.down) }
            answers[question.id] = .number(value)
        case .text, .list: break
        }
    }
    if questionnaire.questions(in: "weights").allSatisfy({ answers.number($0.id) == 0 }) { answers["weights.identity"] = .number(1) }
    return answers
}

@Suite struct PropertyTests {
    static let seeds: [UInt64] = Array(1...200)

    @Test(arguments: seeds) func scoresAreWithinZeroAndOne(_ seed: UInt64) {
        var random = SeededRandom(state: seed)
        let ranking = shippedEngine.rank(randomAnswers(shippedEngine.questionnaire, using: &random))
        for score in ranking.scores {
            #expect((0...1).contains(score.total), "seed \(seed): \(score.stack) \(score.total)")
            #expect(score.axes.allSatisfy { (0...1).contains($0.fit) }, "seed \(seed)")
        }
        #expect(ranking.scores.map(\.rank) == Array(1...ranking.scores.count))
    }

    @Test func rankingDoesNotDependOnTheOrderOfStacksOrRules() throws {
        var random = SeededRandom(state: 7)
        var shuffled = shippedEngine.knowledgeBase
        shuffled.stacks.shuffle(using: &random)
        shuffled.rules.shuffle(using: &random)
        shuffled.floors.shuffle(using: &random)
        shuffled.profiles.shuffle(using: &random)
        for index in shuffled.rules.indices { shuffled.rules[index].adjust.shuffle(using: &random) }
        let other = try Engine(knowledgeBase: shuffled, questionnaire: shippedEngine.questionnaire)
        for _ in 0..<300 {
            let answers = randomAnswers(shippedEngine.questionnaire, using: &random)
            let expected = shippedEngine.rank(answers), actual = other.rank(answers)
            #expect(actual.scores.map(\.stack) == expected.scores.map(\.stack))
            #expect(actual.scores.map(\.total) == expected.scores.map(\.total), "totals must be bit-identical")
        }
    }

    @Test(arguments: seeds) func costsGrowWithAgentsAndSessionLengthAndAreNeverNegative(_ seed: UInt64) {
        var random = SeededRandom(state: seed)
        let answers = randomAnswers(shippedEngine.questionnaire, using: &random)
        let workload = Workload(answers: answers, monthHours: 730)
        var more = workload
        more.agents += 1
        more.sessionMinutes += 1
        let base = shippedEngine.costs(workload), bigger = shippedEngine.costs(more)
        for (small, large) in zip(base.stacks, bigger.stacks) {
            #expect(small.monthly >= 0 && small.lineItems.allSatisfy { $0.cost >= 0 && $0.quantity >= 0 })
            #expect(large.monthly >= small.monthly, "seed \(seed): \(small.stack)")
            #expect(small.exposures.allSatisfy { $0.monthly >= 0 })
        }
    }

    @Test(arguments: seeds) func activeCPUMetersNeverCostMoreAsIdleGrows(_ seed: UInt64) {
        var random = SeededRandom(state: seed)
        let workload = Workload(answers: randomAnswers(shippedEngine.questionnaire, using: &random), monthHours: 730)
        let lower = Double.random(in: 0...1, using: &random), higher = Double.random(in: lower...1, using: &random)
        let busy = shippedEngine.costs(workload.withIdle(lower)), idle = shippedEngine.costs(workload.withIdle(higher))
        for (a, b) in zip(busy.stacks, idle.stacks) {
            for (itemA, itemB) in zip(a.lineItems, b.lineItems) {
                let meter = shippedEngine.knowledgeBase.stack(a.stack)?.meters.first { $0.id == itemA.meter }
                if meter?.driver == .activeVCPUSeconds || meter?.idle == .free {
                    #expect(itemB.cost <= itemA.cost + 1e-9, "seed \(seed): \(itemA.meter)")
                } else {
                    #expect(abs(itemB.cost - itemA.cost) < 1e-9, "seed \(seed): \(itemA.meter) bills idle time")
                }
            }
        }
    }

    @Test(arguments: Array(seeds.prefix(40))) func sameInputGivesTheSameBytes(_ seed: UInt64) {
        var random = SeededRandom(state: seed)
        let answers = randomAnswers(shippedEngine.questionnaire, using: &random)
        let first = shippedEngine.advise(answers, today: fixedToday), second = shippedEngine.advise(answers, today: fixedToday)
        #expect(TextReport.render(first, engine: shippedEngine) == TextReport.render(second, engine: shippedEngine))
        #expect(JSONReport.render(first, engine: shippedEngine, toolVersion: "t") == JSONReport.render(second, engine: shippedEngine, toolVersion: "t"))
    }

    @Test(arguments: Array(seeds.prefix(60))) func writtenAnswersReadBackToTheSameResult(_ seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        let answers = randomAnswers(shippedEngine.questionnaire, using: &random)
        let reread = try parseAnswers(AnswersWriter.yaml(answers, questionnaire: shippedEngine.questionnaire))
        #expect(reread.values == answers.values)
        #expect(shippedEngine.rank(reread) == shippedEngine.rank(answers))
    }
}
