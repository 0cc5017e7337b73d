/// Everything a record template is given. Every string is already escaped for the place the
/// built-in template puts it: Markdown text and table cells (`MarkdownText.escape`), YAML scalars in
/// `front`, Mermaid labels in `diagram`, the raw answers in `answers.yaml` (inside its own fence).
/// Templates are rendered without further escaping, so `{{x}}` and `{{{x}}}` give the same text.
/// Lists are in rank order (the chosen option first) unless noted.
public struct RecordData: Sendable {
    public var front: FrontMatter
    /// `decision.title`, or "Run our AI agents on <chosen stack>".
    public var title: String
    /// What a reviewer reads first: the decision, its cost, why, what it commits to, what to confirm,
    /// who decides and when to re-check, each one line.
    public var summary: Summary
    /// File name for an ADR folder, without the number: `agent-runtime-for-support-automation`.
    public var slug: String
    /// A link to the record this one supersedes, such as `[ADR-0001: Old title](0001-old-title.md)`
    /// (with `in <folder>` after the number when it is another folder's); nil otherwise.
    public var supersedes: String?
    /// Why the record it supersedes was replaced, from re-checking it; nil otherwise.
    public var supersedesWhy: String? = nil
    public var context: ContextSection
    public var drivers: [Driver]
    /// The stacks the team ruled out, each with its reason: decision drivers outside the four axes.
    public var exclusions: [RuledOut] = []
    /// The answers left at their defaults that no driver lists (workload figures and the like), or nil.
    public var otherDefaults: String?
    public var options: [ConsideredOption]
    public var outcome: Outcome
    public var consequences: [StancePoint]
    public var confirmation: [String]
    public var diagram: Diagram
    public var scoreTable: ScoreTable
    public var costs: CostSection
    public var sensitivity: SensitivitySection
    public var risks: RiskSection
    public var caveats: [String]
    public var trace: [TraceRow]
    public var answers: AnswersBlock
    /// The price book the costs use, embedded so `recheck` re-runs with it; nil at list prices.
    public var priceBook: PriceBookBlock? = nil
    /// Every source the record cites, by number: `[13] Amazon Bedrock AgentCore Pricing — AWS`.
    public var sources: [String]
}

extension RecordData {
    /// A stack the team ruled out (`decision.exclude`): its name and why, in the team's words quoted.
    public struct RuledOut: Sendable {
        public var name: String
        public var reason: String
    }

    /// The summary under the title. Each entry is one line of Markdown text (escaped).
    public struct Summary: Sendable {
        /// The chosen stack, with the condition and the fallback when its floor is unverified.
        public var decision: String
        /// Modelled monthly runtime cost against the cheapest complete alternative; tokens excluded.
        public var cost: String
        /// The two or three reasons that decided it.
        public var reasons: String
        /// What accepting it commits the team to (identity, model coupling, billing unit).
        public var commits: String
        /// What to confirm before accepting.
        public var confirm: String
        /// Who decides, and the record's status.
        public var decides: String
        /// When to re-check.
        public var recheck: String
        /// For a team decision: who answered, whether it is robust, the splits that still stand and the
        /// answers the team overrode; nil for one person's answers.
        public var team: String? = nil
    }

    /// Front-matter values, each a complete YAML scalar (strings double-quoted and escaped).
    public struct FrontMatter: Sendable {
        public var status: String
        public var date: String
        /// A flow list: `["Platform architecture review"]`.
        public var decisionMakers: String
        /// `"ADR-0001"` when this record supersedes another; nil otherwise.
        public var supersedes: String?
        public var supersedesFile: String?
        public var toolVersion: String
        public var knowledgeBase: String
        public var knowledgeBaseAsOf: String
        /// SHA-256 of the whole knowledge base the record used, so a re-check sees an edit that kept `as_of`.
        public var knowledgeBaseSHA256: String
        public var answersSHA256: String
        public var chosenStack: String
        /// The rules that applied, as a flow list of quoted ids, so a re-check can name the ones that changed.
        public var rules: String
        /// Each applied rule's fingerprint, as a flow mapping (`{"rule-id": "0123abcd"}`), so a re-check can
        /// tell a rule that changed from one that did not.
        public var rulesSHA256: String
        /// One entry per stack, in stack-id order, written as one flow mapping per line under `stacks`.
        public var stacks: [FrontMatterStack]
        /// The price book the costs use; nil at list prices.
        public var priceBook: FrontMatterPriceBook? = nil
    }

