/// Dot products over raw bytes, for scanning many stored vectors without decoding them.
extension EmbeddingVector {
    /// The integer dot product of the first `dimensions` signed bytes of `a` and `b`.
    ///
    /// Each product is at most 127², so the total of 256 fits 32 bits.
    public static func dot(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int32 {
        precondition(a.count >= dimensions && b.count >= dimensions, "a vector has \(dimensions) bytes")
        guard let x = a.baseAddress, let y = b.baseAddress else { return 0 }
        return dot(x, y)
    }

    /// The same over two pointers to at least `dimensions` bytes each.
    ///
    /// Products are taken in
    /// 16-bit lanes (127² fits) and added in pairs into 32-bit ones, which the compiler turns into
    /// multiply-add instructions (measured faster than widening every byte to 32 bits).
    static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer) -> Int32 {
        var sum = SIMD8<Int32>()
        for offset in stride(from: 0, to: dimensions, by: 16) {
            let x = SIMD16<Int16>(truncatingIfNeeded: a.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            let y = SIMD16<Int16>(truncatingIfNeeded: b.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            let products = x &* y
            sum &+=
                SIMD8<Int32>(truncatingIfNeeded: products.evenHalf)
                &+ SIMD8<Int32>(truncatingIfNeeded: products.oddHalf)
        }
        return sum.wrappedSum()
    }

    /// The cosine of this vector with each of the vectors stored back to back in `packed`, each
    /// in the storage form (``storageSize`` bytes: values, then the little-endian scale).
    ///
    /// Writes one score per stored vector into `scores`, replacing what was there.
    ///
    /// Search keeps its candidates in one contiguous buffer and calls this once per query.
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
}
