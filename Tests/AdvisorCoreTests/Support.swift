import AdvisorCore
import AdvisorFiles
@_exported import AdvisorTestSupport
import Foundation
import Testing

/// Every file of the shipped knowledge base, keyed as the loader sees them, for tests that break one.
func shippedFiles() throws -> [String: [UInt8]] {
    let root = packageRoot + "/Data"
    var files: [String: [UInt8]] = [:]
    let walker = FileManager.default.enumerator(atPath: root)
    while let relative = walker?.nextObject() as? String {
        guard relative.hasSuffix(".yaml"), !relative.hasPrefix("examples/") else { continue }
        files["Data/" + relative] = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
    }
    return files
}

/// Parses answers text against the shipped questionnaire; records the problems on failure.
func parseAnswers(_ text: String, engine: Engine = shippedEngine) throws -> Answers {
    try AnswersParser.parse(bytes: Array(text.utf8), file: "answers.yaml", questionnaire: engine.questionnaire)
}

/// The diagnostics a bad answers file produces (none if it parses).
func answerProblems(_ text: String) -> [Diagnostic] {
    do {
        _ = try parseAnswers(text)
        return []
    } catch let error as DiagnosticError {
        return error.diagnostics
    } catch {
        return []
    }
}



extension Double {
    /// Equal to within half a cent (or a ten-thousandth of a score).
    func isClose(to other: Double, tolerance: Double = 0.005) -> Bool { abs(self - other) <= tolerance }
}
