import AdvisorCore
import Testing

/// Each class of bad answers file gets an error that names the line, the key, what was expected,
/// and a did-you-mean where a typo is likely. Every problem is reported at once.
@Suite struct AnswersDiagnosticsTests {
    func only(_ problems: [Diagnostic]) throws -> Diagnostic {
        try #require(problems.count == 1, "\(problems)")
        return problems[0]
    }

    @Test func misspeltKeySuggestsTheRealOne() throws {
        let text = answersText().replacingOccurrences(of: "  agents: 40", with: "  agnets: 40")
        let problems = answerProblems(text)
        let typo = try #require(problems.first { $0.key == "workload.agnets" })
        #expect(typo.location.line == 17)
        #expect(typo.suggestion == "agents")
        // The real key is then missing, which is reported in the same pass.
        #expect(problems.contains { $0.key == "workload.agents" && $0.message == "is missing" })
    }

    @Test func missingRequiredAnswerShowsTheLineToAdd() throws {
        // identity: is there but empty of provider; the questionnaire's default (okta) is the example value.
        let text = answersText().replacingOccurrences(of: "  provider: aws-iam\n", with: "  provider_note: none\n")
        let missing = try #require(answerProblems(text).first { $0.key == "identity.provider" && $0.message == "is missing" })
        #expect(missing.fix == "add under identity:   provider: okta")
        #expect(missing.description.hasSuffix("(expected entra | aws-iam | google-cloud-iam | okta | cloudflare-access | other)\n    add under identity:   provider: okta"))
        // Without the section, the line says the section is new too.
        let noBilling = answersText().replacingOccurrences(of: "billing:\n  pattern: tight-loop\n", with: "")
        let pattern = try #require(answerProblems(noBilling).first { $0.key == "billing.pattern" })
        #expect(pattern.fix == "add under billing: (a new section)   pattern: tight-loop")
    }

    @Test func misspeltValueSuggestsTheRealOne() throws {
        let problem = try only(answerProblems(answersText(["identity.provider": "aws_iam"])))
        #expect(problem.key == "identity.provider")
        #expect(problem.location.line == 6)
        #expect(problem.location.column == 13)
        #expect(problem.suggestion == "aws-iam")
        #expect(problem.expected?.contains("entra | aws-iam") == true)
    }

    @Test func negativeNumberNamesTheRange() throws {
        let problem = try only(answerProblems(answersText(["workload.agents": "-3"])))
        #expect(problem.key == "workload.agents")
        #expect(problem.message.contains("below the minimum 1"))
        #expect(problem.expected == "a whole number from 1 to 100000")
    }

    @Test func numbersOutOfRangeOrNotFinite() {
        for bad in ["1e308", ".nan", ".inf", "-.inf", "0", "2.5"] {
            let problems = answerProblems(answersText(["workload.agents": bad]))
            #expect(problems.map(\.key) == ["workload.agents"], "\(bad): \(problems)")
        }
        for bad in ["1.5", "-0.1"] {
            #expect(answerProblems(answersText(["workload.idle_fraction": bad])).map(\.key) == ["workload.idle_fraction"])
        }
    }

