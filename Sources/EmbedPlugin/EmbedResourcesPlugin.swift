import Foundation
import PackagePlugin

/// Compiles every file under Data/ and Screens/ into the AdvisorResources target, so the binary
/// carries its default knowledge base and questionnaire wherever it is copied.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs = ["Data", "Screens"].flatMap { files(under: root.appending(path: $0)) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let relative = inputs.map { String($0.path.dropFirst(root.path.count + 1)) }
        return [.buildCommand(
            displayName: "Embedding Data/ and Screens/ (\(inputs.count) files)",
            executable: try context.tool(named: "EmbedTool").url,
            arguments: [root.path, output.path] + relative,
            inputFiles: inputs,
            outputFiles: [output])]
    }

    private func files(under directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
    }
}
