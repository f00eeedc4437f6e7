import Foundation

/// A forward-only reader over the bytes of one JSON value, for decoders that pick out a few
/// fields and pass over the rest without building it.
///
/// It validates what it passes over as strictly as `JSONDecoder` parses it (string escapes,
/// control characters, number syntax, literals, nesting), so a document it accepts is one
/// `JSONDecoder` accepts too. Whenever it meets something it does not handle exactly as
/// `JSONDecoder` would (an escaped key, a lone surrogate, deep nesting), it throws
/// `JSONScanner.Unsupported` and the caller decodes the value the ordinary way instead.
struct JSONScanner {
    /// The scanner cannot read this value the way `JSONDecoder` would; decode it the slow way.
    struct Unsupported: Error {}

    /// The kind of the next value, from its first byte.
    enum Kind { case object, array, string, number, literal }

    private let bytes: UnsafeRawBufferPointer
    private(set) var index = 0
    private var depth = 0
    /// Nesting beyond this is left to `JSONDecoder` (its own limit is 512).
    private static let maxDepth = 256

    /// A scanner at the start of `bytes`, which must outlive it.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// True when only whitespace is left.
    mutating func atEnd() -> Bool {
        skipWhitespace()
        return index == bytes.count
    }

    /// The kind of the next value, after whitespace.
    mutating func peekKind() throws -> Kind {
        skipWhitespace()
        guard index < bytes.count else { throw Unsupported() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: return .literal
        }
    }

    /// Reads `null` if it comes next; true when it did.
    mutating func takeNull() throws -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Calls `body` with each key of the object that comes next, the scanner placed at its value;
    /// `body` must read or skip the value.
    mutating func object(_ body: (inout JSONScanner, UnsafeRawBufferPointer) throws -> Void)
        throws
    {
        try open(UInt8(ascii: "{"))
        skipWhitespace()
        if try take(UInt8(ascii: "}")) {
            depth -= 1
            return
        }
        while true {
            let key = try rawKey()
            skipWhitespace()
            guard try take(UInt8(ascii: ":")) else { throw Unsupported() }
            try body(&self, key)
            skipWhitespace()
            if try take(UInt8(ascii: ",")) {
                skipWhitespace()
                continue
            }
            guard try take(UInt8(ascii: "}")) else { throw Unsupported() }
            depth -= 1
            return
        }
    }

    /// Calls `body` once per element of the array that comes next, the scanner placed at it.
    mutating func array(_ body: (inout JSONScanner) throws -> Void) throws {
        try open(UInt8(ascii: "["))
        skipWhitespace()
        if try take(UInt8(ascii: "]")) {
            depth -= 1
            return
        }
        while true {
            try body(&self)
            skipWhitespace()
            if try take(UInt8(ascii: ",")) { continue }
            guard try take(UInt8(ascii: "]")) else { throw Unsupported() }
            depth -= 1
            return
        }
    }

    /// Passes over the next value, checking it is well-formed.
    mutating func skipValue() throws {
        switch try peekKind() {
        case .object: try object { scanner, _ in try scanner.skipValue() }
        case .array: try array { scanner in try scanner.skipValue() }
        case .string: try skipString()
        case .number: _ = try numberBytes()
        case .literal:
            switch bytes[index] {
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            default: try literal("null")
            }
        }
    }

    /// The next value as a string; throws when it is not one.
    mutating func string() throws -> String {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unsupported() }
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw Unsupported() }
            index += 1
        }
        throw Unsupported()
    }

    /// The next value as a string, or nil for `null`; throws for any other kind.
    mutating func optionalString() throws -> String? {
        try takeNull() ? nil : string()
    }

    /// The next value as a number, read as `JSONDecoder` reads a `Double`; nil for `null`.
    mutating func optionalDouble() throws -> Double? {
        if try takeNull() { return nil }
        guard try peekKind() == .number else { throw Unsupported() }
        let range = try numberBytes()
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Unsupported() }
        return value
    }

    /// The next value as a Boolean, nil for `null`; throws for any other kind.
    mutating func optionalBool() throws -> Bool? {
        skipWhitespace()
        guard index < bytes.count else { throw Unsupported() }
        switch bytes[index] {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default:
            try literal("null")
            return nil
        }
    }

    // MARK: - Pieces

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) throws -> Bool {
        guard index < bytes.count else { throw Unsupported() }
        guard bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func open(_ byte: UInt8) throws {
        skipWhitespace()
        guard try take(byte), depth < Self.maxDepth else { throw Unsupported() }
        depth += 1
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Unsupported() }
        let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: count)
        guard UnsafeRawBufferPointer(rebasing: bytes[index..<index + count]).elementsEqual(expected) else {
            throw Unsupported()
        }
        index += count
    }

    /// A key's bytes between its quotes; keys with escapes are left to `JSONDecoder`.
    private mutating func rawKey() throws -> UnsafeRawBufferPointer {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unsupported() }
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<index - 1])
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw Unsupported() }
            index += 1
        }
        throw Unsupported()
    }

    private mutating func skipString() throws {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                _ = try escape()
                continue
            }
            guard byte >= 0x20 else { throw Unsupported() }
            index += 1
        }
        throw Unsupported()
    }

    /// Finishes a string that has escapes, from its first byte at `start`.
    private mutating func escapedString(from start: Int) throws -> String {
        var out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                let scalar = try escape()
                out.append(contentsOf: String(Character(scalar)).utf8)
                continue
            }
            guard byte >= 0x20 else { throw Unsupported() }
            out.append(byte)
            index += 1
        }
        throw Unsupported()
    }

    /// Reads one escape sequence at `index`; lone surrogates are left to `JSONDecoder`.
    private mutating func escape() throws -> Unicode.Scalar {
        guard index + 1 < bytes.count else { throw Unsupported() }
        let code = bytes[index + 1]
        index += 2
        switch code {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if high < 0xD800 || high > 0xDFFF {
                guard let scalar = Unicode.Scalar(high) else { throw Unsupported() }
                return scalar
            }
            guard high < 0xDC00, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            else { throw Unsupported() }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else { throw Unsupported() }
            return scalar
        default:
            throw Unsupported()
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Unsupported() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unsupported()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The bytes of a number, checked against JSON's grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func numberBytes() throws -> Range<Int> {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw Unsupported() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else { throw Unsupported() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw Unsupported() }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw Unsupported() }
        }
        // A number runs into the next token only through a delimiter.
        if index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
            default: throw Unsupported()
            }
        }
        return start..<index
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }
}
