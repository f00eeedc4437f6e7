import RecallKernels

/// A unit-length text vector in its storage form: `dimensions` signed bytes, then one Float32
/// scale (little-endian) such that `scale * Float(value)` has length 1.
///
/// The dot product of two
/// such vectors is their cosine: an `Int32` sum of byte products times both scales.
///
/// Every encoder's vectors are stored, loaded and scanned in this one form, whatever their size.
public struct PackedVector: Sendable, Hashable {
    /// The storage bytes: values, then the scale.
    public let bytes: [UInt8]

    /// The number of dimensions.
    public var dimensions: Int { bytes.count - 4 }

    /// Wraps storage bytes; nil unless they hold at least one value and a finite, positive scale.
    public init?(bytes: [UInt8]) {
        guard bytes.count > 4 else { return nil }
        self.bytes = bytes
        guard scale.isFinite, scale > 0 else { return nil }
    }

    /// Quantises float components (any length, any norm) to a unit vector; nil for a zero or
    /// non-finite vector, which is similar to nothing.
    public init?(components: [Float]) {
        var squares: Float = 0
        var peak: Float = 0
        for value in components {
            squares += value * value
            peak = max(peak, abs(value))
        }
        guard !components.isEmpty, peak > 0, squares.isFinite else { return nil }
        let factor = 127 / peak
        var bytes = [UInt8](repeating: 0, count: components.count + 4)
        var integerSquares: Int64 = 0
        for (index, value) in components.enumerated() {
            let quantised = Int8(max(-127, min(127, (value * factor).rounded())))
            bytes[index] = UInt8(bitPattern: quantised)
            integerSquares += Int64(quantised) * Int64(quantised)
        }
        guard integerSquares > 0 else { return nil }
        let scale = 1 / Float(integerSquares).squareRoot()
        withUnsafeBytes(of: scale.bitPattern.littleEndian) { raw in
            for offset in 0..<4 { bytes[components.count + offset] = raw[offset] }
        }
        self.bytes = bytes
    }

    /// What each value is multiplied by.
    public var scale: Float {
        var bits: UInt32 = 0
        for offset in 0..<4 { bits |= UInt32(bytes[bytes.count - 4 + offset]) << (8 * offset) }
        return Float(bitPattern: bits)
    }

    /// Cosine similarity with a vector of the same size (0 when the sizes differ).
    public func cosine(_ other: PackedVector) -> Float {
        guard other.bytes.count == bytes.count else { return 0 }
        return bytes.withUnsafeBytes { mine in
            other.bytes.withUnsafeBytes { theirs in
                // Vectors of the same size are never empty, so both have storage.
                guard let mine = mine.baseAddress, let theirs = theirs.baseAddress else { return 0 }
                return Float(VectorMath.dot(mine, theirs, count: dimensions)) * scale * other.scale
            }
        }
    }
}
