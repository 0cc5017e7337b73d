import AdvisorCore
import AdvisorFiles
#if canImport(Glibc)
import Glibc
#endif

// advisor-bench: every figure the performance issue asks for, from one run on this machine.
// Run with `swift run -c release advisor-bench` (which builds the advisor and both floor programs too).
// Timings on shared machines are noisy: compare the ratios within one run, and the instruction counts.

// The only argument is a run count. Anything else is refused rather than taken as "30 runs": the
// generate-manual plugin calls every ArgumentParser-linked product with --experimental-dump-help.
let argument = CommandLine.arguments.dropFirst().first
guard argument == nil || Int(argument!).map({ $0 > 0 }) == true else {
    print("advisor-bench: the only argument is the number of runs, such as 30; got '\(argument!)'")
    exit(64)
}
let runs = argument.flatMap(Int.init) ?? 30
/// The folder this benchmark was built into holds the advisor and the floor programs too.
let folder = CommandLine.arguments[0].lastIndex(of: "/").map { String(CommandLine.arguments[0][..<$0]) } ?? ".build/release"
let advisor = folder + "/runtime-advisor", ecosystemFloor = folder + "/EcosystemFloor", bareFloor = folder + "/FloorProgram"
let probe = folder + "/MemoryProbe"
let example = "Data/examples/single-cloud-aws.yaml"
let today = Day("2026-11-25")!

func line(_ label: String, _ value: String, _ target: String = "") {
    let pad = String(repeating: " ", count: max(1, 44 - label.count))
    print("  " + label + pad + value + (target.isEmpty ? "" : "   " + target))
}

func verdict(_ met: Bool) -> String { met ? "met" : "MISSED" }
func ms(_ value: Double) -> String { Format.fixed(value, 2) + " ms" }
func ratio(_ value: Double) -> String { Format.fixed(value, 2) + "x" }
func millions(_ count: Int?) -> String { count.map { Format.fixed(Double($0) / 1e6, 1) + " M" } ?? "-" }
func column(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }

guard [advisor, ecosystemFloor, bareFloor, probe].allSatisfy({ (path: String) in access(path, X_OK) == 0 }), access(example, R_OK) == 0 else {
    print("advisor-bench: run from the package root after a release build: swift run -c release advisor-bench")
    exit(64)
}

print("advisor-bench: \(runs) runs each; nproc \(sysconf(Int32(_SC_NPROCESSORS_ONLN)))")

let engine = try KnowledgeSource.engine(dataDirectory: nil)
let answers = try AnswersParser.parse(bytes: InputFile.read(example, maxBytes: AnswersParser.maxBytes), file: example,
                                      questionnaire: engine.questionnaire)
let people = TeamBench.participants(from: answers)

// 1. Every output as a process, against the ecosystem floor given the same arguments; interleaved, so
// machine noise hits both alike. The wizard runs on a pseudo-terminal with its own state folder.
let scratch = Scratch.folder("team")
let teamFiles = try people.map { person in
    try AtomicFile.write(AnswersWriter.yaml(person.answers, questionnaire: engine.questionnaire),
                         to: "\(scratch)/\(person.name).yaml", replace: true)
}
let outputs = Output.all(example: example, teamFiles: teamFiles, today: today.description)
var figures = Array(repeating: OutputFigures(), count: outputs.count)

/// The wizard started by `path` on a 120x40 pseudo-terminal, timed to its first frame, with a state
/// folder of its own, so no run sees another's session.
func wizardFrame(_ path: String, _ arguments: [String], timeoutSeconds: Double) -> TerminalRun.Result? {
    let state = Scratch.folder("state")
    defer { Scratch.remove(state) }
    let result = TerminalRun.firstFrame(path, arguments, width: 120, height: 40,
                                        environment: ["TERM": "xterm-256color", "XDG_STATE_HOME": state],
                                        timeoutSeconds: timeoutSeconds)
    return result?.firstFrameMilliseconds == nil ? nil : result
}

/// One run of an output, or of the floor beside it: its CPU time, and the wizard's time to its first frame.
func run(_ output: Output, _ program: String, _ arguments: [String], isFloor: Bool) -> (cpu: Double, frame: Double?)? {
    guard output.onTerminal, !isFloor else {
        let result = spawn(program, arguments)
        return result.status == 0 ? (result.cpuMilliseconds, nil) : nil
    }
    return wizardFrame(program, arguments, timeoutSeconds: 20).map { ($0.run.cpuMilliseconds, $0.firstFrameMilliseconds) }
}

for round in 0..<(runs + 2) {
    for (index, output) in outputs.enumerated() {
        let mine = run(output, advisor, output.arguments, isFloor: false)
        let floors = run(output, ecosystemFloor, output.floorArguments, isFloor: true)
        guard round >= 2 else { continue }  // the first two rounds fill the page cache
        guard let mine, let floors else {
            figures[index].failures += 1
            continue
        }
        figures[index].advisorCPU.milliseconds.append(mine.cpu)
        figures[index].floorCPU.milliseconds.append(floors.cpu)
        if let frame = mine.frame { figures[index].firstFrame.milliseconds.append(frame) }
    }
}

