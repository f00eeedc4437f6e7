/// Dot products over raw bytes, for scanning many stored vectors without decoding them.
extension EmbeddingVector {
    /// The integer dot product of the first `dimensions` signed bytes of `a` and `b`.
    /// Each product is at most 127², so sums of pairs fit 16 bits and the total fits 32.
    public static func dot(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int32 {
        precondition(a.count >= dimensions && b.count >= dimensions, "a vector has \(dimensions) bytes")
        var sum = SIMD16<Int32>()
        for offset in stride(from: 0, to: dimensions, by: 16) {
            let x = SIMD16<Int16>(truncatingIfNeeded: a.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            let y = SIMD16<Int16>(truncatingIfNeeded: b.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            sum &+= SIMD16<Int32>(truncatingIfNeeded: x &* y)
        }
        return sum.wrappedSum()
    }

    /// The cosine of this vector with each of the vectors stored back to back in `packed`, each
    /// in the storage form (``storageSize`` bytes: values, then the little-endian scale).
    /// Writes one score per stored vector into `scores`, replacing what was there.
    ///
    /// Search keeps its candidates in one contiguous buffer and calls this once per query.
    public func cosines(packed: UnsafeRawBufferPointer, into scores: inout [Float]) {
        let count = packed.count / Self.storageSize
        precondition(count * Self.storageSize == packed.count, "packed vectors are \(Self.storageSize) bytes each")
        scores.removeAll(keepingCapacity: true)
        scores.reserveCapacity(count)
        values.withUnsafeBytes { mine in
            for index in 0..<count {
                let start = index * Self.storageSize
                let stored = UnsafeRawBufferPointer(rebasing: packed[start..<start + Self.storageSize])
                let bits = UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: Self.dimensions, as: UInt32.self))
                scores.append(Float(Self.dot(mine, stored)) * scale * Float(bitPattern: bits))
            }
        }
    }
}
