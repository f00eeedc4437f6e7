import RecallKernelsAVX2

/// Integer dot products over signed bytes, the inner loop of every vector scan.
package enum VectorMath {
    /// Σ a[i]·b[i] over `count` signed bytes, with the widest units this machine has.
    @inline(__always)
    package static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Int32 {
        dot(a, b, count: count, units: .best)
    }

    /// Σ a[i]·b[i] over `count` signed bytes, with the loops `units` names.
    @inline(__always)
    package static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int, units: VectorUnits) -> Int32 {
        if units == .avx2 {
            return recall_avx2_dot_i8(a.assumingMemoryBound(to: Int8.self), b.assumingMemoryBound(to: Int8.self), count)
        }
        return portableDot(a, b, count: count)
    }

    /// Σ a[i]·b[i] over `count` signed bytes in Swift's SIMD types.
    ///
    /// Each product is at most 127², so pairs of products
    /// fit 16 bits and the sum of a few thousand fits 32.
    @inline(__always)
    package static func portableDot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Int32 {
        var sum = SIMD16<Int32>()
        var offset = 0
        while offset + 16 <= count {
            let x = SIMD16<Int16>(truncatingIfNeeded: a.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            let y = SIMD16<Int16>(truncatingIfNeeded: b.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
            sum &+= SIMD16<Int32>(truncatingIfNeeded: x &* y)
            offset += 16
        }
        var total = sum.wrappedSum()
        while offset < count {
            total &+=
                Int32(a.load(fromByteOffset: offset, as: Int8.self))
                * Int32(b.load(fromByteOffset: offset, as: Int8.self))
            offset += 1
        }
        return total
    }
}
