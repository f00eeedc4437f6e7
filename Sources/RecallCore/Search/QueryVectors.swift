import Synchronization

/// A query's vectors, one per model, each computed on first use and only once.
final class QueryVectors: Sendable {
    /// The text encoded.
    let text: String
    /// The text as asked of memories: in the third person they are written in.
    let aboutTheUser: String
    private let cache = Mutex<[String: PackedVector?]>([:])

    /// Vectors of `text`, made on demand.
    init(_ text: String) {
        self.text = text
        aboutTheUser = QueryPerson.aboutTheUser(text)
    }

    /// The vector to compare with memories: of the question rewritten in the third person.
    func memoryVector(_ encoder: any TextEncoder) -> PackedVector? {
        guard aboutTheUser != text else { return vector(encoder) }
        let key = "memories:" + encoder.modelID
        if let known = cache.withLock({ $0[key] }) { return known }
        let vector = encoder.vector(for: aboutTheUser)
        cache.withLock { $0[key] = .some(vector) }
        return vector
    }

    /// The query's vector by this encoder; nil when the text has nothing to encode.
    func vector(_ encoder: any TextEncoder) -> PackedVector? {
        if let known = cache.withLock({ $0[encoder.modelID] }) { return known }
        let vector = encoder.vector(for: text)
        cache.withLock { $0[encoder.modelID] = .some(vector) }
        return vector
    }
}
