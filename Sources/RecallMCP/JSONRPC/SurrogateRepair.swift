import Foundation

/// Replaces lone UTF-16 surrogates in a JSON line with U+FFFD before it is decoded.
///
/// JavaScript strings may hold half of a surrogate pair (a string cut in the middle of an
/// emoji), and `JSON.stringify` writes it as `\ud83d` on its own. Foundation's decoder refuses the
/// whole line for it, so one damaged character would fail the entire request with a parse error.
/// Each lone `\uD800`–`\uDFFF` escape becomes `\uFFFD` (six bytes for six, so nothing moves), and
/// bytes that are not UTF-8 (a surrogate encoded as bytes, a cut sequence) become U+FFFD too.
enum SurrogateRepair {
    /// The line with every lone surrogate and invalid UTF-8 sequence replaced; the same bytes
    /// when there is nothing to replace.
    static func repaired(_ line: Data) -> Data {
        var bytes = [UInt8](line)
        var changed = replaceLoneEscapes(&bytes)
        if String(validating: bytes, as: UTF8.self) == nil {
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            changed = true
        }
        return changed ? Data(bytes) : line
    }

    /// Rewrites lone surrogate escapes in place; true when one was found.
    ///
    /// Scans escape by escape, so `\\ud800` (an escaped backslash, then text) is left alone.
    private static func replaceLoneEscapes(_ bytes: inout [UInt8]) -> Bool {
        var changed = false
        var index = 0
        // The offset of a high surrogate escape still waiting for its low half.
        var pendingHigh: Int?
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                if let high = pendingHigh {
                    replace(at: high, in: &bytes)
                    changed = true
                    pendingHigh = nil
                }
                index += 1
                continue
            }
            guard bytes[index + 1] == UInt8(ascii: "u"), let unit = codeUnit(in: bytes, at: index + 2) else {
                if let high = pendingHigh {
                    replace(at: high, in: &bytes)
                    changed = true
                    pendingHigh = nil
                }
                index += 2
                continue
            }
            switch unit {
            case 0xD800...0xDBFF:
                if let high = pendingHigh {
                    replace(at: high, in: &bytes)
                    changed = true
                }
                pendingHigh = index
            case 0xDC00...0xDFFF:
                if pendingHigh == nil {
                    replace(at: index, in: &bytes)
                    changed = true
                }
                pendingHigh = nil
            default:
                if let high = pendingHigh {
                    replace(at: high, in: &bytes)
                    changed = true
                    pendingHigh = nil
                }
            }
            index += 6
        }
        if let high = pendingHigh {
            replace(at: high, in: &bytes)
            changed = true
        }
        return changed
    }

    /// The four hex digits at `offset` as a number, or nil when they are not four hex digits.
    private static func codeUnit(in bytes: [UInt8], at offset: Int) -> UInt16? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for byte in bytes[offset..<offset + 4] {
            guard let digit = hexValue(byte) else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Overwrites the `\uXXXX` escape at `offset` with `\uFFFD`.
    private static func replace(at offset: Int, in bytes: inout [UInt8]) {
        bytes.replaceSubrange(offset + 2..<offset + 6, with: Array("FFFD".utf8))
    }
}
