import Foundation

/// Finds and replaces invalid UTF-8.
///
/// Exports are UTF-8, but a bad byte can creep in (a damaged download, a tool that cut a
/// multi-byte character in half). `JSONDecoder` rejects such a string only when it is read,
/// so a lenient optional field would silently come back empty. The reader therefore checks
/// every conversation before parsing and swaps each invalid sequence for U+FFFD, reporting
/// where the first one was: the conversation is kept, visibly marked, never dropped.
enum UTF8Repair {
    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidOffset(in data: Data) -> Int? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            var i = 0
            let count = bytes.count
            while i < count {
                // Most of an export is ASCII: skip it eight bytes at a time.
                while i + 8 <= count,
                    bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    i += 8
                }
                guard i < count else { break }
                let lead = bytes[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0:
                    length = 3
                    low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED:
                    length = 3
                    high = 0x9F  // no UTF-16 surrogates
                case 0xF0:
                    length = 4
                    low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4:
                    length = 4
                    high = 0x8F  // nothing above U+10FFFF
                default: return i
                }
                guard i + length <= count else { return i }
                guard (low...high).contains(bytes[i + 1]) else { return i }
                for k in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[i + k]) {
                    return i
                }
                i += length
            }
            return nil
        }
    }

    /// The same text with every invalid sequence replaced by U+FFFD.
    static func repaired(_ data: Data) -> Data {
        Data(String(decoding: data, as: UTF8.self).utf8)
    }
}
