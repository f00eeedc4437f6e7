/// How the store reads a memory's signature: given to it when it opens, so the store keeps
/// deduplication and supersession in its transactions without knowing the extraction rules.
public struct FactSigning: Sendable {
    private let sign: @Sendable (String) -> FactSignature

    /// Signs with `sign`.
    public init(_ sign: @escaping @Sendable (String) -> FactSignature) {
        self.sign = sign
    }

    /// The signature of `content`.
    public func callAsFunction(_ content: String) -> FactSignature {
        sign(content)
    }
}
