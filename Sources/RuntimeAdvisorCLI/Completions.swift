import ArgumentParser
import Foundation
import AdvisorCore
import AdvisorFiles

/// What the shell offers for each kind of value, shared by every option that takes one.
enum Completions {
    /// Answers files and price books; folders too, to walk into.
    static var yamlFile: CompletionKind { .file(extensions: ["yaml", "yml"]) }
    /// Decision records.
    static var record: CompletionKind { .file(extensions: ["md"]) }
    /// Record templates.
    static var template: CompletionKind { .file(extensions: ["mustache"]) }
    /// Stack ids for `--exclude`, asked of the binary when the shell completes.
    static var stacks: CompletionKind { .custom { words, index, _ in stackIDs(words: words, completing: index) } }
    /// `compare`'s two stacks: none once the line names two.
    static var pair: CompletionKind {
        .custom { words, index, _ in
            let known = Set(knownStackIDs(words: words, completing: index))
            let compared = words.indices.filter { $0 != index && known.contains(words[$0]) && !isExcludeValue(at: $0, in: words) }
            return compared.count >= 2 ? [] : stackIDs(words: words, completing: index)
        }
    }

    /// The stack ids to offer: the knowledge base's, less any the line names already (the other of
    /// `compare`'s two, or one ruled out).
    static func stackIDs(words: [String], completing index: Int) -> [String] {
        let named = Set(words.indices.filter { $0 != index }.map { stackNamed(by: words[$0]) })
        return knownStackIDs(words: words, completing: index).filter { !named.contains($0) }
    }

    /// The knowledge base's own stack ids: the `--data` folder's on the command line being completed,
    /// else RUNTIME_ADVISOR_DATA's, else the built-in one's. None when that folder cannot be read or is
    /// invalid: completion stays quiet, and the run itself reports the problem.
    static func knownStackIDs(words: [String], completing index: Int) -> [String] {
        let data = value(of: "--data", in: words, completing: index)
        let screens = value(of: "--screens", in: words, completing: index)
        let engine = try? KnowledgeSource.engine(dataDirectory: data, screensDirectory: screens)
        return (engine?.knowledgeBase.stacks.map(\.id) ?? []).sorted()
    }

    /// Whether the word at `position` is the value of `--exclude` (bash splits `--exclude=ID` at `=`).
    static func isExcludeValue(at position: Int, in words: [String]) -> Bool {
        guard position > 0 else { return false }
        if words[position - 1] == "--exclude" { return true }
        return position > 1 && words[position - 1] == "=" && words[position - 2] == "--exclude"
    }

    /// The stack a word would name: itself, less `--exclude=` and a `: reason`.
    static func stackNamed(by word: String) -> String {
        let value = word.hasPrefix("--exclude=") ? word.dropFirst("--exclude=".count) : word[...]
        return String(value.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
    }

    /// The value given to `option` (`--data DIR` or `--data=DIR`, which bash splits into three words)
    /// among the words, leaving out the word being completed (a half-typed folder name).
    static func value(of option: String, in words: [String], completing index: Int) -> String? {
        var found: String?
        for (position, word) in words.enumerated() where position != index {
            if word == option {
                let at = words.indices.contains(position + 1) && words[position + 1] == "=" ? position + 2 : position + 1
                if words.indices.contains(at), at != index { found = words[at] }
            } else if word.hasPrefix(option + "=") {
                found = String(word.dropFirst(option.count + 1))
            }
        }
        return found.flatMap { $0.isEmpty ? nil : $0 }
    }
}
