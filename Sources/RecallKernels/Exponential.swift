/// `exp` four floats at a time, for the attention softmax (about 800,000 of them per layer for a
/// 256-token text, where calling the C library once per value would cost more than the
/// attention's multiplications).
///
/// Cephes' `expf` method: `x = k ln 2 + r` with `|r| ≤ ln 2 / 2`, a degree-6 polynomial for
/// `exp(r)`, and `2^k` built from its exponent bits. Relative error about 2e-7 on the range the
/// softmax uses; inputs below -87 give about 1e-38 instead of a subnormal or 0.
package enum Exponential {
    /// `exp` of each lane.
    @inline(__always)
    package static func exp(_ x: SIMD4<Float>) -> SIMD4<Float> {
        let x = x.clamped(lowerBound: SIMD4(repeating: -87), upperBound: SIMD4(repeating: 88))
        // Adding 1.5 × 2^23 rounds to the nearest integer (SSE2 has no rounding instruction)
        // and leaves that integer in the low mantissa bits.
        let shifter: Float = 12_582_912
        let shifted = x * 1.442_695_04 + shifter
        let k = shifted - shifter
        let r = x - k * 0.693_359_375 + k * 2.121_944_4e-4
        var p = SIMD4<Float>(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        let expR = p * (r * r) + r + 1
        let integer = unsafeBitCast(shifted, to: SIMD4<Int32>.self) &- 0x4B40_0000
        let power = unsafeBitCast((integer &+ 127) &<< 23, to: SIMD4<Float>.self)
        return expR * power
    }

    /// Replaces each of the `count` values with `exp(value - peak)` and returns their sum: the
    /// numerators and the denominator of a softmax whose largest input is `peak`.
    static func softmaxNumerators(_ values: UnsafeMutablePointer<Float>, count: Int, subtracting peak: Float) -> Float {
        var total = SIMD4<Float>()
        var index = 0
        let raw = UnsafeMutableRawPointer(values)
        while index + 4 <= count {
            let e = exp(raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD4<Float>.self) - peak)
            raw.storeBytes(of: e, toByteOffset: index * 4, as: SIMD4<Float>.self)
            total += e
            index += 4
        }
        var sum = total.sum()
        while index < count {
            let e = exp(SIMD4(repeating: values[index] - peak))[0]
            values[index] = e
            sum += e
            index += 1
        }
        return sum
    }
}
