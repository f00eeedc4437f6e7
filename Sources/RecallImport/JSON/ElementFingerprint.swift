import Foundation

/// A 128-bit fingerprint of one conversation's raw bytes in an export, with the platform whose
/// parser read them, so a re-import can recognise a conversation it already stored before
/// decoding a single message.
///
/// It covers the bytes exactly as they stand in the file; a change anywhere (a message, a
/// title, a field Recall does not read) makes a new fingerprint and the conversation is parsed
/// and compared as usual. `readerVersion` is part of it: raise it whenever a parser starts
/// reading the same bytes differently, so stores written before re-read every conversation once.
enum ElementFingerprint {
    /// Bumped when what a parser makes of the same bytes changes.
    static let readerVersion: UInt64 = 1

    /// The fingerprint of `bytes` as read by `platform`'s parser, as 32 hex digits.
    static func of(_ bytes: Data, platform: Platform) -> String {
        var seed: UInt64 = readerVersion
        for byte in platform.rawValue.utf8 { seed = (seed ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let (a, b) = bytes.withUnsafeBytes { raw in hash(raw, seed: seed) }
        return hex(a) + hex(b)
    }

    /// Two independent 64-bit lanes over eight bytes a step (multiply–rotate mixing), then the
    /// tail and the length; fast enough that a re-import is bound by reading the file.
    private static func hash(_ raw: UnsafeRawBufferPointer, seed: UInt64) -> (UInt64, UInt64) {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ seed
        var index = 0
        let count = raw.count
        while index + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            a = (a ^ word) &* 0x8765_4321_0FED_CBA9 &+ 0x1234_5678_9ABC_DEF1
            a = (a << 29) | (a >> 35)
            b = (b &+ word) &* 0xFF51_AFD7_ED55_8CCD
            b ^= b >> 31
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(raw[index]) << shift
            shift += 8
            index += 1
        }
        a = mix(a ^ tail ^ UInt64(count))
        b = mix(b &+ tail &+ UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
        return (a, b ^ (a >> 17))
    }

    /// The finaliser of MurmurHash3, which spreads every input bit over the output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
