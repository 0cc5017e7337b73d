import Foundation

/// The `--format json` contract. Field names are stable: `recommendation.stack`, `ranking[].stack`,
/// `ranking[].score`, `ranking[].axes`, `costs[].stack`, `costs[].monthly_usd`, `costs[].line_items[]`,
/// `sensitivity`, `caveats`. Money is rounded to cents and scores to four places, keys are sorted,
/// so the same advice always gives the same bytes.
public enum JSONReport {
    public static func render(_ advice: Advice, engine: Engine, toolVersion: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(advice, engine: engine, toolVersion: toolVersion))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let tool: Tool
        let knowledge_base: KnowledgeBaseInfo
        let recommendation: Recommendation
        let profiles: [ProfileEntry]
        let ranking: [RankingEntry]
        let costs: [CostEntry]
        @Nullable var tokens: TokenEntry?
        let assumptions: [String]
        let sensitivity: SensitivityEntry
        let caveats: [CaveatEntry]
        let risks: [RiskEntry]

        init(_ advice: Advice, engine: Engine, toolVersion: String) {
            tool = Tool(name: "runtime-advisor", version: toolVersion)
            knowledge_base = KnowledgeBaseInfo(name: advice.knowledgeBase.name, as_of: advice.knowledgeBase.asOf.description,
                                               age_days: advice.ageInDays, stale: advice.isStale,
                                               today: advice.today.description)
            let winner = advice.ranking.winner
            recommendation = Recommendation(stack: winner.stack, name: engine.stackName(winner.stack),
                                            score: Format.rounded4(winner.total), meets_floors: winner.meetsFloors,
                                            close_call: advice.ranking.isClose,
                                            margin: Format.rounded4(advice.ranking.margin),
                                            reasons: advice.reasons.map { CitedEntry(text: $0.text, sources: $0.sources) })
            profiles = advice.ranking.profiles.map { ProfileEntry(id: $0.id, name: $0.name) }
            ranking = advice.ranking.scores.map { RankingEntry($0, engine: engine) }
            costs = advice.ranking.scores.compactMap { advice.costs.cost($0.stack) }
                .map { CostEntry($0, cheapest: advice.costs.cheapest) }
            tokens = advice.costs.tokens.map {
                TokenEntry(tokens_per_month: Format.cents($0.tokensPerMonth), usd_per_million: $0.usdPerMillion,
                           monthly_usd: Format.cents($0.monthly))
            }
            assumptions = advice.costs.assumptions
            sensitivity = SensitivityEntry(advice.sensitivity)
            caveats = advice.caveats.map { CaveatEntry(kind: $0.kind.rawValue, text: $0.text, sources: $0.sources) }
            risks = advice.risks.map {
                RiskEntry(id: $0.id, title: $0.title, severity: $0.severity.rawValue, text: $0.statement.text,
                          check: $0.check, sources: $0.statement.sources)
            }
        }
    }

    /// Encodes nil as an explicit `null`, so every documented key is always present.
    @propertyWrapper struct Nullable<Value: Encodable>: Encodable {
        var wrappedValue: Value?
        init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
        }
    }

    struct Tool: Encodable { let name: String; let version: String }
    struct KnowledgeBaseInfo: Encodable {
        let name: String; let as_of: String; let age_days: Int; let stale: Bool; let today: String
    }
    struct CitedEntry: Encodable { let text: String; let sources: [Int] }
    struct Recommendation: Encodable {
        let stack: String; let name: String; let score: Double; let meets_floors: Bool; let close_call: Bool
        let margin: Double; let reasons: [CitedEntry]
    }
    struct ProfileEntry: Encodable { let id: String; let name: String }

    struct RankingEntry: Encodable {
        struct AxisEntry: Encodable {
            struct ContributionEntry: Encodable { let rule: String; let delta: Double; let because: String; let sources: [Int] }
            let fit: Double; let weight: Double; let neutral: Double; let contributions: [ContributionEntry]
        }
        struct FloorEntry: Encodable { let floor: String; let axis: String; let reason: String; let sources: [Int] }
        let rank: Int; let stack: String; let name: String; let score: Double
        let axes: [String: AxisEntry]; let meets_floors: Bool; let floor_failures: [FloorEntry]

        init(_ score: StackScore, engine: Engine) {
            rank = score.rank
            stack = score.stack
            name = engine.stackName(score.stack)
            self.score = Format.rounded4(score.total)
            axes = Dictionary(uniqueKeysWithValues: score.axes.map { axis in
                (axis.axis, AxisEntry(fit: Format.rounded4(axis.fit), weight: axis.weight, neutral: axis.neutral,
                                      contributions: axis.contributions.map {
                                          .init(rule: $0.rule, delta: $0.delta, because: $0.because.text, sources: $0.because.sources)
                                      }))
            })
            meets_floors = score.meetsFloors
            floor_failures = score.floorFailures.map {
                FloorEntry(floor: $0.floor, axis: $0.axis, reason: $0.reason, sources: $0.because.sources)
            }
        }
    }

    struct CostEntry: Encodable {
        struct LineItemEntry: Encodable {
            let meter: String; let name: String; let quantity: Double; let unit: String; let unit_price_usd: Double
            let cost_usd: Double; let basis: String; let sources: [Int]
        }
        struct AlternateEntry: Encodable { let meter: String; let reading: String; let monthly_usd: Double; let why: String; let sources: [Int] }
        struct UnpricedEntry: Encodable {
            let id: String; let name: String; let scope: String; let unit: String; @Nullable var unit_price_usd: Double?
            let why: String; let sources: [Int]
        }
        struct ExposureEntry: Encodable {
            let id: String; let name: String; let quantity: Double; let unit: String; let unit_price_usd: Double
            let monthly_usd: Double; let why: String; let sources: [Int]
        }
        let stack: String; @Nullable var monthly_usd: Double?; let lower_bound: Bool; let cheapest: Bool
        let line_items: [LineItemEntry]; let alternate_readings: [AlternateEntry]
        let not_modelled: [UnpricedEntry]; let exposures: [ExposureEntry]; @Nullable var runtime_share: Double?

        init(_ cost: StackCost, cheapest: StackID?) {
            stack = cost.stack
            monthly_usd = cost.lineItems.isEmpty ? nil : Format.cents(cost.monthly)
            lower_bound = cost.isLowerBound
            self.cheapest = cost.stack == cheapest
            line_items = cost.lineItems.map {
                LineItemEntry(meter: $0.meter, name: $0.name, quantity: Format.rounded4($0.quantity), unit: $0.unit,
                              unit_price_usd: $0.unitPrice, cost_usd: Format.cents($0.cost), basis: $0.basis, sources: $0.sources)
            }
            alternate_readings = cost.alternates.map {
                AlternateEntry(meter: $0.meter, reading: $0.reading, monthly_usd: Format.cents($0.monthly), why: $0.why, sources: $0.sources)
            }
            not_modelled = cost.notModelled.map {
                UnpricedEntry(id: $0.id, name: $0.name, scope: $0.scope.rawValue, unit: $0.unit, unit_price_usd: $0.rate,
                              why: $0.why, sources: $0.sources)
            }
            exposures = cost.exposures.map {
                ExposureEntry(id: $0.id, name: $0.name, quantity: Format.rounded4($0.quantity), unit: $0.unit,
                              unit_price_usd: $0.unitPrice, monthly_usd: Format.cents($0.monthly), why: $0.why, sources: $0.sources)
            }
            runtime_share = cost.runtimeShare.map(Format.rounded4)
        }
    }

    struct TokenEntry: Encodable { let tokens_per_month: Double; let usd_per_million: Double; let monthly_usd: Double }

    struct SensitivityEntry: Encodable {
        struct BreakEvenEntry: Encodable { let idle_fraction: Double; let from: String; let to: String; @Nullable var reading: String? }
        struct WeightEntry: Encodable { let axis: String; let current: Double; let low: Double; @Nullable var high: Double?; let maximum: Double }
        struct FlipEntry: Encodable {
            struct Change: Encodable { let question: String; let from: String; let to: String }
            let changes: [Change]; let winner: String; let distance: Double
        }
        let break_even: [BreakEvenEntry]; let weight_ranges: [WeightEntry]; let winner_flips: [FlipEntry]

        init(_ sensitivity: Sensitivity) {
            break_even = sensitivity.breakEvens.map {
                BreakEvenEntry(idle_fraction: Format.rounded4($0.idleFraction), from: $0.from, to: $0.to, reading: $0.reading)
            }
            weight_ranges = sensitivity.weightRanges.map {
                WeightEntry(axis: $0.axis, current: $0.current, low: Format.rounded4($0.low),
                            high: $0.high.map(Format.rounded4), maximum: $0.maximum)
            }
            winner_flips = sensitivity.flips.map { flip in
                FlipEntry(changes: flip.changes.map { .init(question: $0.question, from: $0.from.display, to: $0.to.display) },
                          winner: flip.winner, distance: Format.rounded4(flip.distance))
            }
        }
    }

    struct CaveatEntry: Encodable { let kind: String; let text: String; let sources: [Int] }
    struct RiskEntry: Encodable {
        let id: String; let title: String; let severity: String; let text: String; let check: String; let sources: [Int]
    }
}
