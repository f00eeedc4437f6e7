extension StaticEncoder: TextEncoder {
    /// The table's model id (see ``StaticEncoder/modelID``).
    public var modelID: String { Self.modelID }

    /// The text's vector in storage form; nil when no token of it is in the table.
    public func vector(for text: String) -> PackedVector? {
        encode(text).flatMap { PackedVector(bytes: $0.bytes) }
    }

    /// Mean-pooled static vectors share a direction: unrelated chat turns score about 0.4
    /// (measured on LoCoMo's turns and questions).
    public var unrelatedSimilarity: Double { 0.4 }
}

extension SemanticSearch {
    /// The models compiled into the executable: static vectors for messages and memories.
    public static var embedded: SemanticSearch {
        SemanticSearch(messageEncoder: StaticEncoder.shared, memoryEncoders: [StaticEncoder.shared])
    }
}
