import Foundation

extension KimiParser {
    /// Kimi text as a reader sees it.
    ///
    /// Private-use characters (U+E000–U+F8FF and planes 15–16) are removed: Kimi puts them in
    /// titles and answers as rendering marks (U+E700), and they would only pollute search.
    /// Citation markers become plain `[n]`, the way the other parsers render citations:
    /// `【3†source】`, `【3:1†title†domain】` and `【3】` (search-result references) and `[^3^]`
    /// (Kimi's footnote form). Anything else in brackets is left alone.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isPrivateUse($0) })
        let stripped = String(scalars)
        guard stripped.contains("【") || stripped.contains("[^") else { return stripped }
        return replacingFootnotes(in: replacingLenticularCitations(in: stripped))
    }

    private static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        (0xE000...0xF8FF).contains(scalar.value) || scalar.value >= 0xF0000
    }

    /// `【3†…】` → `[3]`: a number, then `†` or `:` or the closing bracket.
    private static func replacingLenticularCitations(in text: String) -> String {
        var output = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "【") {
            output += rest[..<open]
            let inner = rest[rest.index(after: open)...]
            guard let close = inner.firstIndex(of: "】"), !inner[..<close].contains("【") else {
                output.append("【")
                rest = inner
                continue
            }
            let marker = inner[..<close]
            let number = marker.prefix(while: \.isASCIIDigit)
            let after = marker.dropFirst(number.count).first
            if !number.isEmpty, after == nil || after == "†" || after == ":" {
                output += "[\(number)]"
            } else {
                output += rest[open...close]
            }
            rest = inner[inner.index(after: close)...]
        }
        return output + rest
    }

    /// `[^3^]` → `[3]`.
    private static func replacingFootnotes(in text: String) -> String {
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "[^") {
            output += rest[..<open.lowerBound]
            let inner = rest[open.upperBound...]
            let number = inner.prefix(while: \.isASCIIDigit)
            if !number.isEmpty, inner.dropFirst(number.count).hasPrefix("^]") {
                output += "[\(number)]"
                rest = inner.dropFirst(number.count + 2)
            } else {
                output += "[^"
                rest = inner
            }
        }
        return output + rest
    }
}

extension Character {
    /// `0`…`9` only (`isNumber` also accepts other scripts' digits and fractions).
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
