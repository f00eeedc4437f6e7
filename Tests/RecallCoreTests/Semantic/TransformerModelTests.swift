import Foundation
import Testing

@testable import RecallCore
@testable import RecallKernels

/// The model file reader refuses damaged bytes with a clear error, and the numeric helpers
/// stay within their stated error of the C library.
@Suite struct TransformerModelTests {
    private static let bytes = Array(TransformerEncoder.embeddedModel)

    @Test func aCopyOfTheModelLoadsAndTokenizesAsTheEmbeddedOne() throws {
        let copy = try TransformerEncoder(modelBytes: Self.bytes)
        #expect(copy.maxTokens == 256)
        #expect(copy.tokenIDs("Héllo, wörld!") == TransformerEncoder.shared.tokenIDs("Héllo, wörld!"))
    }

    @Test(arguments: ["cut short", "wrong magic", "version 2", "no layers", "huge vocabulary", "empty"])
    func damagedModelsAreRefused(_ damage: String) {
        var bytes = Self.bytes
        switch damage {
        case "cut short": bytes.removeLast(1_000)
        case "wrong magic": bytes[0] = 0x58
        case "version 2": bytes[8] = 2
        case "no layers": bytes[16] = 0
        case "huge vocabulary": bytes[31] = 0x7F
        default: bytes = []
        }
        do {
            _ = try TransformerEncoder(modelBytes: bytes)
            Issue.record("a model \(damage) was accepted")
        } catch let error as RecallError {
            #expect(error.code == .internalError)
            #expect(error.message.contains("transformer model"), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func halfFloatsWiden() {
        let cases: [(UInt16, Float)] = [
            (0x0000, 0), (0x3C00, 1), (0xC000, -2), (0x3555, 0.333_251_95), (0x7BFF, 65_504),
            (0x0001, 5.960_464_5e-8), (0x0400, 6.103_515_6e-5), (0x7C00, .infinity), (0xFC00, -.infinity),
        ]
        for (bits, value) in cases {
            #expect(ModelReader.float(halfBits: bits) == value, "\(String(bits, radix: 16))")
        }
        #expect(ModelReader.float(halfBits: 0x8000).sign == .minus)
        #expect(ModelReader.float(halfBits: 0x7E00).isNaN)
    }

    @Test func expAndGELUStayCloseToTheCLibrary() {
        var worstExp: Float = 0
        var worstGELU: Float = 0
        var x: Float = -87
        while x < 88 {
            let fast = Exponential.exp(SIMD4(repeating: x))[0]
            worstExp = max(worstExp, abs(fast - Foundation.exp(x)) / Foundation.exp(x))
            if abs(x) < 12 {
                let exact = 0.5 * Double(x) * (1 + Foundation.erf(Double(x) / 2.0.squareRoot()))
                worstGELU = max(worstGELU, abs(GELU.gelu(SIMD4(repeating: x))[0] - Float(exact)))
            }
            x += 0.013
        }
        #expect(worstExp < 1e-6, "relative error of exp \(worstExp)")
        #expect(worstGELU < 1e-5, "absolute error of GELU \(worstGELU)")
        var values: [Float] = [1, 2, 3, 4, 5]
        let total = Exponential.softmaxNumerators(&values, count: 5, subtracting: 5)
        let expected = (0...4).reduce(Float(0)) { $0 + Foundation.exp(-Float($1)) }
        #expect(abs(total - expected) < 1e-5)
    }
}
