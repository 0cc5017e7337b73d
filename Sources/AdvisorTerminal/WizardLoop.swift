import AdvisorCore
import AdvisorFiles
import AdvisorRecord
import AdvisorTUI
import Foundation

/// Runs the wizard on the terminal: wait for events, update, draw, perform the effects (each outcome
/// goes back through `Wizard.apply` and is drawn), until it asks to quit. Events waiting together
/// are one batch: one update pass, one draw and one recovery write for the lot, so a long paste
/// costs one frame per batch rather than one per character. The terminal is given back however
/// this ends.
public struct WizardLoop {
    public var recovery: RecoveryStore
    /// Earlier sessions the welcome screen offers, by id, for `.resumeSession`.
    public var sessions: [RecoverableSession]
    /// Where exported decision records go by default (created if missing, as `--adr-dir` does).
    public var decisionsDirectory: String
    public var noColor: Bool?
    /// `--theme high-contrast`: nothing dim, bold colours.
    public var highContrast: Bool

    public init(recovery: RecoveryStore, sessions: [RecoverableSession] = [], decisionsDirectory: String = "docs/decisions",
                noColor: Bool? = nil, highContrast: Bool = false) {
        self.recovery = recovery
        self.sessions = sessions
        self.decisionsDirectory = decisionsDirectory
        self.noColor = noColor
        self.highContrast = highContrast
    }

    /// Returns how the wizard ended and its last state (for printing a report afterwards).
    public func run(_ initial: WizardState) throws -> (exit: WizardExit, state: WizardState) {
        try withTerminal(noColor: noColor, highContrast: highContrast) { screen in
            var state = initial
            state.context.charset = screen.charset
            state = Wizard.update(state, .resize(width: screen.size.width, height: screen.size.height)).0
            screen.draw(Wizard.render(state, width: screen.size.width, height: screen.size.height))
            while true {
                var events = screen.nextEvents(timeoutMilliseconds: 1_000)[...]
                while !events.isEmpty {
                    let batch = Wizard.update(state, events)
                    state = batch.state
                    events = events.dropFirst(batch.consumed)
                    screen.draw(Wizard.render(state, width: screen.size.width, height: screen.size.height))
                    if let exit = perform(batch.effects, state: &state, screen: screen) { return (exit, state) }
                }
            }
        }
    }

    /// Performs the effects in order, applying and drawing each outcome; how the wizard ended when
    /// one of them is to quit.
    func perform(_ requested: [WizardEffect], state: inout WizardState, screen: TerminalScreen) -> WizardExit? {
        var effects = requested[...]
        while let effect = effects.popFirst() {
            if case .quit(let exit) = effect { return exit }
            guard let outcome = perform(effect) else { continue }
            let applied = Wizard.apply(state, outcome)
            state = applied.0
            effects += applied.1
            screen.draw(Wizard.render(state, width: screen.size.width, height: screen.size.height))
        }
        return nil
    }

    /// Performs one effect; the outcome, when the wizard needs to hear about it.
    public func perform(_ effect: WizardEffect) -> EffectOutcome? {
        switch effect {
        case .writeRecovery(let text):
            do {
                try recovery.write(text)
                return nil
            } catch {
                return .recoveryFailed(reason: error.description)
            }
        case .resumeSession(let id):
            guard let session = sessions.first(where: { $0.id == id }) else { return nil }
            do {
                try recovery.adopt(session)
                return nil
            } catch {
                return .recoveryFailed(reason: error.description)
            }
        case .removeRecovery:
            recovery.remove()
            return nil
        case .write(let request):
            return write(request)
        case .suggestRecordPath(let slug, let digest):
            let names = (try? ADRFolder.names(in: decisionsDirectory)) ?? []
            return .suggestedRecordPath(suggestedRecordPath(slug: slug),
                                        duplicateOf: ADRFolder.recordWithSameAnswers(digest, in: decisionsDirectory, names: names))
        case .quit:
            return nil
        }
    }

    /// Writes a file the wizard asked for. Save and export behave alike: `~` is the home folder,
    /// and missing folders on the way are created (the prompt showed the whole path first).
    func write(_ original: WriteRequest) -> EffectOutcome {
        var request = original
        request.path = Self.expandingTilde(original.path, home: ProcessInfo.processInfo.environment["HOME"])
        let folder = (request.path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                return .writeFailed(request, reason: "cannot create the folder \(folder): \(error.localizedDescription)", exists: false)
            }
        }
        do {
            if request.kind == .record, !request.replace, ADRFolder.number(ofFileName: (request.path as NSString).lastPathComponent) != nil {
                return .written(try writeNumberedRecord(request))
            }
            try AtomicFile.write(request.text, to: request.path, replace: request.replace)
            return .written(request)
        } catch let error as ADRFolder.FolderError {
            return .writeFailed(request, reason: error.description, exists: false)
        } catch let error as AtomicFile.WriteError {
            return .writeFailed(request, reason: error.description, exists: error.exists)
        } catch {
            return .writeFailed(request, reason: "\(error)", exists: false)
        }
    }

    /// A numbered record (`NNNN-slug.md`) is written under the folder's lock, as `--adr-dir` writes:
    /// when another writer took its number since it was suggested, it gets the next free one (the
    /// record does not mention its own number, so only the name changes).
    func writeNumberedRecord(_ request: WriteRequest) throws -> WriteRequest {
        let folder = (request.path as NSString).deletingLastPathComponent
        let name = (request.path as NSString).lastPathComponent
        return try ADRFolder.withLock(folder.isEmpty ? "." : folder) {
            var request = request
            let names = try ADRFolder.names(in: folder.isEmpty ? "." : folder)
            let number = ADRFolder.number(ofFileName: name)
            if names.contains(where: { $0 != name && ADRFolder.number(ofFileName: $0) == number }) {
                let slug = String(name.drop { $0 != "-" }.dropFirst().dropLast(3))
                let next = try ADRFolder.nextNumber(existing: names, in: folder)
                request.path = RecoveryStore.join(folder.isEmpty ? "." : folder, ADRFolder.fileName(number: next, slug: slug))
            }
            try AtomicFile.write(request.text, to: request.path, replace: false)
            return request
        }
    }

    /// `~` and `~/…` name the home folder, as in a shell; `~user` is left alone.
    public static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }

    /// docs/decisions/NNNN-slug.md with the next free number in that folder.
    public func suggestedRecordPath(slug: String) -> String {
        let names = (try? ADRFolder.names(in: decisionsDirectory)) ?? []
        // A folder whose numbering cannot go on (an absurd number, past 9999) gets an unnumbered
        // suggestion rather than a number that could name an existing record.
        let name = (try? ADRFolder.nextNumber(existing: names, in: decisionsDirectory))
            .map { ADRFolder.fileName(number: $0, slug: slug) } ?? slug + ".md"
        return RecoveryStore.join(decisionsDirectory, name)
    }
}
