import AdvisorCore
import AdvisorTerminal
import AdvisorTUI
import AdvisorTestSupport
import Foundation
import Testing

/// The plain prompts (`--plain`, TERM=dumb) driven by scripted lines: what they accept, refuse,
/// keep and remember. The expected answers come from the shipped example files and Screens/.
@Suite struct PlainSessionTests {
    /// Standard input as a list of lines (nil when they run out) and standard output as one string.
    final class Console {
        var lines: [String]
        var output = ""
        init(_ lines: [String]) { self.lines = lines }
        func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    }

    /// A recovery store in a fresh folder.
    static func recovery() throws -> (store: RecoveryStore, folder: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (RecoveryStore(path: folder + "/recovery.yaml"), folder)
    }

    /// The answers in the recovery file, or a failure when there is no usable one.
    static func recovered(_ store: RecoveryStore) throws -> Answers {
        guard case .found(let recovered) = store.load(questionnaire: shippedEngine.questionnaire) else {
            throw RecoveryMissing()
        }
        return recovered.answers
    }

    struct RecoveryMissing: Error {}

    static func session(_ console: Console, answers: Answers = Answers(defaultsOf: shippedEngine.questionnaire),
                        store: RecoveryStore) -> PlainSession {
        PlainSession(engine: shippedEngine, answers: answers, recovery: store,
                     readLine: { console.readLine() }, write: { console.output += $0 })
    }

    /// One line per question of Screens/questionnaire.yaml, in order, answering as single-cloud-aws.yaml does:
    /// organisation (AWS, in production), the fourteen workload numbers, AWS IAM (option 2; what runs under
    /// Agent 365 is asked of Entra or Azure teams only), several models (option 4), four sandbox flags,
    /// tight loop (option 2), equal weights, then title, deciders, status.
    static let singleCloudAWS = ["1", "1", "40", "0", "120", "20", "12", "0.7", "1", "2", "0", "0", "0", "0", "0", "0",
                                 "2", "4", "n", "n", "n", "n", "2", "1", "1", "1", "1",
                                 "Agent runtime for support automation", "Platform architecture review", "1"]

    @Test func answeringEveryQuestionGivesTheExampleAnswers() throws {
        let (store, folder) = try Self.recovery()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let console = Console(Self.singleCloudAWS)
        var session = Self.session(console, store: store)
        let final = session.run()
        #expect(final.values == (try exampleAnswers("single-cloud-aws")).values)
        #expect(console.lines.isEmpty, "every line was read as an answer")
        #expect(console.output.contains("Step 8 of 8"))
        #expect(!console.output.contains("Error:"))
        // Every answer went to the recovery file as it was given: it reads back to the same answers.
        #expect(try Self.recovered(store).values == final.values)
    }

    /// Issue 18: pressing Enter never invents a required answer. The prompt shows none, an empty line
    /// asks again, and the end of input leaves the question unanswered (the command then exits 65).
    @Test func anEmptyLineDoesNotAnswerARequiredQuestion() throws {
        let (store, folder) = try Self.recovery()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let console = Console(["", "", "2"])
        var session = Self.session(console, store: store)
        let final = session.run()
        #expect(console.output.components(separatedBy: "Choose 1-5 (required): ").count - 1 == 3)
        #expect(console.output.components(separatedBy: "This question needs an answer").count - 1 == 2)
        #expect(final.choice("organization.cloud") == "gcp" && !final.defaulted.contains("organization.cloud"))
        // The stage was never answered: it is still a default, so no report rests on it.
        #expect(final.defaulted.contains("organization.stage"))
        #expect(!console.output.contains("[AWS]") && !console.output.contains("[1: AWS]"), "no pre-filled cloud")
    }

