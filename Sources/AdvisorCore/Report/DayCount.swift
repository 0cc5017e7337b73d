/// Day counts in words: "1 day", "327 days". A negative age (a record dated before its knowledge
/// base) reads "327 days after", never "-327 days before".
public enum DayCount {
    /// `1 day`, `0 days`, `215 days`.
    public static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// `215 days before this record`, `the same day as this record`, `327 days after this record`.
    public static func phrase(_ age: Int, before reference: String) -> String {
        if age == 0 { return "the same day as \(reference)" }
        return age > 0 ? "\(days(age)) before \(reference)" : "\(days(-age)) after \(reference)"
    }
}
