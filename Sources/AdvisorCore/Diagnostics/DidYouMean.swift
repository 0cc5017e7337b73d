/// Suggests the closest known word for a misspelt key or value.
public enum DidYouMean {
    /// The candidate nearest to `word`, if it is close enough to be a plausible typo.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, min(lowered.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// The nearest id by spelling, else the first whose words contain what was typed as a word
    /// ("e2b" finds the local sandbox provider, "microsoft" Microsoft Agent 365), else the first with a
    /// word it misspells ("microsft").
    public static func suggestion(for text: String, among words: [(id: String, words: String)]) -> String? {
        if let near = suggestion(for: text, among: words.map(\.id)) { return near }
        let wanted = text.lowercased()
        guard wanted.count >= 2 else { return nil }
        let split = words.map { entry in (entry.id, entry.words.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)) }
        if let exact = split.first(where: { $0.1.contains(wanted) }) { return exact.0 }
        guard wanted.count >= 4 else { return nil }
        return split.first { suggestion(for: wanted, among: $0.1.filter { $0.count >= 4 }) != nil }?.0
    }

    /// Levenshtein distance, with the longer inputs cut short: a typo is never 200 characters long.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64)), b = Array(b.unicodeScalars.prefix(64))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
