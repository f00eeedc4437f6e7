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
        guard text.contains("&") else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while let ampersand = text[index...].firstIndex(of: "&") {
            result += text[index..<ampersand]
            let (replacement, next) = reference(in: text, at: ampersand)
            result += replacement
            index = next
        }
        result += text[index...]
        return result
    }

    /// The character of the reference starting at `start` (an `&`) and where the text resumes;
    /// the `&` alone when no reference can be read there.
    private static func reference<S: StringProtocol>(in text: S, at start: S.Index) -> (String, S.Index) {
        let afterAmpersand = text.index(after: start)
        var end = afterAmpersand
        var length = 0
        while end < text.endIndex, text[end] != ";", length < 32 {
            guard text[end].isLetter || text[end].isNumber || text[end] == "#" else { break }
            end = text.index(after: end)
            length += 1
        }
        guard end < text.endIndex, text[end] == ";", length > 0 else { return ("&", afterAmpersand) }
        let body = String(text[afterAmpersand..<end])
        let next = text.index(after: end)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return ("&", afterAmpersand) }
            return (String(Character(scalar)), next)
        }
        guard let named = named[body] else { return ("&", afterAmpersand) }
        return (named, next)
    }
}