    @Test func wrongAnswersAreRefusedAtTheQuestionAndAskedAgain() throws {
        let (store, folder) = try Self.recovery()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Cloud: 9 is not one of the 5 options, then "azure" by value. Stage: "production". Agents: -3 is
        // below the minimum 1, "many" is not a number, 2.5 is not whole, then 12. Then the input ends.
        let console = Console(["9", "azure", "production", "-3", "many", "2.5", "12"])
        var session = Self.session(console, store: store)
        let final = session.run()
        #expect(final.choice("organization.cloud") == "azure")
        #expect(final.choice("organization.stage") == "production")
        #expect(final.number("workload.agents") == 12)
        #expect(console.output.contains("Error: choose a number from 1 to 5"))
        let agentPrompt = "A whole number from 1 to 100,000 (agents) (required): "
        #expect(console.output.components(separatedBy: agentPrompt).count - 1 == 4, "asked once and again after each of 3 errors")
        #expect(console.output.components(separatedBy: "Error:").count - 1 == 4)
        // The input ended at the fourth workload question: it and the rest keep their defaults.
        #expect(console.output.contains("(end of input: this and the remaining questions were not answered)"))
        #expect(final.number("workload.humans") == Answers(defaultsOf: shippedEngine.questionnaire).number("workload.humans"))
    }

    @Test func questionMarkShowsTheHelpAndItsSources() throws {
        let (store, folder) = try Self.recovery()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let console = Console(["?"])
        var session = Self.session(console, store: store)
        _ = session.run()
        // organization.cloud's help, and its source 0 (the scout) by number and title.
        #expect(console.output.contains("Single-cloud teams are pulled toward their hyperscaler's runtime"))
        let scout = try #require(shippedEngine.knowledgeBase.source(0))
        #expect(console.output.contains("Source [0]") && console.output.contains(scout.title))
    }

    @Test func anEntraTeamIsAskedWhatRunsUnderAgent365() throws {
        let (store, folder) = try Self.recovery()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Entra (option 1) brings the question; Microsoft Foundry is its option 3.
        var lines = Self.singleCloudAWS
        lines[16] = "1"
        lines.insert("3", at: 17)
        let console = Console(lines)
        var session = Self.session(console, store: store)
        let final = session.run()
        #expect(console.output.contains("If you go with Microsoft Agent 365, what runs your agents underneath it?"))
        #expect(final.choice("identity.microsoft_runtime") == "foundry")
        // The AWS IAM run above never sees it.
        let plain = Console(Self.singleCloudAWS)
        var other = Self.session(plain, store: store)
        _ = other.run()
        #expect(!plain.output.contains("what runs your agents underneath it?"))
    }

    @Test func allZeroWeightsAreRefusedAndTheStepAskedAgain() throws {
        let (store, folder) = try Self.recovery()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lines = Array(Self.singleCloudAWS)
        lines.replaceSubrange(23..<27, with: ["0", "0", "0", "0", "0", "2", "0", "0"])
        let console = Console(lines)
        var session = Self.session(console, store: store)
        let final = session.run()
        #expect(console.output.contains("Error: at least one weight must be above 0"))
        #expect(console.output.components(separatedBy: "Step 7 of 8").count - 1 == 2)
        #expect(final.number("weights.identity") == 0 && final.number("weights.model") == 2)
        #expect(final.text("decision.title") == "Agent runtime for support automation")
    }

    @Test func emptyLinesKeepAReviewedFileAsItWas() throws {
        let (store, folder) = try Self.recovery()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let example = try exampleAnswers("regulated-gcp")
        let console = Console(Array(repeating: "", count: Self.singleCloudAWS.count))
        var session = Self.session(console, answers: example, store: store)
        #expect(session.run().values == example.values)
        // Keys the file left out were confirmed by their empty lines, so they count as given now and
        // the recovery file holds them; it still reads back to the same values.
        #expect(try Self.recovered(store).values == example.values)
    }

    @Test func savingNeverReplacesAFileWithoutYes() throws {
        let (store, folder) = try Self.recovery()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/answers.yaml"
        try "kept\n".write(toFile: path, atomically: true, encoding: .utf8)
        let console = Console(Self.singleCloudAWS + [path, "n", path, "y"])
        var session = Self.session(console, store: store)
        let final = session.run()
        #expect(session.offerToSave(defaultPath: nil) == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept\n")
        #expect(console.output.contains("is unchanged"))
        #expect(session.offerToSave(defaultPath: nil) == path)
        #expect(try readAnswers(path).values == final.values)
        #expect(!store.exists, "the recovery file goes once the answers are saved")
    }
}
