import Testing

@testable import RecallKernels

/// The loops for each kind of vector units this machine has give the sums a plain loop gives:
/// the fully connected layer over odd row ranges and token counts that cross a block, and the
/// int8 dot product at lengths that leave a remainder.
@Suite struct VectorUnitsTests {
    /// A deterministic stream of numbers, so a failure can be replayed.
    private struct Numbers {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func int8() -> Int8 { Int8(truncatingIfNeeded: next()) }
        mutating func float() -> Float { Float(next() % 20_001) / 10_000 - 1 }
    }

    @Test(arguments: VectorUnits.available, [1, 3, 4, 5, 33, 70])
    func aDenseLayerGivesThePlainSums(units: VectorUnits, tokens: Int) {
        var numbers = Numbers(state: UInt64(tokens))
        let inputs = 48
        let outputs = 37
        let weights = (0..<(inputs * outputs)).map { _ in numbers.int8() }
        let scales = (0..<outputs).map { _ in numbers.float() / 64 }
        let bias = (0..<outputs).map { _ in numbers.float() }
        let x = (0..<(tokens * inputs)).map { _ in numbers.float() }
        let rows = 3..<36
        let untouched: Float = 12_345
        var y = [Float](repeating: untouched, count: tokens * outputs)
        weights.withUnsafeBufferPointer { w in
            scales.withUnsafeBufferPointer { s in
                bias.withUnsafeBufferPointer { b in
                    let layer = DenseLayer(
                        inputs: inputs, outputs: outputs, weights: w.baseAddress!, scales: s.baseAddress!,
                        bias: b.baseAddress!)
                    x.withUnsafeBufferPointer { input in
                        y.withUnsafeMutableBufferPointer { output in
                            layer.apply(
                                input.baseAddress!, tokens: tokens, into: output.baseAddress!, rows: rows,
                                units: units)
                        }
                    }
                }
            }
        }
        var worst: Double = 0
        for token in 0..<tokens {
            for row in 0..<outputs {
                let value = y[token * outputs + row]
                guard rows.contains(row) else {
                    #expect(value == untouched, "row \(row) outside the range was written")
                    continue
                }
                var sum: Double = 0
                for feature in 0..<inputs {
                    sum += Double(weights[row * inputs + feature]) * Double(x[token * inputs + feature])
                }
                let expected = sum * Double(scales[row]) + Double(bias[row])
                worst = max(worst, abs(Double(value) - expected))
            }
        }
        #expect(worst < 1e-4, "\(units), \(tokens) tokens: largest difference \(worst)")
    }

    @Test(arguments: VectorUnits.available)
    func anInt8DotProductGivesThePlainSum(units: VectorUnits) {
        var numbers = Numbers(state: 7)
        for count in [1, 15, 16, 17, 31, 32, 33, 255, 256, 384, 1_001] {
            let a = (0..<count).map { _ in numbers.int8() }
            let b = (0..<count).map { _ in numbers.int8() }
            var expected: Int32 = 0
            for index in 0..<count { expected += Int32(a[index]) * Int32(b[index]) }
            let extremes = [Int8](repeating: -128, count: count)
            let got = a.withUnsafeBytes { a in
                b.withUnsafeBytes { b in
                    VectorMath.dot(a.baseAddress!, b.baseAddress!, count: count, units: units)
                }
            }
            let square = extremes.withUnsafeBytes { e in
                VectorMath.dot(e.baseAddress!, e.baseAddress!, count: count, units: units)
            }
            #expect(got == expected, "\(units), \(count) bytes")
            #expect(square == Int32(count) * 16_384, "\(units), \(count) bytes of -128")
        }
    }
}
