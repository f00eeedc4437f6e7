/// A model that turns text into vectors the store keeps beside its rows.
///
/// Recall has two: the static table for every message and memory, and the transformer for
/// memories and for questions asked of them. Both are compiled into the executable.
public protocol TextEncoder: Sendable {
    /// Names the model and its version; stored beside every vector, so a model change re-embeds.
    var modelID: String { get }
    /// The vector of a text; nil when the model finds nothing in it to encode (empty text,
    /// punctuation only): such a text is found by its words alone.
    func vector(for text: String) -> PackedVector?
    /// The cosine two unrelated texts typically reach with this model: search counts only
    /// similarity above it.
    var unrelatedSimilarity: Double { get }
}
