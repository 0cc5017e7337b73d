/// The knowledge base and questionnaire compiled into the binary (Data/ and Screens/ at build time).
public enum BuiltIn {
    /// Relative path (for example `Data/sources.yaml`) to file text, for files under `folder`.
    public static func files(in folder: String) -> [String: String] {
        EmbeddedFiles.all.filter { $0.key.hasPrefix(folder + "/") }
    }

    /// The knowledge base and questionnaire, validated at build time: a `KnowledgeSnapshot` in base64.
    public static var snapshot: String { EmbeddedFiles.snapshot }

    /// The built-in knowledge base's SHA-256, worked out at build time.
    public static var knowledgeBaseSHA256: String { EmbeddedFiles.knowledgeBaseSHA256 }
}
