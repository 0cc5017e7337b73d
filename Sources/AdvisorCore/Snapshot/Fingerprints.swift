/// Digests of what a decision record rests on, taken over the snapshot encoding (every field, in a
/// fixed order), so the same knowledge base gives the same digest whether it was compiled in or read
/// from a `--data` folder, and any edit (a price, a rule, a sentence) changes it.
extension KnowledgeBase {
    /// SHA-256 of the whole knowledge base, in hex: `knowledge-base-sha256` in a record's front matter.
    public var sha256: String {
        // Where `as_of` was read from is for error messages, not content: the folder a copy sits in
        // must not change the digest.
        var content = self
        content.meta.asOfWritten = WrittenAt(SourceLocation(file: "knowledge-base.yaml"))
        var writer = SnapshotWriter()
        writer.value(content)
        return SHA256.hex(writer.bytes)
    }
}

extension Rule {
    /// The first 8 hex digits of a SHA-256 over the rule (condition, adjustments, sentence and sources).
    public var fingerprint: String {
        var writer = SnapshotWriter()
        writer.value(self)
        return String(SHA256.hex(writer.bytes).prefix(8))
    }
}
