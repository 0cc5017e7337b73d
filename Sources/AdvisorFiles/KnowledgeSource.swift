import AdvisorCore
import AdvisorResources
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the knowledge base and questionnaire come from: the copies built into the binary, or folders
/// given on the command line (or in RUNTIME_ADVISOR_DATA), read whole and validated before use.
public enum KnowledgeSource {
    static let maxFileBytes = 4 << 20

    /// Loads and compiles the engine. Any problem in any file refuses the whole load.
    public static func engine(dataDirectory: String?, screensDirectory: String? = nil) throws(DiagnosticError) -> Engine {
        try engine(folder: resolvedDataDirectory(dataDirectory), screensDirectory: screensDirectory)
    }

    /// The engine on the knowledge base in `folder`, or (nil) the built-in one whatever
    /// RUNTIME_ADVISOR_DATA says: `kb diff` names both sides itself.
    public static func engine(folder dataDirectory: String?, screensDirectory: String?) throws(DiagnosticError) -> Engine {
        if dataDirectory == nil, screensDirectory == nil, let bytes = Data(base64Encoded: BuiltIn.snapshot),
           let snapshot = try? KnowledgeSnapshot.decode(Array(bytes)) {
            var engine = try Engine(knowledgeBase: snapshot.knowledgeBase, questionnaire: snapshot.questionnaire)
            engine.builtInDigest = BuiltIn.knowledgeBaseSHA256
            return engine
        }
        let questionnaire = try loadQuestionnaire(screensDirectory)
        let files = try dataDirectory.map { dir throws(DiagnosticError) in try yamlFiles(in: dir) }
            ?? BuiltIn.files(in: "Data").mapValues { Array($0.utf8) }
        let knowledgeBase = try KnowledgeBaseLoader.load(files: files, questionnaire: questionnaire)
        return try Engine(knowledgeBase: knowledgeBase, questionnaire: questionnaire)
    }

    /// The knowledge-base folder a load reads: the one given, else RUNTIME_ADVISOR_DATA's; nil for the built-in one.
    static func resolvedDataDirectory(_ given: String?) -> String? {
        given ?? environment("RUNTIME_ADVISOR_DATA")
    }

    /// The files a load with these folders reads (none for the built-in copies), to tell them apart
    /// from what a command writes.
    public static func inputFiles(dataDirectory: String?, screensDirectory: String?) -> [NamedFile] {
        let data = resolvedDataDirectory(dataDirectory).map { KnowledgeFolder.yamlPaths(in: $0) } ?? []
        return data.map { NamedFile("a knowledge-base file", $0) }
            + (screensDirectory.map { [NamedFile("the questionnaire", join($0, "questionnaire.yaml"))] } ?? [])
    }

    public static func loadQuestionnaire(_ screensDirectory: String?) throws(DiagnosticError) -> Questionnaire {
        if let screensDirectory {
            let path = join(screensDirectory, "questionnaire.yaml")
            return try QuestionnaireLoader.load(bytes: InputFile.read(path, maxBytes: maxFileBytes), file: path)
        }
        let file = "Screens/questionnaire.yaml"
        return try QuestionnaireLoader.load(bytes: Array((BuiltIn.files(in: "Screens")[file] ?? "").utf8), file: file)
    }

    /// Text of a built-in file under Screens/ (templates), by its name.
    public static func builtInScreen(_ name: String) -> String? { BuiltIn.files(in: "Screens")["Screens/" + name] }

    /// Every `*.yaml` file under `directory`, keyed by its path as the user would write it; anything
    /// else the loader would not read is refused (see `KnowledgeFolder`).
    static func yamlFiles(in directory: String) throws(DiagnosticError) -> [String: [UInt8]] {
        try KnowledgeFolder.read(directory)
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
