import ArgumentParser
import Foundation
import Yams

// The floor of the libraries the advisor uses, for the benchmark: a small command that parses the same
// arguments with swift-argument-parser, reads each answers file with Yams and prints it back. What a
// headless run costs beyond this is the advisor's own work (scoring, sentences, rendering, its larger
// command tree), so its ratio to this program is a figure the team can act on.
@main
struct EcosystemFloor: ParsableCommand {
    @Option(name: .long) var answers: String?
    @Option(name: .long) var format: String?
    @Option(name: .long) var detail: String?
    @Option(name: .long) var today: String?
    @Flag(name: .long) var interactive = false
    @Argument var files: [String] = []

    func run() throws {
        for path in (answers.map { [$0] } ?? []) + files {
            guard let data = FileManager.default.contents(atPath: path) else { throw ExitCode(66) }
            let node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
            print(try node.map { try Yams.serialize(node: $0) } ?? "")
        }
    }
}
