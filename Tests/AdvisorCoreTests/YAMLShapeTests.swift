import AdvisorCore
import Foundation
import Testing

/// Hostile YAML is measured from the parser's events before a tree is composed, so neither an alias
/// bomb nor an alias-expanded mapping key (which Yams would hash through every expanded node) costs
/// more than the text's length.
@Suite struct YAMLShapeTests {
    /// The answers file the CI fuzzer found on 2026-12-03: an alias-expanded list ends up as a mapping key.
    static let fuzzFinding = packageRoot + "/Tests/Fuzz/answers/alias-key-timeout-2026-12-03.yaml"

    func problems(_ text: String, limits: YAMLDocument.Limits) -> [Diagnostic] {
        do {
            _ = try YAMLDocument.parse(text: text, file: "x.yaml", limits: limits)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Ten levels of ten aliases each, the deepest level used as a mapping key: 10^8 nodes expanded.
    static func aliasKeyBomb(levels: Int) -> String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1..<levels {
            let alias = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [" + Array(repeating: alias, count: 10).joined(separator: ", ") + "]")
        }
        lines.append("key: {*a\(levels - 1) : value}")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theFuzzFindingIsRefusedAtItsFirstAlias() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fuzzFinding)))
        do {
            _ = try YAMLDocument.parse(bytes: bytes, file: "finding.yaml", limits: .answers)
            Issue.record("the finding was accepted")
        } catch {
            let problem = try #require(error.diagnostics.first)
            // Line 3 is `b: &b [*a, …`; the first alias starts at column 8.
            #expect(problem.location.line == 3 && problem.location.column == 8)
            #expect(problem.message.contains("uses the alias '*a'; answers files do not use anchors and aliases"))
        }
    }

    @Test func anAnswersFileWithAnyAliasIsRefused() {
        let found = problems("version: 1\nx: &x 1\ny: *x\n", limits: .answers)
        #expect(found.map(\.location.line) == [3])
    }

    @Test func aKnowledgeBaseAliasUsedAsAKeyIsBoundedBeforeComposition() {
        // 1 + 10 + 100 + … nodes per level: the budget of 200,000 is passed at the sixth level (1,111,111 > 200,000).
        let found = problems(Self.aliasKeyBomb(levels: 9), limits: .knowledgeBase)
        let problem = found.first
        #expect(problem?.message == "is too large: more than 200000 values once aliases are expanded")
        #expect(problem?.location.line == 6, "a5 is the first level whose aliases pass 200,000 values")
    }

    @Test func aKnowledgeBaseMayUseAFewAliases() {
        #expect(problems("base: &base {rate: 1}\ncopy: *base\nlist: [*base, *base]\n", limits: .knowledgeBase).isEmpty)
    }

    @Test func nestingIsBoundedBeforeComposition() {
        let text = "x: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        let problem = problems(text, limits: .knowledgeBase).first
        #expect(problem?.message == "nests deeper than 32 levels")
        // The root mapping is level 1, so the 32nd '[' (column 4 + 31) is the 33rd level.
        #expect(problem?.location.column == 4 + 31)
    }
}
