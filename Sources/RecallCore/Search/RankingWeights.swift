/// The knobs of message ranking.
///
/// The defaults were chosen on LoCoMo conversations 0–4 and
/// checked on 5–9; `RankingWeights.plain` is bm25 over an OR of the query's terms alone.
public struct RankingWeights: Sendable, Equatable {
    /// Turns on each side whose matches count for a candidate.
    public var window = 2
    /// How much a neighbour's match counts relative to the turn's own.
    public var neighbour = 0.4
    /// Extra weight for covering all of the query's terms (scaled by the share covered).
    public var coverage = 0.5
    /// Extra weight for turns by the one speaker the query names.
    public var author = 1.0
    /// Extra weight for turns from the time the query names.
    public var time = 1.0

    /// The tuned defaults.
    public init() {}

    /// Creates weights.
    public init(window: Int, neighbour: Double, coverage: Double, author: Double, time: Double) {
        self.window = window
        self.neighbour = neighbour
        self.coverage = coverage
        self.author = author
        self.time = time
    }

    /// bm25 over an OR of the terms, nothing else: the baseline.
    public static let plain = RankingWeights(window: 0, neighbour: 0, coverage: 0, author: 0, time: 0)
}
