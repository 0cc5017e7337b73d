#if canImport(Glibc)
import Glibc
#endif

/// Instruction counts under `valgrind --tool=callgrind`: repeatable where wall and CPU times are not
/// on a shared machine. Valgrind cannot read the toolchain's DWARF 5, so it runs copies of the programs
/// with their debug information stripped (`strip --strip-debug`), in a scratch folder.
struct InstructionCounter {
    let folder: String
    private let valgrind: String

    /// Nil, with the reason, when valgrind or strip is missing or the copies cannot be made.
    static func make(programs: [String]) -> (counter: InstructionCounter?, note: String?) {
        guard let valgrind = which("valgrind") else {
            return (nil, "valgrind is not installed (apt-get install valgrind): instruction counts skipped")
        }
        guard let strip = which("strip") else {
            return (nil, "strip is not installed (apt-get install binutils): instruction counts skipped")
        }
        let folder = Scratch.folder("callgrind")
        for program in programs {
            let copy = folder + "/" + baseName(program)
            guard spawn("/bin/cp", [program, copy]).status == 0, spawn(strip, ["--strip-debug", copy]).status == 0 else {
                Scratch.remove(folder)
                return (nil, "could not copy and strip \(program): instruction counts skipped")
            }
        }
        return (InstructionCounter(folder: folder, valgrind: valgrind), nil)
    }

    /// The stripped copy of `program`.
    func copy(of program: String) -> String { folder + "/" + Self.baseName(program) }

    /// Where valgrind writes its report, so the program's own standard error stays its own.
    var log: String { folder + "/valgrind.log" }

    /// The valgrind command line that counts the instructions of `program` with `arguments`.
    func command(_ program: String, _ arguments: [String]) -> (path: String, arguments: [String]) {
        (valgrind, ["--tool=callgrind", "--callgrind-out-file=\(folder)/callgrind.out", "--log-file=\(log)", copy(of: program)]
            + arguments)
    }

    /// Instructions `program` executes with `arguments`, or nil when it fails.
    func count(_ program: String, _ arguments: [String]) -> Int? {
        let (path, valgrindArguments) = command(program, arguments)
        guard spawn(path, valgrindArguments).status == 0 else { return nil }
        return collected()
    }

    /// The total from callgrind's `==PID== Collected : N` line in the last run's report.
    func collected() -> Int? {
        guard let file = fopen(log, "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            if let range = text.firstRange(of: "Collected :") {
                return Int(text[range.upperBound...].filter(\.isNumber))
            }
        }
        return nil
    }

    func remove() { Scratch.remove(folder) }

    /// The first `tool` on PATH.
    static func which(_ tool: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/" + tool }.first { access($0, X_OK) == 0 }
    }

    static func baseName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