    @Test func wrongTypes() {
        #expect(answerProblems(answersText(["workload.agents": "forty"])).first?.message.contains("must be a number") == true)
        #expect(answerProblems(answersText(["workload.agents": "\"40\""])).first?.message.contains("must be a number") == true)
        #expect(answerProblems(answersText(["sandbox.customer_code": "maybe"])).first?.expected == "true or false")
        #expect(answerProblems(answersText(["model.strategy": "[claude, gemini]"])).first?.message.contains("must be text") == true)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let text = answersText(["workload.agents": "-1", "identity.provider": "okay", "billing.pattern": "hourly"],
                               removing: ["model.strategy"])
        let keys = Set(answerProblems(text).map { $0.key ?? "" })
        #expect(keys == ["workload.agents", "identity.provider", "billing.pattern", "model.strategy"])
    }

    @Test func unknownSectionAndMisplacedKey() throws {
        let unknown = try only(answerProblems(answersText() + "workloads:\n  agents: 3\n"))
        #expect(unknown.key == "workloads")
        #expect(unknown.suggestion == "workload")
        let wrongPlace = answersText().replacingOccurrences(of: "billing:\n  pattern: tight-loop", with: "billing:\n  pattern: tight-loop\n  agents: 4")
        #expect(answerProblems(wrongPlace).first?.message == "belongs under 'workload:'")
    }

    @Test func notYAMLAtAll() throws {
        let problem = try only(answerProblems("version: 1\norganization: [unclosed\n"))
        #expect(problem.message.hasPrefix("is not valid YAML"))
        #expect(problem.location.line != nil)
        let scalar = try only(answerProblems("just some words\n"))
        #expect(scalar.message == "must be a mapping of keys to values")
    }

    @Test func emptyFileAndMissingVersion() throws {
        #expect(try only(answerProblems("")).message == "is empty")
        #expect(try only(answerProblems("# only a comment\n")).message == "is empty")
        let noVersion = answerProblems(answersText().replacingOccurrences(of: "version: 1\n", with: ""))
        #expect(noVersion.map(\.key) == ["version"])
        #expect(answerProblems(answersText().replacingOccurrences(of: "version: 1", with: "version: 2")).first?.expected == "1")
    }

    @Test func duplicateKeyNamesBothLines() throws {
        let text = answersText().replacingOccurrences(of: "  agents: 40\n", with: "  agents: 40\n  agents: 41\n")
        let problem = try only(answerProblems(text))
        #expect(problem.key == "agents")
        #expect(problem.location.line == 18)
        #expect(problem.message.contains("first at line 17"))
    }

    @Test func allZeroWeightsAreRefused() throws {
        let text = answersText(["weights.identity": "0", "weights.model": "0", "weights.sandbox": "0", "weights.billing": "0"])
        let problem = try only(answerProblems(text))
        #expect(problem.key == "weights")
        #expect(problem.expected == "at least one weight above 0")
    }

    @Test func byteOrderMarkAndCRLFJustWork() throws {
        let text = "\u{FEFF}" + answersText().replacingOccurrences(of: "\n", with: "\r\n")
        let parsed = try parseAnswers(text)
        #expect(parsed == (try answers()))
    }

    @Test func invalidUTF8AndNULBytes() throws {
        var bytes = Array(answersText().utf8)
        bytes.insert(0xFF, at: 30)
        do {
            _ = try AnswersParser.parse(bytes: bytes, file: "bad.yaml", questionnaire: shippedEngine.questionnaire)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.diagnostics.first?.message.contains("not UTF-8") == true)
        }
        #expect(try only(answerProblems("version: 1\u{0}\n")).message.contains("NUL"))
    }

    @Test func hostileStructureIsRefusedQuickly() throws {
        let deep = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        let nesting = try only(answerProblems("version: 1\nx: " + deep + "\n")).message
        #expect(nesting.contains("nests deeper") || nesting.contains("not valid YAML"), "\(nesting)")
        let deeper = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        #expect(try only(answerProblems("version: 1\nx: " + deeper + "\n")).message.contains("not valid YAML"))
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h"], ["a", "b", "c", "d", "e", "f", "g"]) {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        // Answers files take no aliases at all, so the bomb stops at its first one (line 2, column 8).
        let alias = try only(answerProblems(bomb))
        #expect(alias.message.contains("uses the alias '*a'") && alias.location.line == 2 && alias.location.column == 8)
        let longTitle = "version: 1\ndecision:\n  title: \"" + String(repeating: "t", count: 1 << 20) + "\"\n"
        #expect(answerProblems(longTitle).first?.message.contains("bytes") == true)
        let title = answerProblems(answersText() + "decision:\n  title: \"" + String(repeating: "t", count: 5_000) + "\"\n")
        #expect(title.first?.expected == "at most 200")
    }
}

@Suite struct AnswersRoundTripTests {
    @Test func writtenAnswersReadBackTheSame() throws {
        var original = try answers(["workload.idle_fraction": "0.35", "model.strategy": "claude"])
        original["decision.title"] = .text("Runtime for \"support\" agents: phase 2 # not a comment\n\u{1B}[31m")
        original["decision.deciders"] = .list(["Platform review", "Security, and risk"])
        let text = AnswersWriter.yaml(original, questionnaire: shippedEngine.questionnaire)
        let reread = try parseAnswers(text)
        #expect(reread.values == original.values)
    }

    @Test func examplesRoundTrip() throws {
        for name in ExampleTests.expected.keys {
            let bytes = Array(try String(contentsOfFile: "\(packageRoot)/Data/examples/\(name).yaml", encoding: .utf8).utf8)
            let answers = try AnswersParser.parse(bytes: bytes, file: name, questionnaire: shippedEngine.questionnaire)
            let text = AnswersWriter.yaml(answers, questionnaire: shippedEngine.questionnaire)
            #expect(try parseAnswers(text).values == answers.values)
        }
    }
}
