/// What a file write is for.
public enum WriteKind: Hashable, Sendable {
    /// The answers as YAML that `--answers` reads back.
    case answers
    /// The Markdown decision record.
    case record

    public var noun: String {
        switch self {
        case .answers: "answers"
        case .record: "decision record"
        }
    }
}

/// One file to write atomically. `replace` is only ever true after the user said yes.
public struct WriteRequest: Hashable, Sendable {
    public var kind: WriteKind
    public var path: String
    public var text: String
    public var replace: Bool

    public init(kind: WriteKind, path: String, text: String, replace: Bool) {
        self.kind = kind
        self.path = path
        self.text = text
        self.replace = replace
    }
}

/// How the wizard ended.
public enum WizardExit: Hashable, Sendable {
    /// `q` (after confirming, if answers were unsaved).
    case quit
    /// Ctrl-C: leave at once; the recovery file keeps the answers.
    case interrupted
}

/// Side effects `update` asks for. The wizard never touches a file itself: the event loop performs
/// these and reports back with an `EffectOutcome`.
public enum WizardEffect: Hashable, Sendable {
    /// The answers changed: replace the recovery file with this text.
    case writeRecovery(String)
    /// Carry on with the earlier session `id` chosen on the welcome screen: its file is written from now on.
    case resumeSession(id: String)
    /// A clean quit after saving or exporting: the recovery file is no longer needed.
    case removeRecovery
    /// Write a file (never replacing an existing one unless `replace`).
    case write(WriteRequest)
    /// Work out the default path for the decision record, the next docs/decisions/NNNN-slug.md,
    /// and answer with `.suggestedRecordPath`, naming a record there that already holds these answers.
    case suggestRecordPath(slug: String, answersDigest: String)
    /// Stop the event loop.
    case quit(WizardExit)
}

/// What happened when the event loop performed an effect.
public enum EffectOutcome: Hashable, Sendable {
    case written(WriteRequest)
    /// The write failed; `exists` when the file is there and replacing it was not allowed.
    case writeFailed(WriteRequest, reason: String, exists: Bool)
    case recoveryFailed(reason: String)
    case suggestedRecordPath(String, duplicateOf: String? = nil)
}
