import AdvisorCore
import Foundation

// Fuzz target for the knowledge-base loader. The first input byte picks which shipped file the rest
// of the input replaces; the loader must either accept the result or refuse it with diagnostics.
// Built for libFuzzer by .ci/fuzz; in an ordinary build it replays the files given as arguments.

let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

let questionnaire: Questionnaire = {
    let path = root + "/Screens/questionnaire.yaml"
    guard let data = FileManager.default.contents(atPath: path),
          let loaded = try? QuestionnaireLoader.load(bytes: Array(data), file: path) else { fatalError("cannot load \(path)") }
    return loaded
}()

let shippedFiles: [(path: String, bytes: [UInt8])] = {
    let folder = root + "/Data"
    let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
        .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("examples/") }.sorted()
    return paths.map { ("Data/" + $0, Array(FileManager.default.contents(atPath: folder + "/" + $0) ?? Data())) }
}()

func fuzzOne(_ bytes: [UInt8]) {
    guard let selector = bytes.first, !shippedFiles.isEmpty else { return }
    var files = Dictionary(uniqueKeysWithValues: shippedFiles.map { ($0.path, $0.bytes) })
    files[shippedFiles[Int(selector) % shippedFiles.count].path] = Array(bytes.dropFirst())
    do {
        let base = try KnowledgeBaseLoader.load(files: files, questionnaire: questionnaire)
        // A knowledge base that loads must score without trouble.
        let engine = try Engine(knowledgeBase: base, questionnaire: questionnaire)
        let answers = Answers(defaultsOf: questionnaire)
        _ = engine.rank(answers)
        _ = engine.costs(answers)
    } catch {
        if error.diagnostics.isEmpty { fatalError("refused without saying why") }
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
