import AdvisorCore
import AdvisorFiles
import Foundation

// What every test module reads: the repository's own Data/ and Screens/, and the day tests run on.

/// The package root, found from this file's path, so tests read the shipped Data/ and Screens/.
public let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The day every test treats as today, so the knowledge base's age (and staleness) is fixed.
public let fixedToday = Day("2026-11-25")!

/// The questionnaire from Screens/ with the knowledge base in `data` (the shipped Data/ by default).
public func loadEngine(data: String = packageRoot + "/Data") throws -> Engine {
    try KnowledgeSource.engine(dataDirectory: data, screensDirectory: packageRoot + "/Screens")
}

/// The shipped knowledge base and questionnaire, loaded from disk once.
public let shippedEngine: Engine = {
    do { return try loadEngine() } catch { fatalError("the shipped knowledge base does not load:\n\(error)") }
}()

/// Parses the answers file at `path`.
public func readAnswers(_ path: String, engine: Engine = shippedEngine) throws -> Answers {
    try AnswersParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path,
                            questionnaire: engine.questionnaire)
}

public func examplePath(_ name: String) -> String { "\(packageRoot)/Data/examples/\(name).yaml" }

/// A shipped example's answers, by name (`single-cloud-aws`).
public func exampleAnswers(_ name: String) throws -> Answers { try readAnswers(examplePath(name)) }

/// The shipped examples' names, sorted.
public var exampleNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Data/examples")) ?? [])
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
}
