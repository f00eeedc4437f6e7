/// A unit-length text vector, stored compactly: 256 signed bytes and one Float32 scale.
///
/// The scale is chosen so that `scale * Float(values[i])` has length 1, which makes the dot
/// product of two vectors their cosine: `Int32` sums of byte products times both scales, with
/// no square root at search time. Its storage form (``bytes``, 260 bytes) is the 256 values
/// followed by the scale as a little-endian Float32.
///
/// ```swift
/// if let a = StaticEncoder.shared.encode("my cat is ill"),
///    let b = StaticEncoder.shared.encode("the feline is sick") {
///     a.cosine(b)   // higher than for unrelated texts
/// }
/// ```
public struct EmbeddingVector: Sendable, Hashable {
    /// The number of dimensions of every vector.
    public static let dimensions = 256
    /// The size of ``bytes``: the values, then the scale.
    public static let storageSize = dimensions + 4

    /// The quantised components, `dimensions` of them.
    public let values: [Int8]
    /// What each value is multiplied by; makes the vector unit length (0 for the zero vector).
    public let scale: Float

    /// A vector from quantised values and their scale; nil unless there are `dimensions` values
    /// and the scale is finite and not negative.
    public init?(values: [Int8], scale: Float) {
        guard values.count == Self.dimensions, scale.isFinite, scale >= 0 else { return nil }
        self.values = values
        self.scale = scale
    }

    /// Quantises a float vector: values spread over -127...127, scale set for unit length.
    ///
    /// A zero (or non-finite) vector gives the zero vector.
    public init(quantizing components: [Float]) {
        precondition(components.count == Self.dimensions, "an embedding has \(Self.dimensions) components")
        let peak = components.reduce(Float(0)) { max($0, abs($1)) }
        guard peak > 0, peak.isFinite else {
            values = [Int8](repeating: 0, count: Self.dimensions)
            scale = 0
            return
        }
        let factor = 127 / peak
        var quantised = [Int8](repeating: 0, count: Self.dimensions)
        var squares: Int32 = 0
        for index in 0..<Self.dimensions {
            let value = Int8(max(-127, min(127, (components[index] * factor).rounded())))
            quantised[index] = value
            squares += Int32(value) * Int32(value)
        }
        values = quantised
        scale = squares > 0 ? 1 / Float(squares).squareRoot() : 0
    }

    /// The storage form: the 256 values as bytes, then the scale (Float32, little-endian).
    public var bytes: [UInt8] {
        var out = values.map { UInt8(bitPattern: $0) }
        withUnsafeBytes(of: scale.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// Reads the storage form; throws when it has the wrong size or an impossible scale.
    public init(bytes: some Collection<UInt8>) throws {
        let bytes = Array(bytes)
        guard bytes.count == Self.storageSize else {
            throw RecallError(
                .invalidArgument,
                "a stored embedding has \(bytes.count) bytes, expected \(Self.storageSize): re-embed it")
        }
        var bits: UInt32 = 0
        for offset in 0..<4 { bits |= UInt32(bytes[Self.dimensions + offset]) << (8 * offset) }
        let scale = Float(bitPattern: bits)
        guard
            let vector = EmbeddingVector(values: bytes[0..<Self.dimensions].map { Int8(bitPattern: $0) }, scale: scale)
        else {
            throw RecallError(.invalidArgument, "a stored embedding has an invalid scale \(scale): re-embed it")
        }
        self = vector
    }

    /// True for the zero vector, which is similar to nothing.
    public var isZero: Bool { scale == 0 }

    /// The components as floats (`scale * value`).
    public var components: [Float] { values.map { scale * Float($0) } }

    /// Cosine similarity, -1...1 (0 when either is the zero vector); both are unit length, so
    /// this is their dot product.
    public func cosine(_ other: EmbeddingVector) -> Float {
        values.withUnsafeBytes { mine in
            other.values.withUnsafeBytes { theirs in Float(Self.dot(mine, theirs)) * scale * other.scale }
        }
    }
}
