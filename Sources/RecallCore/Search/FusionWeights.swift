/// How the meaning signal joins the word ranking. Chosen on LoCoMo conversations 0–4 and
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
    public var weakWords = 0.0
    /// A term matched by at most this many items (and at most one in twenty) is rare: a name,
    /// a code name, an id.
    public var rareMatches = 3
    /// What meaning's weight is multiplied by when the query has a rare term.
    public var rareWord = 0.5
    /// Nearest vectors read per query and kind, beside the word matches.
    public var pool = 100
    /// Meaning (0...1) from which an item counts as found by meaning (`matched_by`), and from
    /// which an item no word matched may be returned at all.
    public var related = 0.15

    /// The tuned defaults.
    public init() {}
}
