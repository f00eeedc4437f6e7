import Foundation
import Testing

@testable import RecallCore

/// The learned head after the rules: it is the committed one, it computes what the training
/// script computed, and it drops what the rules let through that is not worth keeping.
@Suite struct DurabilityHeadTests {
    private let date = Date(timeIntervalSince1970: 1_714_550_400)

    private func candidates(_ text: String, head: DurabilityHead?) -> [MemoryCandidate] {
        RuleBasedFactExtractor(head: head).candidates(from: ExtractionInput(text: text, role: .user, date: date))
    }

    @Test func embeddedHeadIsTheCommittedOne() throws {
        // The sha256 of Sources/RecallModels/durable-head-v2.bin, as written by scripts/durability/train_head.py.
        #expect(
            SHA256Digest.hex(Array(DurabilityHead.embeddedBytes))
                == "18f567937fb045a3c17b9b69b6da541fddc1772415aeae9e23c33e3c75fb34d4")
        let head = try #require(DurabilityHead.embedded)
        #expect(head.model == .transformer)
        #expect(head.threshold > 0 && head.threshold < 1)
    }

    @Test func headMatchesTheTrainingScript() throws {
        struct Samples: Decodable {
            struct Sample: Decodable {
                let text: String
                let probability: Double
            }
            let threshold: Double
            let samples: [Sample]
        }
        let reference = try JSONDecoder().decode(Samples.self, from: Fixture.data("durable-head-samples.json"))
        let head = try #require(DurabilityHead.embedded)
        #expect(abs(head.threshold - reference.threshold) < 1e-5)
        #expect(reference.samples.count >= 8)
        for sample in reference.samples {
            let probability = try #require(head.probability(of: sample.text))
            // The script read vectors rounded to 6 decimals; Float32 sums differ by less than this.
            #expect(
                abs(probability - sample.probability) < 1e-4,
                "\(sample.text): \(probability) against \(sample.probability)")
        }
    }

    @Test func headDropsTheTaskOfTheMomentTheRulesKeep() throws {
        // An obligation of the moment, worded as an experience: the rules keep it, the head does not.
        let text = "I had to reschedule the call."
        let rules = try #require(candidates(text, head: nil).first)
        #expect(rules.verdict == .keep)
        let judged = try #require(candidates(text, head: DurabilityHead.embedded).first)
        #expect(judged.verdict == .drop)
        #expect(judged.reason?.hasPrefix("not durable (classifier 0.") == true)
    }

    @Test func headKeepsADurableSelfDescription() throws {
        let text =
            "I'm an experienced and driven software engineer, with a background in mathematics, healthcare, high-tech, and data processing."
        let head = try #require(DurabilityHead.embedded)
        let judged = try #require(candidates(text, head: head).first)
        #expect(judged.verdict == .keep)
        let probability = try #require(head.probability(of: judged.content))
        #expect(probability > 0.9)
    }

    @Test func badHeadBytesAreRefused() {
        #expect(throws: RecallError.self) {
            try DurabilityHead(bytes: Array("RCLDURHD".utf8) + [UInt8](repeating: 0, count: 20))
        }
        #expect(throws: RecallError.self) {
            try DurabilityHead(bytes: Array(DurabilityHead.embeddedBytes).dropLast(4).map { $0 })
        }
    }
}

/// SHA-256 (FIPS 180-4), enough to check a committed file's digest without a crypto library.
enum SHA256Digest {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01,
        0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786,
        0x0fc1_9dc6, 0x240c_a1cc,
        0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
        0xc6e0_0bf3, 0xd5a7_9147,
        0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb,
        0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08,
        0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3, 0x748f_82ee, 0x78a5_636f,
        0x84c8_7814, 0x8cc7_0208,
        0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The digest of `bytes` as 64 lowercase hex digits.
    static func hex(_ bytes: [UInt8]) -> String {
        var h: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        var message = bytes + [0x80]
        while message.count % 64 != 56 { message.append(0) }
        let bits = UInt64(bytes.count) * 8
        message += (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64($0))) }
        func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
        for block in stride(from: 0, to: message.count, by: 64) {
            var w = (0..<16).map { i in (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(message[block + 4 * i + $1]) } }
            for i in 16..<64 {
                let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w.append(w[i - 16] &+ s0 &+ w[i - 7] &+ s1)
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let t1 = hh &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (index, value) in [a, b, c, d, e, f, g, hh].enumerated() { h[index] = h[index] &+ value }
        }
        return h.map { String(format: "%08x", $0) }.joined()
    }
}
