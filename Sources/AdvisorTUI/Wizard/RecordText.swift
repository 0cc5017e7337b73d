import AdvisorCore
import AdvisorRecord

/// The template the Record tab and `e` render with, read before the wizard starts.
public struct RecordTemplate: Hashable, Sendable {
    public var text: String
    /// Names the template in error messages.
    public var file: String

    public init(text: String, file: String) {
        self.text = text
        self.file = file
    }
}

/// The decision record for the Record tab and `e`: the same data and template `--format markdown`
/// uses, dated the wizard's `today`, so the export equals the headless record for the saved answers.
enum RecordText {
    /// `alternative`: answers pinned as what-if A, which the record lists as an alternative considered.
    static func render(_ advice: Advice, team: TeamAdvice? = nil, engine: Engine, template: RecordTemplate?, date: Day,
                       alternative: (pinned: Advice, whatIf: WhatIf)? = nil)
        -> (text: Result<String, RecordUnavailable>, slug: String, digest: String) {
        let data = DecisionRecord.data(advice, engine: engine, options: RecordOptions(date: date))
        guard let template else {
            return (.failure(RecordUnavailable(reason: "record renderer not available: no record template was loaded")),
                    data.slug, data.answers.sha256)
        }
        do {
            let record = try TeamRecord.render(advice, team: team, engine: engine, options: RecordOptions(date: date),
                                               template: template.text, file: template.file,
                                               alternative: alternative)
            return (.success(record.text), record.slug, record.answersDigest)
        } catch {
            return (.failure(RecordUnavailable(reason: "the record template cannot be used: \(error)")), data.slug,
                    data.answers.sha256)
        }
    }
}