    /// The price book in the front matter: what `recheck` compares against.
    public struct FrontMatterPriceBook: Sendable {
        /// Its name and as-of date, quoted.
        public var name: String
        public var asOf: String
        /// SHA-256 of its text (LF line ends), quoted.
        public var sha256: String
        /// The list rates your rates replaced, as a flow mapping of meter id to dollars
        /// (`{"anth-session-hours": 0.08}`), so a re-check can say when a list price moved under your rate.
        public var listUSD: String
    }

    public struct FrontMatterStack: Sendable {
        /// The stack id, quoted.
        public var key: String
        /// The modelled monthly total in dollars (`527.55`), or `null` when nothing is priced.
        public var monthlyUSD: String
        /// `true` when `monthlyUSD` is a lower bound (something in the stack's execution cannot be priced).
        public var lowerBound: String
        /// The weighted total, to four places.
        public var score: String
        /// The fit on each axis and the cost term inside the billing fit, as a flow mapping:
        /// `{identity: 1.0000, model: 0.8000, sandbox: 0.7000, billing: 0.6050, cost: 0.0000}`.
        public var fits: String
        /// Each meter's rate as priced, as a flow mapping: `{"aws-vcpu": 0.0895}`.
        public var rates: String
        /// The first 16 hex digits of a SHA-256 over the stack's facts, so a re-check sees changed facts.
        public var factsSHA256: String
    }

    public struct ContextSection: Sendable {
        /// The problem as a question.
        public var problem: String
        /// The workload in words and figures.
        public var workload: String
        /// Which knowledge base, how old, derived from what.
        public var knowledgeBase: String
        /// A warning when the knowledge base is older than its staleness threshold; nil otherwise.
        public var stale: String?
        /// The scout's organisational profiles these answers match.
        public var profiles: [ProfileMatch]
        /// For each home ground of a profile these answers stand on whose stack was not chosen: what it
        /// names and why this record chose otherwise.
        public var overridden: [String] = []
    }

    public struct ProfileMatch: Sendable {
        public var name: String
        public var advice: String
    }

    /// One decision axis with its weight and the answers that feed it, in plain words.
    public struct Driver: Sendable {
        public var name: String
        public var weight: String
        public var summary: String
        public var answers: [DriverAnswer]
    }

    public struct DriverAnswer: Sendable {
        public var question: String
        public var answer: String
    }

    /// One considered option (stack).
    public struct ConsideredOption: Sendable {
        /// The stack id as an inline code span.
        public var id: String
        public var name: String
        public var short: String
        public var isChosen: Bool
        public var rank: String
        public var total: String
        /// The stack's summary from the knowledge base, with citations.
        public var summary: String
        /// Rank, total, fit per axis and floors in one sentence.
        public var standing: String
        /// The stack's monthly cost in one phrase: `$527.55 a month as modelled`.
        public var monthly: String
        /// One line for a folded block's `<summary>`: rank, total, floors and monthly cost.
        public var glance: String
        /// Facts from the knowledge base that bear on these answers (`relevant_when`): Good first, then
        /// Neutral, then Bad.
        public var facts: [StancePoint]
        /// How many of the stack's facts were left out as not bearing on these answers.
        public var leftOut: Int
        /// `21 facts that bear on these answers: 12 good, 5 neutral, 4 bad (2 others left out)`.
        public var factCount: String
    }

    /// A `Good, because …` / `Neutral, because …` / `Bad, because …` line.
    public struct StancePoint: Sendable {
        /// `Good`, `Neutral` or `Bad`.
        public var stance: String
        public var text: String
    }

    public struct Outcome: Sendable {
        public var name: String
        /// The justification after `Chosen option: "<name>", because`, ending in a full stop or colon.
        public var because: String
        /// Why the winner won, read off the scoring trace, with citations.
        public var reasons: [String]
        /// Set when the lead is under the knowledge base's close-call margin.
        public var closeCall: String?
    }

