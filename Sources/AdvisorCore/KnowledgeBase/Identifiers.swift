public typealias StackID = String
public typealias AxisID = String
public typealias SourceID = Int
public typealias QuestionID = String

/// A statement with the sources behind it and the date it was true.
public struct Cited: Hashable, Sendable {
    public var text: String
    public var sources: [SourceID]
    public var asOf: Day
}

/// A numbered source of the scout, cited by number and title.
public struct Source: Hashable, Sendable {
    public var id: SourceID
    public var title: String
    public var publisher: String
    /// The source's address, where it could be confirmed; nil otherwise (never guessed).
    public var url: String? = nil

    public var citation: String { "[\(id)] \(title) — \(publisher)" }
}

extension Source {
    /// An https address a Markdown link can carry as it is: no spaces, quotes, angle brackets,
    /// parentheses or control characters, so a knowledge base cannot break out of the link.
    public static func isLinkable(_ url: String) -> Bool {
        url.hasPrefix("https://") && url.count > 8 && url.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && !"\"'<>()[]\\`".unicodeScalars.contains(scalar)
        }
    }
}
