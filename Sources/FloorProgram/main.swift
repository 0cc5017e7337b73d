import Foundation

// The cold-start floor for the benchmark: a minimal Swift program that reads the same answers file
// with Foundation and prints it. Anything the advisor does beyond this is its own cost.
guard CommandLine.arguments.count == 2,
      let data = FileManager.default.contents(atPath: CommandLine.arguments[1]) else {
    FileHandle.standardError.write(Data("usage: FloorProgram FILE\n".utf8))
    exit(64)
}
FileHandle.standardOutput.write(data)
