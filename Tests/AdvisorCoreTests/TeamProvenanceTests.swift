import AdvisorCore
import AdvisorTestSupport
import Foundation
import Testing

/// How each team answer was settled, worked out by hand from the answers each person gave and the
/// stated rule: majorities and pluralities, abstentions, a zero weight, splits, and the team
/// overriding the rule.
@Suite struct TeamProvenanceTests {
    /// A participant whose file is the README's example with `overrides` applied and `removing` left out.
    static func person(_ name: String, _ overrides: [String: String] = [:], removing: Set<String> = []) throws -> Participant {
        Participant(name: name, file: "\(name).yaml", answers: try parseAnswers(answersText(overrides, removing: removing)))
    }

    static let allWeights: Set<String> = ["weights.identity", "weights.model", "weights.sandbox", "weights.billing"]

    /// Chen alone (1 of 3) wants several models; Amara and Bruno want Claude, so the rule gives
    /// "majority 2 of 3" for claude. The team settles on Chen's answer: the record must say so, not "majority".
    @Test func aSettledMinorityAnswerSaysWhoseItIs() throws {
        let people = try TeamTests.participants()
        let rule = shippedEngine.team(people, today: fixedToday)
        #expect(rule.provenance["model.strategy"]?.text == "majority 2 of 3")
        var settled = rule.consensus
        settled["model.strategy"] = .choice("multi-model")
        var how = Provenance(method: .participant, answered: 3, participants: 3)
        how.participant = "Chen (security)"
        let team = shippedEngine.team(people, settled: settled, how: ["model.strategy": how], today: fixedToday)
        let model = try #require(team.disagreements.first { $0.question == "model.strategy" })
        #expect(model.consensusValue == "multi-model")
        #expect(model.settledBy == "settled by the team on Chen (security)'s answer, overriding a majority 2 of 3 (claude)")
        #expect(model.overridden)
        #expect(team.overrides.map(\.question) == ["model.strategy"])
        // With Amara's or Bruno's claude back in its place, Anthropic wins again (the unsettled consensus).
        #expect(model.winnerIf.map(\.value) == ["claude"])
        #expect(model.winnerIf.first?.stack == "anthropic-managed-agents")
        // The saved file says how the meeting settled it, and `team --consensus` reads that back.
        let file = Consensus.file(team, questionnaire: shippedEngine.questionnaire)
        #expect(file.contains("\n  strategy: multi-model  # settled in the meeting: Chen (security)'s answer\n"))
        let back = Consensus.settlements(in: file, participants: people)
        #expect(back["model.strategy"]?.participant == "Chen (security)")
        let reread = shippedEngine.team(people, settled: try parseAnswers(file), how: back, openSplits: [], today: fixedToday)
        #expect(reread.provenance["model.strategy"]?.text == model.settledBy)
        // A comment naming nobody in the team is not believed: the answer was given in the file.
        let forged = file.replacingOccurrences(of: "Chen (security)'s answer", with: "Mallory's answer")
        #expect(Consensus.settlements(in: forged, participants: people).isEmpty)
    }

    /// All three said cloud `none`; a consensus file says `gcp`. The cloud is not a disagreement among
    /// the participants, but the team's answer overrides a unanimous one, so it is listed and flagged,
    /// and putting `none` back gives the unsettled consensus's winner, Anthropic.
    @Test func overridingAUnanimousAnswerIsFlagged() throws {
        let people = try TeamTests.participants()
        var settled = shippedEngine.team(people, today: fixedToday).consensus
        settled["organization.cloud"] = .choice("gcp")
        let team = shippedEngine.team(people, settled: settled, today: fixedToday)
        let cloud = try #require(team.disagreements.first { $0.question == "organization.cloud" })
        #expect(cloud.values.map(\.value) == ["none", "none", "none"])
        #expect(cloud.consensusValue == "gcp")
        #expect(cloud.settledBy == "given in the consensus file, overriding a unanimous answer (none)")
        #expect(cloud.provenance.overrides?.method == .unanimous)
        #expect(cloud.winnerIf.map(\.value) == ["none"])
        #expect(cloud.winnerIf.first?.stack == "anthropic-managed-agents")
        #expect(cloud.decisive == (team.advice.recommendation != "anthropic-managed-agents"))
        let text = TeamText.render(team, engine: shippedEngine)
        #expect(text.contains("Override: cloud is gcp, given in the consensus file, overriding a unanimous answer (none)."))
    }

