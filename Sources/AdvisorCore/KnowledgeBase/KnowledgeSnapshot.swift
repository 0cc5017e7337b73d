/// A validated knowledge base and questionnaire, serialised. The build compiles Data/ and Screens/
/// into one of these after checking them with the same loaders a `--data` folder goes through, so a
/// run on the built-in knowledge base skips YAML parsing and validation entirely.
public struct KnowledgeSnapshot: Sendable {
    static let magic = "runtime-advisor snapshot 1"

    public var knowledgeBase: KnowledgeBase
    public var questionnaire: Questionnaire

    public init(knowledgeBase: KnowledgeBase, questionnaire: Questionnaire) {
        self.knowledgeBase = knowledgeBase
        self.questionnaire = questionnaire
    }

    public func encoded() -> [UInt8] {
        var writer = SnapshotWriter()
        writer.string(Self.magic)
        writer.value(knowledgeBase)
        writer.value(questionnaire)
        return writer.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(SnapshotError) -> KnowledgeSnapshot {
        var reader = SnapshotReader(bytes)
        guard try reader.string() == magic else { throw SnapshotError(message: "not a knowledge-base snapshot") }
        let snapshot = KnowledgeSnapshot(knowledgeBase: try reader.value(), questionnaire: try reader.value())
        guard reader.position == bytes.count else { throw SnapshotError(message: "snapshot has trailing bytes") }
        return snapshot
    }
}
