import AdvisorCore
import AdvisorFiles
#if canImport(Glibc)
import Glibc
#endif

// advisor-bench: every figure the performance issue asks for, from one run on this machine.
// Run with `swift run -c release advisor-bench` (which builds the advisor and the floor program too).
// Timings on shared machines are noisy: compare the ratios within one run, not absolute figures.

// The only argument is a run count. Anything else is refused rather than taken as "30 runs": the
// generate-manual plugin calls every ArgumentParser-linked product with --experimental-dump-help.
let argument = CommandLine.arguments.dropFirst().first
guard argument == nil || Int(argument!).map({ $0 > 0 }) == true else {
    print("advisor-bench: the only argument is the number of runs, such as 30; got '\(argument!)'")
    exit(64)
}
let runs = argument.flatMap(Int.init) ?? 30
/// The folder this benchmark was built into holds the advisor and the floor program too.
let folder = CommandLine.arguments[0].lastIndex(of: "/").map { String(CommandLine.arguments[0][..<$0]) } ?? ".build/release"
let advisor = folder + "/runtime-advisor", floor = folder + "/FloorProgram", probe = folder + "/MemoryProbe"
let example = "Data/examples/single-cloud-aws.yaml"
let today = Day("2026-11-25")!

func line(_ label: String, _ value: String, _ target: String = "") {
    let pad = String(repeating: " ", count: max(1, 44 - label.count))
    print("  " + label + pad + value + (target.isEmpty ? "" : "   " + target))
}

func verdict(_ met: Bool) -> String { met ? "met" : "MISSED" }
func ms(_ value: Double) -> String { Format.fixed(value, 2) + " ms" }

guard access(advisor, X_OK) == 0, access(floor, X_OK) == 0, access(probe, X_OK) == 0, access(example, R_OK) == 0 else {
    print("advisor-bench: run from the package root after a release build: swift run -c release advisor-bench")
    exit(64)
}

print("advisor-bench: \(runs) runs each; nproc \(sysconf(Int32(_SC_NPROCESSORS_ONLN)))")

// 1. Headless cold start against the floor program, interleaved so machine noise hits both alike.
let headlessArguments = ["--answers", example, "--format", "json", "--today", today.description]
for _ in 0..<3 { _ = spawn(advisor, headlessArguments); _ = spawn(floor, [example]) }
var advisorRuns: [ProcessRun] = [], floorRuns: [ProcessRun] = []
for _ in 0..<runs {
    advisorRuns.append(spawn(advisor, headlessArguments))
    floorRuns.append(spawn(floor, [example]))
}
guard advisorRuns.allSatisfy({ $0.status == 0 }) else {
    print("advisor-bench: runtime-advisor failed on \(example)")
    exit(1)
}
let advisorMedian = Samples(milliseconds: advisorRuns.map(\.milliseconds)).median
let floorMedian = Samples(milliseconds: floorRuns.map(\.milliseconds)).median
let ratio = advisorMedian / floorMedian
print("\nHeadless cold start: runtime-advisor --answers \(example) --format json")
line("runtime-advisor, median", ms(advisorMedian))
line("floor program (read the file, print it), median", ms(floorMedian))
line("ratio", Format.fixed(ratio, 2) + "x", "target at most 1.5x: \(verdict(ratio <= 1.5))")

// 2. Peak memory of the headless run, through the memory probe so this process's own footprint does
// not count (a child inherits its parent's high-water mark until it execs).
let report = "/tmp/advisor-bench-peak-\(getpid())"
var peakKiB = 0
for _ in 0..<5 {
    _ = spawn(probe, [report] + [advisor] + headlessArguments)
    let text = (try? InputFile.read(report, maxBytes: 64)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    peakKiB = max(peakKiB, Int(text.filter(\.isNumber)) ?? 0)
}
unlink(report)
let peak = Double(peakKiB) / 1024
line("peak resident memory", Format.fixed(peak, 1) + " MiB", "target under 40 MiB: \(verdict(peak < 40))")

// 3. In-process engine figures.
let engine = try KnowledgeSource.engine(dataDirectory: nil)
let answers = try AnswersParser.parse(bytes: InputFile.read(example, maxBytes: AnswersParser.maxBytes), file: example,
                                      questionnaire: engine.questionnaire)

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
line("median", ms(sweep.median), "target under 50 ms: \(verdict(sweep.median < 50))")
line("per answer set", Format.fixed(sweep.median * 1000 / Double(max(sets, 1)), 2) + " µs")

// 4. Team decisions and ranges (issue 10).
let people = TeamBench.participants(from: answers)
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
