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
            for word in text.split(separator: " ") {
                let letters = String(word.prefix { $0.isLetter })
                if !atStart, let first = letters.first, first.isUppercase { names.insert(letters) }
                atStart = word.last.map { ".!?:".contains($0) } ?? false
            }
        }
        self.names = names
    }

    func afterBecause(_ text: String) -> String {
        let word = text.prefix { $0.isLetter }
        guard let first = word.first, first.isUppercase, !word.dropFirst().contains(where: \.isUppercase),
              !names.contains(String(word)) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
