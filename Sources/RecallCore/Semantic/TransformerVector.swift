/// A transformer vector stored compactly: 384 signed bytes and one Float32 scale (388 bytes),
/// in the same form as the static model's ``EmbeddingVector`` (256 + 4 bytes).
///
/// The scale makes `scale * Float(values[i])` unit length, so the cosine of two vectors is their
/// `Int32` dot product times both scales. Quantising a vector from ``TransformerEncoder`` this
/// way changes its cosines by about 1e-4.
///
/// ```swift
/// if let memory = TransformerEncoder.shared.vector("I adopted a grey cat") {
///     store(memory.bytes, model: TransformerEncoder.modelID)
/// }
/// ```
public struct TransformerVector: Sendable, Hashable {
    /// The number of dimensions of every vector.
    public static let dimensions = 384
    /// The size of ``bytes``: the values, then the scale.
    public static let storageSize = dimensions + 4

    /// The quantised components, ``dimensions`` of them.
    public let values: [Int8]
    /// What each value is multiplied by; makes the vector unit length (0 for the zero vector).
    public let scale: Float

    /// A vector from quantised values and their scale; nil unless there are ``dimensions``
    /// values and the scale is finite and not negative.
    public init?(values: [Int8], scale: Float) {
        guard values.count == Self.dimensions, scale.isFinite, scale >= 0 else { return nil }
        self.values = values
        self.scale = scale
    }

    /// Quantises a float vector (``dimensions`` components): values spread over -127...127,
    /// scale set for unit length. A zero or non-finite vector gives the zero vector.
    public init(quantizing components: [Float]) {
        precondition(components.count == Self.dimensions, "a transformer vector has \(Self.dimensions) components")
        let peak = components.reduce(Float(0)) { max($0, abs($1)) }
        guard peak > 0, peak.isFinite else {
            values = [Int8](repeating: 0, count: Self.dimensions)
            scale = 0
            return
        }
        let factor = 127 / peak
        var squares: Int32 = 0
        values = components.map { component in
            let value = Int8(max(-127, min(127, (component * factor).rounded())))
            squares += Int32(value) * Int32(value)
            return value
        }
        scale = squares > 0 ? 1 / Float(squares).squareRoot() : 0
    }

    /// The storage form: the values as bytes, then the scale (Float32, little-endian).
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
                "a stored transformer vector has \(bytes.count) bytes, expected \(Self.storageSize): re-embed it")
        }
        var bits: UInt32 = 0
        for offset in 0..<4 { bits |= UInt32(bytes[Self.dimensions + offset]) << (8 * offset) }
        let scale = Float(bitPattern: bits)
        let values = bytes[0..<Self.dimensions].map { Int8(bitPattern: $0) }
        guard let vector = TransformerVector(values: values, scale: scale) else {
            throw RecallError(.invalidArgument, "a stored transformer vector has an invalid scale \(scale): re-embed it")
        }
        self = vector
    }

    /// True for the zero vector, which is similar to nothing.
    public var isZero: Bool { scale == 0 }

    /// The components as floats (`scale * value`).
    public var components: [Float] { values.map { scale * Float($0) } }

    /// Cosine similarity, -1...1 (0 when either is the zero vector).
    public func cosine(_ other: TransformerVector) -> Float {
        values.withUnsafeBytes { mine in
            other.values.withUnsafeBytes { theirs in
                guard let a = mine.baseAddress, let b = theirs.baseAddress else { return 0 }
                return Float(Self.dot(a, b)) * scale * other.scale
            }
        }
    }

    /// The cosine of this vector with each of the vectors stored back to back in `packed`, each
    /// in the storage form (``storageSize`` bytes); one score per stored vector into `scores`,
    /// replacing what was there.
    public func cosines(packed: UnsafeRawBufferPointer, into scores: inout [Float]) {
        let count = packed.count / Self.storageSize
        precondition(count * Self.storageSize == packed.count, "packed vectors are \(Self.storageSize) bytes each")
        scores.removeAll(keepingCapacity: true)
        guard count > 0, let base = packed.baseAddress else { return }
        scores.reserveCapacity(count)
        values.withUnsafeBytes { mine in
            guard let query = mine.baseAddress else { return }
            for index in 0..<count {
                let stored = base + index * Self.storageSize
                let bits = UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: Self.dimensions, as: UInt32.self))
                scores.append(Float(Self.dot(query, stored)) * scale * Float(bitPattern: bits))
            }
        }
    }

    /// The integer dot product of ``dimensions`` signed bytes at `a` and `b`: products in 16-bit
    /// lanes (127² fits), added in pairs into 32-bit ones, as ``EmbeddingVector`` does.
    static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer) -> Int32 {
        var sum = SIMD8<Int32>()
        for offset in stride(from: 0, to: dimensions, by: 16) {
            let x = SIMD16<Int16>(truncatingIfNeeded: a.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            let y = SIMD16<Int16>(truncatingIfNeeded: b.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            let products = x &* y
            sum &+= SIMD8<Int32>(truncatingIfNeeded: products.evenHalf)
                &+ SIMD8<Int32>(truncatingIfNeeded: products.oddHalf)
        }
        return sum.wrappedSum()
    }
}
