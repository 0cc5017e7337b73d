import Foundation

/// Two names that a reader cannot tell apart are one person: compared after Unicode compatibility
/// normalisation (NFKC: `Ｂｏｂ` is `Bob`), case folding and trimmed, collapsed spaces.
func participantIdentity(_ name: String) -> String {
    name.precomposedStringWithCompatibilityMapping
        .folding(options: [.caseInsensitive], locale: nil)
        .split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
