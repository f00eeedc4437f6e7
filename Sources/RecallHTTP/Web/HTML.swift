import Foundation

/// HTML text that is safe by construction: a `String` interpolated into it is escaped, an `HTML`
/// interpolated into it is kept as it is.
///
/// User text can only reach a page as a `String`, so it
/// can never become markup.
///
/// ```swift
/// let title = "<script>"
/// let row: HTML = "<td>\(title)</td>"   // <td>&lt;script&gt;</td>
/// ```
struct HTML: ExpressibleByStringInterpolation, Sendable {
    /// The markup.
    var text: String

    /// Markup written in the source (a literal), kept as it is.
    init(stringLiteral value: String) {
        text = value
    }

    /// Markup with escaped strings and kept fragments.
    init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
    }

    /// Fragments one after another.
    init(joining parts: [HTML]) {
        text = parts.map(\.text).joined()
    }

    /// Builds markup: literals verbatim, strings escaped, fragments verbatim.
    struct Interpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { text += literal }
        mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        mutating func appendInterpolation(_ value: String?) { text += HTML.escape(value ?? "") }
        mutating func appendInterpolation(_ value: Int) { text += String(value) }
        mutating func appendInterpolation(_ fragment: HTML) { text += fragment.text }
        mutating func appendInterpolation(_ fragments: [HTML]) { for fragment in fragments { text += fragment.text } }
    }

    /// Escapes the five characters that matter in text and in quoted attribute values.
    static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A query string value, percent-encoded (the result still goes through `escape` when interpolated).
    static func query(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