// Instruction counts of one run each, where valgrind is installed.
let (counter, countNote) = InstructionCounter.make(programs: [advisor, ecosystemFloor, bareFloor])
var bareInstructions: Int?
if let counter {
    for (index, output) in outputs.enumerated() {
        if output.onTerminal {
            let (path, arguments) = counter.command(advisor, output.arguments)
            figures[index].instructions = wizardFrame(path, arguments, timeoutSeconds: 120) == nil ? nil : counter.collected()
        } else {
            figures[index].instructions = counter.count(advisor, output.arguments)
        }
        figures[index].floorInstructions = counter.count(ecosystemFloor, output.floorArguments)
    }
    bareInstructions = counter.count(bareFloor, [example])
    counter.remove()
}
Scratch.remove(scratch)

print("""

Every output as a process against the ecosystem floor (EcosystemFloor: parses the same arguments with
swift-argument-parser, reads the answers with Yams and prints them): median CPU time of \(runs) interleaved
runs, and instructions under valgrind --tool=callgrind (one run each)
""")
print("  " + "output".padding(20) + column("advisor", 10) + column("floor", 10) + column("ratio", 8) + "  "
      + "target".padding(22) + column("instructions", 13) + column("floor", 9) + column("ratio", 8))
for (output, figure) in zip(outputs, figures) {
    let advisorMedian = figure.advisorCPU.median, floorMedian = figure.floorCPU.median
    let timeRatio = advisorMedian / floorMedian
    let target = output.target.map { "at most \(ratio($0)): \(verdict(timeRatio <= $0))" } ?? "no target"
    var countRatio = "-"
    if let mine = figure.instructions, let floors = figure.floorInstructions { countRatio = ratio(Double(mine) / Double(floors)) }
    print("  " + output.name.padding(20) + column(ms(advisorMedian), 10) + column(ms(floorMedian), 10)
          + column(ratio(timeRatio), 8) + "  " + target.padding(22) + column(millions(figure.instructions), 13)
          + column(millions(figure.floorInstructions), 9) + column(countRatio, 8)
          + (figure.failures > 0 ? "   \(figure.failures) runs FAILED" : ""))
}
if let wizard = zip(outputs, figures).first(where: { $0.0.onTerminal })?.1 {
    line("wizard: wall time to the first frame, median", ms(wizard.firstFrame.median))
}
let bareCPU = Samples(milliseconds: (0..<runs).map { _ in spawn(bareFloor, [example]).cpuMilliseconds })
line("bare floor (FloorProgram: Foundation reads, prints)", ms(bareCPU.median) + ", " + millions(bareInstructions))
if let countNote { print("  " + countNote) }

// 2. Peak memory of the headless run, through the memory probe so this process's own footprint does
// not count (a child inherits its parent's high-water mark until it execs).
let headlessArguments = ["--answers", example, "--format", "json", "--today", today.description]
let report = "/tmp/advisor-bench-peak-\(getpid())"
var peakKiB = 0
for _ in 0..<5 {
    _ = spawn(probe, [report] + [advisor] + headlessArguments)
    let text = (try? InputFile.read(report, maxBytes: 64)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    peakKiB = max(peakKiB, Int(text.filter(\.isNumber)) ?? 0)
}
unlink(report)
let peak = Double(peakKiB) / 1024
line("peak resident memory (JSON)", Format.fixed(peak, 1) + " MiB", "target under 40 MiB: \(verdict(peak < 40))")

// 3. In-process engine figures.
var keystrokes = Samples()
KeystrokeBench.run(engine: engine, answers: answers, today: today, samples: &keystrokes, count: max(runs * 20, 500))
print("\nKeystroke: one wizard update (which re-scores) and a full render into the cell grid at 120x40")
line("median", ms(keystrokes.median), "target under 2 ms: \(verdict(keystrokes.median < 2))")
line("99th percentile", ms(keystrokes.percentile(0.99)), "target under 5 ms: \(verdict(keystrokes.percentile(0.99) < 5))")

var sensitivity = Samples()
for _ in 0..<runs { sensitivity.time { _ = engine.sensitivity(answers) } }
print("\nFull sensitivity analysis of one answer set (break-evens, weight ranges, answer flips)")
line("median", ms(sensitivity.median))

var sweep = Samples()
var wins: [StackID: Int] = [:]
for _ in 0..<runs {
    sweep.time {
        let result = engine.sweep(base: answers)
        wins = Dictionary(uniqueKeysWithValues: result.stacks.map { ($0, result.wins($0)) })
    }
}
let sets = wins.values.reduce(0, +)
print("\nExhaustive sweep: \(Format.fixed(Double(sets), 0)) answer sets scored with one workload, one core")
line("median", ms(sweep.median), "target under 30 ms: \(verdict(sweep.median < 30))")
line("per answer set", Format.fixed(sweep.median * 1000 / Double(max(sets, 1)), 2) + " µs")

// 4. Team decisions and ranges (issue 10).
var teamSamples = Samples()
var decisive = 0
for _ in 0..<runs { teamSamples.time { decisive = engine.team(people, today: today).disagreements.filter(\.decisive).count } }
print("\nTeam of \(people.count): consensus advice, each person's winner and the disagreement map (\(decisive) decisive), one core")
line("median", ms(teamSamples.median), "target under 5 ms: \(verdict(teamSamples.median < 5))")

let ranged = TeamBench.ranged(answers, questionnaire: engine.questionnaire)
var rangeSamples = Samples()
var corners = 0
for _ in 0..<runs { rangeSamples.time { corners = engine.rangeBands(ranged)?.corners ?? 0 } }
print("\nRanged workload: \(ranged.ranges.count) ranged numbers, \(corners) corners (cost bands, winner and cheapest at each)")
line("median", ms(rangeSamples.median), "target under 10 ms: \(verdict(rangeSamples.median < 10))")

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
