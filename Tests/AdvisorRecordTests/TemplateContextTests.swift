import AdvisorCore
@testable import AdvisorRecord
import Foundation
import Mustache
import Testing

/// The record's data reaches templates through one list of fields per type (RecordData+Template.swift)
/// and templates are parsed in pieces (TemplatePieces). Both must be invisible: every stored property
/// under its own name, and the same text as parsing the template whole.
@Suite struct TemplateContextTests {
    static func data(_ name: String) throws -> RecordData {
        DecisionRecord.data(shippedEngine.advise(try exampleAnswers(name), today: fixedToday), engine: shippedEngine,
                            options: RecordOptions(date: fixedToday))
    }

    /// Each type's list names every stored property, in order, with its value: checked against reflection
    /// over every example's data, so a field added to `RecordData` but not to its list fails here by name.
    @Test(arguments: exampleNames) func everyStoredPropertyIsListed(example: String) throws {
        try Self.expectListed(try Self.data(example), path: "data")
    }

    static func expectListed(_ value: any TemplateFields, path: String) throws {
        let listed = value.templateFields
        let stored = Mirror(reflecting: value).children.map { ($0.label ?? "?", $0.value) }
        let missing = stored.filter { name, _ in !listed.contains { $0.0 == name } }
        #expect(listed.map(\.0) == stored.map(\.0), """
            \(path): \(type(of: value)) lists \(listed.map(\.0)); its properties, in order, are \(stored.map(\.0)). \
            Add to RecordData+Template.swift: \(missing.map { "(\"\($0.0)\", \(entry($0.0, $0.1)))" }.joined(separator: ", "))
            """)
        for ((name, field), (_, property)) in zip(listed, stored) {
            let at = path + "." + name
            switch field {
            case .text(let text): #expect(property as? String == text, "\(at)")
            case .texts(let texts): #expect(property as? [String] == texts, "\(at)")
            case .flag(let flag): #expect(property as? Bool == flag, "\(at)")
            case .count(let count): #expect(property as? Int == count, "\(at)")
            case .none: #expect(Mirror(reflecting: property).displayStyle == .optional && Mirror(reflecting: property).children.isEmpty, "\(at)")
            case .object(let object): try expectListed(object, path: at)
            case .objects(let objects):
                let items = Mirror(reflecting: property).children.map(\.value)
                #expect(items.count == objects.count, "\(at)")
                for (index, object) in objects.enumerated() { try expectListed(object, path: "\(at)[\(index)]") }
            }
            // An optional that is set is listed as its value.
            if case .none = field {} else if Mirror(reflecting: property).displayStyle == .optional {
                #expect(Mirror(reflecting: property).children.count == 1, "\(at)")
            }
        }
    }

    /// The shape the template budget reads is what reflection over the data finds (the way it was
    /// measured before), and, worked out by hand for the shipped knowledge base: six stacks, so six
    /// options and six front-matter stack lines; four axes, so four score-table axis columns.
    @Test(arguments: exampleNames) func shapeIsWhatReflectionFinds(example: String) throws {
        let data = try Self.data(example)
        let shape = TemplateContext(data).shape
        var reference = ReflectedShape()
        reference.visit(data, label: "", depth: 0)
        #expect(shape.longestList == reference.longestList)
        #expect(shape.longestText == reference.longestText)
        #expect(shape.longestList["options"] == 6 && shape.longestList["stacks"] == 6 && shape.longestList["axes"] == 4)
        #expect(shape.longestText["slug"] == data.slug.utf8.count)  // the only field named slug
    }

    /// Templates in pieces render the same bytes as whole: the built-in ones, and ones whose pieces
    /// start with standalone tags, indented tags, comments, inverted sections and partials, one that
    /// changes delimiters half-way, and one whose first line is a standalone tag.
    @Test func piecesRenderLikeTheWholeTemplate() throws {
        let data = try Self.data("single-cloud-aws")
        let filler = String(repeating: "text {{title}} and more text\n", count: 12)
        var templates = [try template(), try template(DecisionRecord.minimalTemplateName)]
        templates += [
            "{{#options}}\n  {{name}}\n{{/options}}\n" + filler + "{{#options}}\n* {{short}}\n{{/options}}\n" + filler
                + "  {{! a comment }}\n{{^nothing}}\n  none\n{{/nothing}}\n" + filler + "{{>partial}}\n  {{#isChosen}}x{{/isChosen}}\n",
            filler + "{{=<% %>=}}\n" + filler.replacingOccurrences(of: "{{title}}", with: "<% title %>") + "<%#options%>\n<%name%>\n<%/options%>\n",
            "{{#options}}\n" + filler + "{{/options}}\n" + filler + "\r\n{{title}}\r\n" + filler,
        ]
        for text in templates {
            let pieces = TemplatePieces.split(text)
            #expect(pieces.joined() == text)
            let whole = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text).render(TemplateContext(data).root)
            let rendered = try DecisionRecord.render(data, template: text, file: "t.mustache")
            #expect(rendered == PrintableText.clean(whole, keepNewlines: true))
        }
        // The built-in template is long enough to be parsed in pieces at all.
        #expect(TemplatePieces.split(try template()).count > 4)
    }

    /// An error far down a long template names the line it is on in the whole template: here the 49th,
    /// after 48 lines of text.
    @Test func anErrorLateInALongTemplateNamesItsLine() throws {
        let data = try Self.data("single-cloud-aws")
        let text = String(repeating: "text {{title}} and more text\n", count: 48) + "{{/options}}\n"
        #expect(TemplatePieces.split(text).count > 1)
        do {
            _ = try DecisionRecord.render(data, template: text, file: "late.mustache")
            Issue.record("a close tag without its section rendered")
        } catch {
            #expect(error.diagnostics.first?.location.file == "late.mustache")
            #expect(error.diagnostics.first?.location.line == 49)
        }
    }

    /// A block (`{{$b}}`) is closed like a section: before, its close tag popped the enclosing section,
    /// so what followed was counted once instead of once per option. Six options × 20 tags are 120
    /// renders, over a budget of 100; counted once they would be 20.
    @Test func aBlockInsideASectionKeepsTheSectionsCount() throws {
        var budget = TemplateBudget()
        budget.maxRenders = 100
        let template = "{{#options}}{{$b}}{{/b}}" + String(repeating: "{{title}}", count: 20) + "{{/options}}"
        #expect(throws: DiagnosticError.self) { try budget.check(template, file: "t.mustache", data: try Self.data("single-cloud-aws")) }
    }

    /// Names the knowledge base capitalises mid-sentence, read a byte at a time in ASCII text: the same
    /// set as reading every text a character at a time.
    @Test func sentenceCaseNamesAreThoseFoundCharacterByCharacter() {
        let knowledgeBase = shippedEngine.knowledgeBase
        var texts = knowledgeBase.stacks.flatMap { stack in
            [stack.name, stack.vendor, stack.summary.text] + stack.components.map(\.name) + stack.traits.map(\.statement.text)
                + stack.facts.map(\.statement.text)
        }
        texts += knowledgeBase.risks.flatMap { [$0.title, $0.statement.text] }
        var names = Set<String>()
        for text in texts {
            var atStart = true
            for word in text.split(separator: " ") {
                let letters = String(word.prefix { $0.isLetter })
                if !atStart, let first = letters.first, first.isUppercase { names.insert(letters) }
                atStart = word.last.map { ".!?:".contains($0) } ?? false
            }
        }
        #expect(SentenceCase(knowledgeBase).names == names)
        #expect(names.contains("Firecracker"))
        // A first word read as bytes is lower-cased exactly as when read by character.
        let sentenceCase = SentenceCase(knowledgeBase)
        func byCharacter(_ text: String) -> String {
            let word = text.prefix { $0.isLetter }
            guard let first = word.first, first.isUppercase, !word.dropFirst().contains(where: \.isUppercase),
                  !sentenceCase.names.contains(String(word)) else { return text }
            return first.lowercased() + text.dropFirst()
        }
        let odd = ["", "A", "Sessions bill", "AWS bills", "Firecracker runs", "Café opens", "E\u{301}t\u{E9} x", "(Note) x",
                   "Zero-trust", "Über alles", "X\r\ny", "Ab\u{301}c d"]
        for text in texts + odd { #expect(sentenceCase.afterBecause(text) == byCharacter(text), "\(text.debugDescription)") }
    }
}

/// The list entry a stored property needs, by its type: what the failure message above suggests.
func entry(_ name: String, _ value: Any) -> String {
    switch value {
    case _ where Mirror(reflecting: value).displayStyle == .optional: ".optional(\(name))"
    case is String: ".text(\(name))"
    case is [String]: ".texts(\(name))"
    case is Bool: ".flag(\(name))"
    case is Int: ".count(\(name))"
    case _ where Mirror(reflecting: value).displayStyle == .collection: ".objects(\(name))"
    default: ".object(\(name))"
    }
}

/// How the template budget measured the data before: by reflection.
struct ReflectedShape {
    var longestList: [String: Int] = [:]
    var longestText: [String: Int] = [:]

    mutating func visit(_ value: Any, label: String, depth: Int) {
        guard depth < 16 else { return }
        if let text = value as? String {
            longestText[label] = max(longestText[label] ?? 0, text.utf8.count)
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection?:
            longestList[label] = max(longestList[label] ?? 0, Int(mirror.children.count))
            for child in mirror.children { visit(child.value, label: label, depth: depth + 1) }
        case .optional?:
            if let some = mirror.children.first { visit(some.value, label: label, depth: depth + 1) }
        default:
            for child in mirror.children { visit(child.value, label: child.label ?? label, depth: depth + 1) }
        }
    }
}
