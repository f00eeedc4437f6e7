/// How the meaning signal joins the word ranking.
///
/// Chosen on LoCoMo conversations 0–4 and
/// checked on 5–9 (`recall-bench locomo`, `recall-bench memories`), and on the paraphrase set.
public struct FusionWeights: Sendable, Equatable {
    /// Weight of a message's meaning against its words (0...1).
    public var messageMeaning = 0.3
    /// Weight of a memory's meaning against its words (0...1).
    public var memoryMeaning = 0.75
    /// How much each memory encoder after the first counts against the first (the sharper one).
    public var secondaryMemoryEncoder = 0.0
    /// Weight of provenance for a turn: the meaning of the memories extracted from it (their
    /// sharper vectors match a question better than the turn's own), added to its score.
    public var provenance = 0.5
    /// How much more meaning counts when the best word match covers none of the query's terms
    /// (scaled by the share it misses).
    public var weakWords = 0.5
    /// How far meaning's weight moves towards 0.95 when no term of the query is specific to a
    /// few items (scaled by how common its most specific term is).
    public var commonWords = 1.0
    /// What meaning's weight is multiplied by when the query holds an id, a code name or a
    /// quoted phrase (see `QueryTokens.hasExactToken`).
    public var exactToken = 0.5
    /// Nearest vectors read per query and kind, beside the word matches.
    public var pool = 100
    /// Meaning (0...1) above which an item no word matched may be returned at all (0: any of
    /// the nearest that is closer than unrelated text).
    public var related = 0.0
    /// Meaning (0...1) from which an item words also found says it was found by meaning too
    /// (`matched_by`); an item found by meaning alone always says so.
    public var evident = 0.2

    /// The tuned defaults.
    public init() {}
}
