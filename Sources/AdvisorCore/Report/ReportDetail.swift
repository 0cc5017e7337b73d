/// How much of the text report to show. JSON and the decision record are always complete.
public enum ReportDetail: String, Sendable, CaseIterable {
    /// One 80x24 screen: the recommendation, ranking with floors and costs, the nearest flip, the
    /// most important caveat and risk, and how to see more.
    case summary
    /// Every section: recommendation, ranking, scoring trace, costs with line items, sensitivity,
    /// caveats, risks and sources.
    case full
    /// The summary, then the scoring trace.
    case why
    /// The summary, then the cost line items.
    case costs
}
