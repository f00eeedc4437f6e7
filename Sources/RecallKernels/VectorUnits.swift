import Foundation
import RecallKernelsAVX2

/// Which loops do the arithmetic: the portable SIMD ones, or the AVX2 and FMA ones
/// (`RecallKernelsAVX2`) where the CPU has them.
///
/// The binary is built for baseline x86-64, so the wider units are found at run time.
/// `RECALL_VECTOR_UNITS=portable` keeps the portable loops, to compare the two in one run.
package enum VectorUnits: String, Sendable, CaseIterable {
    /// Swift's SIMD types at the build's baseline (SSE on x86-64, NEON on arm64).
    case portable
    /// 256-bit AVX2 with fused multiply-add.
    case avx2

    /// The widest units this machine runs, unless the environment asks for the portable ones.
    package static let best: VectorUnits = {
        if ProcessInfo.processInfo.environment["RECALL_VECTOR_UNITS"] == "portable" { return .portable }
        return available.contains(.avx2) ? .avx2 : .portable
    }()

    /// Every kind of units this machine can run.
    package static var available: [VectorUnits] {
        recall_avx2_available() ? [.portable, .avx2] : [.portable]
    }
}
