import AdvisorCore

/// Lower-cases the first letter of a knowledge-base sentence so it reads after "Good, because", but
/// keeps names: a first word with a capital inside (AgentCore, OpenAI, AWS) or one the knowledge base
/// itself capitalises in mid-sentence (Firecracker, Cloudflare).
struct SentenceCase {
    let names: Set<String>

    init(_ knowledgeBase: KnowledgeBase) {
        var texts = knowledgeBase.stacks.flatMap { stack in
            [stack.name, stack.vendor, stack.summary.text] + stack.components.map(\.name) + stack.traits.map(\.statement.text)
                + stack.facts.map(\.statement.text)
        }
        texts += knowledgeBase.risks.flatMap { [$0.title, $0.statement.text] }
        var names = Set<String>()
        for text in texts {
            var atStart = true
            // ASCII text splits on its bytes; other text by character, as a space with a combining mark is no space.
            let words = text.utf8.allSatisfy { $0 < 0x80 }
                ? text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) } : text.split(separator: " ")
            for word in words {
                let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
                if !atStart, let name = Self.capitalisedLetters(word, isASCII: isASCII) { names.insert(name) }
                atStart = Self.endsSentence(word, isASCII: isASCII)
            }
        }
        self.names = names
    }

    /// The letters a word starts with, when the first is a capital: `Firecracker` in `Firecracker's`.
    /// An ASCII word is read as bytes, one character each; others by character.
    private static func capitalisedLetters(_ word: Substring, isASCII: Bool) -> String? {
        if isASCII {
            let letters = word.utf8.prefix { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            guard let first = letters.first, (0x41...0x5A).contains(first) else { return nil }
            return String(Substring(letters))
        }
        let letters = word.prefix { $0.isLetter }
        guard let first = letters.first, first.isUppercase else { return nil }
        return String(letters)
    }

    private static func endsSentence(_ word: Substring, isASCII: Bool) -> Bool {
        if isASCII, let last = word.utf8.last { return ".!?:".utf8.contains(last) }
        return word.last.map { ".!?:".contains($0) } ?? false
    }

    func afterBecause(_ text: String) -> String {
        let word = text.prefix { $0.isLetter }
        guard let first = word.first, first.isUppercase, !word.dropFirst().contains(where: \.isUppercase),
              !names.contains(String(word)) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
