/// Decodes HTML character references: `&amp;`, `&#39;`, `&#x27;`, and the named ones exports use.
///
/// Google's HTML (Gemini answers, My Activity pages) escapes quotes and apostrophes and uses
/// `&nbsp;`/`&emsp;` for layout; ChatGPT's viewer escapes with hex references. An unknown or
/// malformed reference is kept as written, as browsers do.
enum HTMLEntities {
    /// Named references seen in exports, plus the common typographic ones.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "shy": "\u{00AD}", "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’",
        "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»",
        "lsaquo": "‹", "rsaquo": "›", "bull": "•", "middot": "·", "copy": "©", "reg": "®",
        "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "minus": "−",
        "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "infin": "∞", "rarr": "→", "larr": "←",
        "uarr": "↑", "darr": "↓", "harr": "↔", "rArr": "⇒", "lArr": "⇐", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "dagger": "†", "Dagger": "‡",
        "micro": "µ", "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³",
        "iexcl": "¡", "iquest": "¿", "check": "✓", "alpha": "α", "beta": "β", "gamma": "γ",
        "delta": "δ", "pi": "π", "sigma": "σ", "mu": "μ", "lambda": "λ", "theta": "θ", "omega": "ω",
    ]

    /// The text with every reference it can read replaced by its character.
    static func decode<S: StringProtocol>(_ text: S) -> String {
        // Bytes, not characters: answers are long and references rare, so the scan must be cheap.
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(text) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"), let (replacement, next) = reference(in: bytes, at: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            result += replacement.utf8
            index = next
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The character of the reference starting at `start` (an `&`) and the index after its `;`,
    /// or nil when no reference can be read there.
    private static func reference(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        var end = start + 1
        while end < bytes.count, end - start <= 32, isReferenceByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), end + 1)
        }
        return named[body].map { ($0, end + 1) }
    }

    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "#")
    }
}