    /// Twelve people. Billing: 5 idle-heavy, 4 tight-loop, 3 per-seat: idle-heavy has the most answers
    /// but 5 is not more than half of 12, so it is a plurality, "plurality 5 of 12". Model: 7 claude, 5
    /// multi-model: 7 > 12 / 2, "majority 7 of 12".
    @Test func aPluralityOfTwelveIsNotCalledAMajority() throws {
        let patterns = Array(repeating: "idle-heavy", count: 5) + Array(repeating: "tight-loop", count: 4)
            + Array(repeating: "per-seat", count: 3)
        let models = Array(repeating: "claude", count: 7) + Array(repeating: "multi-model", count: 5)
        let people = try (0..<12).map { index in
            try Self.person("P\(index + 1)", ["billing.pattern": patterns[index], "model.strategy": models[index]])
        }
        let team = shippedEngine.team(people, today: fixedToday)
        #expect(team.consensus.choice("billing.pattern") == "idle-heavy")
        let billing = try #require(team.provenance["billing.pattern"])
        #expect(billing.method == .plurality)
        #expect(billing.text == "plurality 5 of 12")
        #expect(team.provenance["model.strategy"]?.text == "majority 7 of 12")
        #expect(team.provenance["organization.cloud"]?.text == "unanimous")
        #expect(team.disagreements.first { $0.question == "billing.pattern" }?.settledBy == "plurality 5 of 12")
    }

