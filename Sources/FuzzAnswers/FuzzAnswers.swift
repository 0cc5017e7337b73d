import AdvisorCore
import Foundation

// Fuzz target for the answers parser. Built for libFuzzer by .ci/fuzz (with -D FUZZING); in an
// ordinary build it replays the files given as arguments, so a crash the fuzzer found can be re-run.

/// The shipped questionnaire, read from the repository once.
let questionnaire: Questionnaire = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let path = url.appendingPathComponent("Screens/questionnaire.yaml").path
    guard let data = FileManager.default.contents(atPath: path),
          let loaded = try? QuestionnaireLoader.load(bytes: Array(data), file: path) else {
        fatalError("cannot load \(path)")
    }
    return loaded
}()

func fuzzOne(_ bytes: [UInt8]) {
    guard let answers = try? AnswersParser.parse(bytes: bytes, file: "fuzz.yaml", questionnaire: questionnaire) else { return }
    // Whatever parses must survive the writer and parse back to the same answers.
    let text = AnswersWriter.yaml(answers, questionnaire: questionnaire)
    guard let reread = try? AnswersParser.parse(bytes: Array(text.utf8), file: "reread.yaml", questionnaire: questionnaire),
          reread.values == answers.values else {
        fatalError("answers did not round-trip:\n\(text)")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// SwiftPM makes every executable's main its @main, so the fuzz build starts libFuzzer's driver from
/// here instead of linking libFuzzer's own main.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzInput))
    }
}
#else
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            fuzzOne(Array(FileManager.default.contents(atPath: path) ?? Data()))
            print("ok \(path)")
        }
    }
}
#endif
