// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "runtime-advisor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "runtime-advisor", targets: ["RuntimeAdvisorCLI"]),
        .executable(name: "advisor-bench", targets: ["AdvisorBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // The engine: knowledge base, questionnaire, answers, scoring, costs, sensitivity, reports.
        // No terminal code, and no I/O inside its computations.
        .target(name: "AdvisorCore", dependencies: ["Yams"]),
        // Data/ and Screens/ compiled into the binary, so a copied binary still has its defaults.
        .target(name: "AdvisorResources", plugins: ["EmbedResourcesPlugin"]),
        // Reading and writing files safely (size caps, atomic writes); where the knowledge base comes from.
        .target(name: "AdvisorFiles", dependencies: ["AdvisorCore", "AdvisorResources"]),
        // The MADR decision record, rendered from a Mustache template.
        .target(name: "AdvisorRecord", dependencies: [
            "AdvisorCore", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The wizard as pure state, update and views drawn into a cell grid. No ncurses here.
        .target(name: "AdvisorTUI", dependencies: ["AdvisorCore", "AdvisorRecord"]),
        // The thin ncurses backend: copies the grid to the terminal, reads keys, restores the terminal.
        .systemLibrary(name: "Cncursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "AdvisorTerminal", dependencies: ["AdvisorTUI", "AdvisorFiles", "Cncursesw"]),
        .executableTarget(name: "RuntimeAdvisorCLI", dependencies: [
            "AdvisorCore", "AdvisorFiles", "AdvisorRecord", "AdvisorTUI", "AdvisorTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `swift run -c release advisor-bench`: builds the advisor and both floor programs too, then measures.
        .executableTarget(name: "AdvisorBench", dependencies: [
            "AdvisorCore", "AdvisorFiles", "AdvisorTUI", "RuntimeAdvisorCLI", "FloorProgram", "EcosystemFloor", "MemoryProbe",
        ]),
        // Draws a demo through the ncurses backend so CI can check terminal restoration in tmux.
        .executableTarget(name: "TerminalSmoke", dependencies: ["AdvisorTUI", "AdvisorTerminal"]),
        // The bare floor: read a file with Foundation, print it.
        .executableTarget(name: "FloorProgram"),
        // The floor the benchmark compares every output against: the same arguments parsed with
        // swift-argument-parser, the answers read with Yams and printed.
        .executableTarget(name: "EcosystemFloor", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"), "Yams",
        ]),
        // Measures a child's peak memory without the caller's own footprint (see its header comment).
        .executableTarget(name: "MemoryProbe"),
        .executableTarget(name: "EmbedTool", dependencies: ["AdvisorCore"]),
        // libFuzzer targets (see .ci/fuzz); in an ordinary build they replay inputs given as arguments.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzAnswers", dependencies: ["AdvisorCore", "FuzzSupport"]),
        .executableTarget(name: "FuzzKnowledgeBase", dependencies: ["AdvisorCore", "FuzzSupport"]),
        .plugin(name: "EmbedResourcesPlugin", capability: .buildTool(), dependencies: ["EmbedTool"],
                path: "Sources/EmbedPlugin"),
        // What the test modules share: the package root, the shipped engine, the examples, a fixed today.
        .target(name: "AdvisorTestSupport", dependencies: ["AdvisorCore", "AdvisorFiles"], path: "Tests/AdvisorTestSupport"),
        .testTarget(name: "AdvisorCoreTests", dependencies: ["AdvisorCore", "AdvisorFiles", "AdvisorResources", "AdvisorTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "AdvisorRecordTests", dependencies: [
            "AdvisorCore", "AdvisorRecord", "AdvisorFiles", "AdvisorTestSupport", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "AdvisorTUITests", dependencies: ["AdvisorTUI", "AdvisorFiles", "AdvisorTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "AdvisorTerminalTests", dependencies: ["AdvisorTerminal", "AdvisorTUI", "AdvisorTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["AdvisorFiles", "AdvisorTestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "RuntimeAdvisorCLITests", dependencies: [
            "RuntimeAdvisorCLI", "AdvisorTUI", "AdvisorTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
