import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct UTF8RepairTests {
        @Test(
            arguments: [
                ([0x61, 0x62, 0x63], nil),
                (Array("héllo wörld, 日本語, 🎉".utf8), nil),
                ([0x61, 0xFF], 1),
                ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xC3], 9),  // cut in half after the fast path
                ([0xC0, 0xAF], 0),  // overlong
                ([0xED, 0xA0, 0x80], 0),  // UTF-16 surrogate
                ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
                ([0xE2, 0x82], 0),
            ] as [([UInt8], Int?)])
        func findsTheFirstInvalidByte(bytes: [UInt8], expected: Int?) {
            #expect(UTF8Repair.firstInvalidOffset(in: Data(bytes)) == expected)
        }

        @Test func repairReplacesWithTheReplacementCharacter() {
            let repaired = UTF8Repair.repaired(Data([0x61, 0xFF, 0x62]))
            #expect(String(decoding: repaired, as: UTF8.self) == "a\u{FFFD}b")
            #expect(UTF8Repair.firstInvalidOffset(in: repaired) == nil)
        }
    }
}