    /// Dana weights the sandbox 0, Sam (security) 2; the other weights are 1. Normalised: Dana (1, 1, 0, 1) / 3,
    /// Sam (1, 1, 2, 1) / 5. Identity, model and billing: geometric mean √(1/3 × 1/5) = √(1/15) = 0.2582. Sandbox
    /// has a zero, so the arithmetic mean (0 + 2/5) / 2 = 0.2. Sum 3 × 0.2582 + 0.2 = 0.9746; rescaled to sum to 4:
    /// identity 0.2582 / 0.9746 × 4 = 1.0597, sandbox 0.2 / 0.9746 × 4 = 0.8208. (The geometric mean alone would
    /// make the sandbox 0: Dana's zero would remove it against Sam's 2.)
    @Test func oneZeroWeightDoesNotRemoveAnAxis() throws {
        let dana = try Self.person("Dana", ["weights.sandbox": "0"])
        let sam = try Self.person("Sam (security)", ["weights.sandbox": "2"])
        let team = shippedEngine.team([dana, sam], today: fixedToday)
        let geometric = (1.0 / 15).squareRoot(), arithmetic = (0 + 2.0 / 5) / 2
        let scale = 4 / (3 * geometric + arithmetic)
        func four(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
        #expect(team.consensus.number("weights.sandbox") == four(arithmetic * scale))   // 0.8208
        #expect(team.consensus.number("weights.identity") == four(geometric * scale))   // 1.0597
        #expect(team.consensus.number("weights.sandbox") > 0)
        let sandbox = try #require(team.provenance["weights.sandbox"])
        #expect(sandbox.zeroWeights == ["Dana"])
        #expect(sandbox.text == "arithmetic mean of 2 people's weights (Dana gave it 0)")
        #expect(team.provenance["weights.identity"]?.text == "geometric mean of 2 people's weights")
        #expect(Consensus.rule.contains("one person's 0 lowers an axis but cannot remove it"))
    }

    /// Five people. Tokens a session: Ana 150,000 and Ben 100,000; the other three left it out. The median
    /// is over the two who answered, (100,000 + 150,000) / 2 = 125,000, not 0 (three silent zeros would
    /// make the median 0). Untrusted content: Ana and Ben yes, Cy no, Di and Ed left it out: 2 of the 3 who
    /// answered, "majority 2 of 3 (2 abstained)", so yes (counting the defaults would make it 3 no to 2 yes).
    /// Memory events a session: nobody answered, so the default (0) stands, marked.
    @Test func aLeftOutAnswerIsAnAbstention() throws {
        let silent: Set<String> = ["workload.tokens_per_session", "sandbox.untrusted_content", "workload.memory_events_per_session"]
        let people = [
            try Self.person("Ana", ["workload.tokens_per_session": "150000", "sandbox.untrusted_content": "true"],
                            removing: ["workload.memory_events_per_session"]),
            try Self.person("Ben", ["workload.tokens_per_session": "100000", "sandbox.untrusted_content": "true"],
                            removing: ["workload.memory_events_per_session"]),
            try Self.person("Cy", ["sandbox.untrusted_content": "false"],
                            removing: ["workload.tokens_per_session", "workload.memory_events_per_session"]),
            try Self.person("Di", removing: silent),
            try Self.person("Ed", removing: silent),
        ]
        let team = shippedEngine.team(people, today: fixedToday)
        #expect(team.consensus.number("workload.tokens_per_session") == (100_000 + 150_000) / 2)
        #expect(team.provenance["workload.tokens_per_session"]?.text == "median of 2 answers")
        let tokens = try #require(team.disagreements.first { $0.question == "workload.tokens_per_session" })
        #expect(tokens.values.map(\.value) == ["150000", "100000", "—", "—", "—"])
        #expect(team.consensus.flag("sandbox.untrusted_content"))
        #expect(team.provenance["sandbox.untrusted_content"]?.text == "majority 2 of 3 (2 abstained)")
        #expect(team.consensus.defaulted.contains("workload.memory_events_per_session"))
        #expect(team.provenance["workload.memory_events_per_session"]?.text == "nobody answered; the default stands")
        #expect(!team.disagreements.contains { $0.question == "workload.memory_events_per_session" })
    }

    /// Two people split on untrusted content (Ana yes, Ben no) and billing (Ana idle-heavy, Ben tight-loop):
    /// one answer each, so both are splits. The cautious yes stands in for the flag, idle-heavy (first in the
    /// questionnaire) for the billing. Both are named in the report's first lines and marked in the saved
    /// consensus file; a file that still carries the marks keeps them open, one without them settled them.
    @Test func twoPersonSplitsAreNamedAndMarked() throws {
        let ana = try Self.person("Ana", ["sandbox.untrusted_content": "true", "billing.pattern": "idle-heavy"])
        let ben = try Self.person("Ben", ["sandbox.untrusted_content": "false", "billing.pattern": "tight-loop"])
        let team = shippedEngine.team([ana, ben], today: fixedToday)
        #expect(team.split.map(\.question) == ["sandbox.untrusted_content", "billing.pattern"])
        #expect(team.consensus.flag("sandbox.untrusted_content"))
        #expect(team.consensus.choice("billing.pattern") == "idle-heavy")
        #expect(team.provenance["billing.pattern"]?.text == "split, 1 each for idle-heavy and tight-loop, not settled; idle-heavy stands in")
        let lines = TeamText.render(team, engine: shippedEngine).split(separator: "\n")
        #expect(lines[1].hasPrefix("WARNING: the decision rests on 2 unsettled splits: untrusted content in long loops (true stands in for true or false); "
                                   + "billing pattern (idle-heavy stands in for idle-heavy or tight-loop)."))
        // Nobody named deciders: the participants are the deciders.
        #expect(team.consensus.values["decision.deciders"] == .list(["Ana", "Ben"]))

        let file = Consensus.file(team, questionnaire: shippedEngine.questionnaire)
        #expect(file.contains("\n  untrusted_content: true  # split: not settled (true or false; true stands in)\n"))
        #expect(file.contains("\n  pattern: idle-heavy  # split: not settled (idle-heavy or tight-loop; idle-heavy stands in)\n"))
        let reread = try parseAnswers(file)
        let open = AnswersWriter.splitIDs(in: file)
        #expect(open == ["sandbox.untrusted_content", "billing.pattern"])
        #expect(shippedEngine.team([ana, ben], settled: reread, openSplits: open, today: fixedToday).split.count == 2)
        // The team settles the billing in the file by deleting its mark (keeping idle-heavy).
        let settled = shippedEngine.team([ana, ben], settled: reread, openSplits: ["sandbox.untrusted_content"], today: fixedToday)
        #expect(settled.split.map(\.question) == ["sandbox.untrusted_content"])
        #expect(settled.provenance["billing.pattern"]?.text == "split, settled by the value given in the consensus file")
    }
}
