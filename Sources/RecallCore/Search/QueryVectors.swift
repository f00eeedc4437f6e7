import Synchronization

/// A query's vectors, one per model, each computed on first use and only once.
final class QueryVectors: Sendable {
    /// The text encoded.
    let text: String
    private let cache = Mutex<[String: PackedVector?]>([:])

    /// Vectors of `text`, made on demand.
    init(_ text: String) {
        self.text = text
    }

    /// The query's vector by this encoder; nil when the text has nothing to encode.
    func vector(_ encoder: any TextEncoder) -> PackedVector? {
        if let known = cache.withLock({ $0[encoder.modelID] }) { return known }
        let vector = encoder.vector(for: text)
        cache.withLock { $0[encoder.modelID] = .some(vector) }
        return vector
    }
}