    /// The chosen stack's components as a Mermaid flowchart of how a call flows: your agents call the
    /// runtime (or harness), which runs code in the sandbox, calls models (through a gateway when there is
    /// one), tools and identity; observability, registry and governance are linked with dotted arrows.
    public struct Diagram: Sendable {
        /// The chosen stack's name as a quoted Mermaid label.
        public var stack: String
        public var nodes: [DiagramNode]
        public var edges: [DiagramEdge]
    }

    public struct DiagramNode: Sendable {
        /// `c1`, `c2`, …, and `models` when the stack names no model
        public var id: String
        /// `"role: name"` as a quoted Mermaid label.
        public var label: String
    }

    public struct DiagramEdge: Sendable {
        public var from: String
        public var to: String
        /// The Mermaid arrow with its fixed label: `-->|calls|`, `-.->|traces to|`.
        public var arrow: String
    }

    /// The score table: stacks × axes, weighted total, floors.
    public struct ScoreTable: Sendable {
        /// Axis columns: `Identity floor (×1)`.
        public var axes: [String]
        public var rows: [ScoreRow]
        /// How the total is computed.
        public var formula: String
    }

    public struct ScoreRow: Sendable {
        public var rank: String
        public var name: String
        public var fits: [String]
        public var total: String
        /// `met`, or the floors the stack fails.
        public var floors: String
    }

    public struct CostSection: Sendable {
        /// `730-hour month`.
        public var month: String
        public var summary: [CostSummaryRow]
        public var stacks: [StackCosts]
        /// The shared token line, when tokens were given.
        public var tokens: String?
        /// The assumptions behind every figure (month length, idle reading, what is not modelled).
        public var assumptions: [String]
    }

    public struct CostSummaryRow: Sendable {
        public var name: String
        /// `$527.55`, `at least $1,800.00`, or `not modelled`.
        public var monthly: String
        /// The total under the knowledge base's other reading of a meter, or `—`.
        public var otherReading: String
        public var note: String
    }

    /// One stack's costs as line items.
    public struct StackCosts: Sendable {
        public var name: String
        /// Meters, then items the knowledge base cannot price (cost `not modelled`), then totals.
        public var rows: [CostRow]
        /// How each quantity was reached, the other readings, and why items are not modelled.
        public var notes: [String]
        /// Costs that may arrive: listed as risks, never in the total.
        public var exposures: [String]
    }

    public struct CostRow: Sendable {
        public var item: String
        public var quantity: String
        public var unit: String
        public var unitPrice: String
        public var cost: String
    }

    public struct SensitivitySection: Sendable {
        /// Break-even idle fractions, or one line saying there is none.
        public var breakEvens: [String]
        /// For each axis, the weights within which the chosen option stays chosen.
        public var weightRanges: [String]
        /// The smallest answer change that changes the winner, or a line saying none of one or two does.
        public var nearestFlip: String
        /// Up to five further changes that change the winner.
        public var otherFlips: [String]
    }

    public struct RiskSection: Sendable {
        /// The chosen stack's name.
        public var stack: String
        public var items: [RiskItem]
        /// The chosen stack's exposures: costs that may arrive, kept out of the totals.
        public var exposures: [String]
    }

    public struct RiskItem: Sendable {
        /// `high`, `medium` or `low`.
        public var severity: String
        public var title: String
        public var statement: String
        public var check: String
    }

    /// One stack on one axis: how the rules moved its fit.
    public struct TraceRow: Sendable {
        public var option: String
        public var axis: String
        public var fit: String
        /// `0.50 neutral; +0.40 identity-idp-aws-iam; -0.05 identity-lock-in-depth`.
        public var changes: String
    }

    /// The answers that produced the record, as an answers file.
    public struct AnswersBlock: Sendable {
        /// The fence line (three or more backticks, longer than any run in `yaml`).
        public var fence: String
        /// The answers file, without its final newline (the template puts the closing fence on the next line).
        public var yaml: String
        /// SHA-256 of the block's lines, each ending in a newline, in hex.
        public var sha256: String
    }

    /// The price book's text, for a fenced block whose info string is `yaml price-book`.
    public struct PriceBookBlock: Sendable {
        /// Its name (Markdown text) and as-of date.
        public var name: String
        public var asOf: String
        public var fence: String
        /// The price book's text without its final newline.
        public var yaml: String
        public var sha256: String
    }
}
