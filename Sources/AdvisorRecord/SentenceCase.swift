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
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                Self.collectNames(asciiText: text, into: &names)
                continue
            }
            var atStart = true
            for word in text.split(separator: " ") {
                let letters = word.prefix { $0.isLetter }
                if !atStart, let first = letters.first, first.isUppercase { names.insert(String(letters)) }
                atStart = word.last.map { ".!?:".contains($0) } ?? false
            }
        }
        self.names = names
    }

    /// The same reading of ASCII text, one byte a character, in one pass without splitting it: the
    /// letters a word starts with, when the first is a capital and the word does not start a sentence.
    private static func collectNames(asciiText text: String, into names: inout Set<String>) {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        let bytes = Array(text.utf8)
        var atStart = true
        var index = 0
        while index < bytes.count {
            guard bytes[index] != 0x20 else {
                index += 1
                continue
            }
            let wordStart = index
            while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            if !atStart, (0x41...0x5A).contains(bytes[wordStart]) {
                var end = wordStart
                while end < index, isLetter(bytes[end]) { end += 1 }
                names.insert(String(decoding: bytes[wordStart..<end], as: UTF8.self))
            }
            atStart = ".!?:".utf8.contains(bytes[index - 1])
        }
    }

    func afterBecause(_ text: String) -> String {
        // A first word of ASCII letters followed by ASCII (or nothing) is read as bytes, a character each.
        let utf8 = text.utf8
        let letters = utf8.prefix { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        if letters.endIndex == utf8.endIndex || utf8[letters.endIndex] < 0x80 {
            guard let first = letters.first, (0x41...0x5A).contains(first), !letters.dropFirst().contains(where: { (0x41...0x5A).contains($0) }),
                  !names.contains(String(Substring(letters))) else { return text }
            return String(decoding: [first + 0x20], as: UTF8.self) + text.dropFirst()
        }
        let word = text.prefix { $0.isLetter }
        guard let first = word.first, first.isUppercase, !word.dropFirst().contains(where: \.isUppercase),
              !names.contains(String(word)) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
