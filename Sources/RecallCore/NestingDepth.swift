public import Foundation

/// How deeply a JSON text nests, checked before Foundation's `JSONDecoder` reads it.
///
/// The decoder stops at 512 levels (so hostile input cannot exhaust the stack), but when the
/// very last byte is the one that crosses that limit it traps instead of throwing, killing the
/// process: 513 `[` and nothing else is enough. Every reader of JSON from outside (MCP message
/// lines, files given to the CLI) checks `endsInsideContainer` first. Depth also explains a
/// refusal: "not valid JSON" would mislead someone whose input was only too deep.
public enum NestingDepth {
    /// The decoder's ceiling.
    public static let decoderLimit = 512

    /// True when the last byte that is not white space opens an array or object.
    ///
    /// Valid JSON never ends that way, and it is the one shape the decoder cannot be trusted
    /// to survive, so such text is refused without decoding it.
    public static func endsInsideContainer(_ bytes: Data) -> Bool {
        let whiteSpace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard let last = bytes.last(where: { !whiteSpace.contains($0) }) else { return false }
        return last == UInt8(ascii: "[") || last == UInt8(ascii: "{")
    }

    /// True when `bytes` nest arrays and objects deeper than the decoder reads.
    public static func exceedsDecoderLimit(_ bytes: Data) -> Bool {
        maximum(in: bytes) > decoderLimit
    }

    /// The deepest nesting of arrays and objects in `bytes`, not counting brackets in strings.
    public static func maximum(in bytes: Data) -> Int {
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
