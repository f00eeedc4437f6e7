/// Whether and how search finds things by meaning: which encoders make the vectors, and how
/// their similarity is fused with the word ranking.
///
/// `.off` (the `--no-semantic` flag, `RECALL_SEMANTIC=off`) keeps the lexical path alone:
/// nothing is encoded, no vector is read or written.
public struct SemanticSearch: Sendable {
    /// The encoder of every message (and of a question asked of messages); nil: none.
    public var messageEncoder: (any TextEncoder)?
    /// The encoders of every memory (and of a question asked of memories), the sharper first.
    public var memoryEncoders: [any TextEncoder]
    /// How similarity and words are weighed.
    public var fusion: FusionWeights

    /// Creates a configuration; tests pass small encoders of their own.
    public init(
        messageEncoder: (any TextEncoder)?, memoryEncoders: [any TextEncoder], fusion: FusionWeights = FusionWeights()
    ) {
        self.messageEncoder = messageEncoder
        self.memoryEncoders = memoryEncoders
        self.fusion = fusion
    }

    /// Words alone, as before meaning joined the ranking.
    public static let off = SemanticSearch(messageEncoder: nil, memoryEncoders: [])

    /// True when some encoder is configured.
    public var isOn: Bool { messageEncoder != nil || !memoryEncoders.isEmpty }

    /// `off` when `RECALL_SEMANTIC` says so (`off`, `0`, `false`, `no`), else `fallback`.
    public static func from(environment: [String: String], fallback: @autoclosure () -> SemanticSearch)
        -> SemanticSearch
    {
        let value = environment["RECALL_SEMANTIC"]?.lowercased() ?? ""
        return ["off", "0", "false", "no"].contains(value) ? .off : fallback()
    }
}

extension SemanticSearch {
    /// The models compiled into the executable: static vectors for every message, and for
    /// memories the transformer first (the sharper match) with the static table beside it.
    public static var embedded: SemanticSearch {
        SemanticSearch(
            messageEncoder: StaticEncoder.shared, memoryEncoders: [TransformerEncoder.shared, StaticEncoder.shared])
    }
}
