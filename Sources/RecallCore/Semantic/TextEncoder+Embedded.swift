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

extension TransformerEncoder: TextEncoder {
    /// The model's id (see ``TransformerEncoder/modelID``).
    public var modelID: String { Self.modelID }

    /// The text's vector in storage form (int8 with one scale); nil for a text with no token
    /// besides [CLS] and [SEP] (empty, whitespace, control characters), which means nothing.
    public func vector(for text: String) -> PackedVector? {
        let ids = tokenIDs(text)
        guard ids.count > 2 else { return nil }
        return encode(tokenIDs: ids).flatMap { PackedVector(components: $0) }
    }

    /// Unrelated chat turns and facts score about 0.15 with the transformer (LoCoMo).
    public var unrelatedSimilarity: Double { 0.15 }
}
