import Foundation

/// How deeply a JSON text nests, for explaining why the decoder refused it: Foundation's
/// `JSONDecoder` stops at 512 levels (so a hostile message cannot exhaust the stack), and
/// "not valid JSON" would mislead a client whose message was only too deep.
enum NestingDepth {
    /// The decoder's ceiling.
    static let decoderLimit = 512

    /// The deepest nesting of arrays and objects in `bytes`, not counting brackets in strings.
    static func maximum(in bytes: Data) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
