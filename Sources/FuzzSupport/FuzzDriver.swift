import Foundation

/// What both fuzz targets share. Built by .ci/fuzz with `-D FUZZING` and libFuzzer linked in, `run`
/// hands control to libFuzzer's driver; in an ordinary build it replays the files given as arguments,
/// so an input the fuzzer saved can be re-run under a debugger.
public enum FuzzDriver {
    /// The package root, for targets that load the shipped knowledge base.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func run(_ body: @escaping ([UInt8]) -> Void) -> Never {
        target = body
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzInput))
        #else
        for path in CommandLine.arguments.dropFirst() {
            body(Array(FileManager.default.contents(atPath: path) ?? Data()))
            print("ok \(path)")
        }
        exit(0)
        #endif
    }

    /// Set once, before libFuzzer starts calling back; C callbacks cannot capture context.
    nonisolated(unsafe) static var target: (([UInt8]) -> Void)?
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDriver.target?(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if FUZZING
/// SwiftPM makes every executable's main its @main, so the fuzz build starts libFuzzer's driver
/// from `run` instead of linking libFuzzer's own main.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif
