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

    public var citation: String { "[\(id)] \(title) — \(publisher)" }
}
