import Foundation

/// One piece of an HTML fragment: text, or a tag with its attributes.
///
/// The exports' HTML (Gemini answers, Takeout's My Activity page) is machine-written and
/// well-formed enough that a flat tokenizer is all it takes: no tree, no error recovery beyond
/// keeping going. Comments, doctypes and the contents of `<script>`/`<style>` are dropped.
enum HTMLToken: Equatable {
    /// Text between tags, with character references still encoded.
    case text(String)
    /// An opening, closing or self-closing tag.
    case tag(HTMLTag)

    /// Splits `html` into tokens.
    static func tokenize<S: StringProtocol>(_ html: S) -> [HTMLToken] {
        let bytes = Array(html.utf8)
        var tokens: [HTMLToken] = []
        var index = 0
        var textStart = 0
        func flushText(until end: Int) {
            if end > textStart { tokens.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                flushText(until: index)
                let isComment = bytes[index...].starts(with: Array("<!--".utf8))
                let end = isComment ? find(Array("-->".utf8), in: bytes, from: index + 4) : find([UInt8(ascii: ">")], in: bytes, from: index)
                index = end
                textStart = index
                continue
            }
            let isLetter = (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
            guard isLetter || next == UInt8(ascii: "/") else {
                index += 1  // a bare `<` in text
                continue
            }
            flushText(until: index)
            let close = find([UInt8(ascii: ">")], in: bytes, from: index)
            let inner = String(decoding: bytes[(index + 1)..<max(index + 1, close - 1)], as: UTF8.self)
            index = close
            textStart = index
            guard let tag = HTMLTag(inner) else { continue }
            tokens.append(.tag(tag))
            if !tag.isClosing, tag.name == "script" || tag.name == "style" {
                // Raw text until the matching close tag.
                index = find(Array("</\(tag.name)".utf8), in: bytes, from: index, caseInsensitive: true, landOnMatch: true)
                textStart = index
            }
        }
        flushText(until: bytes.count)
        return tokens
    }

    /// The index just past the first occurrence of `needle` at or after `start` (or at it, with
    /// `landOnMatch`); the end of `bytes` when there is none.
    private static func find(
        _ needle: [UInt8], in bytes: [UInt8], from start: Int, caseInsensitive: Bool = false, landOnMatch: Bool = false
    ) -> Int {
        guard !needle.isEmpty, bytes.count >= needle.count else { return bytes.count }
        var i = start
        while i + needle.count <= bytes.count {
            var matched = true
            for (offset, expected) in needle.enumerated() {
                var byte = bytes[i + offset]
                if caseInsensitive, (0x41...0x5A).contains(byte) { byte += 0x20 }
                if byte != expected {
                    matched = false
                    break
                }
            }
            if matched { return landOnMatch ? i : i + needle.count }
            i += 1
        }
        return bytes.count
    }
}

/// A tag's name (lower-cased), kind and attributes.
struct HTMLTag: Equatable {
    /// `div`, `p`, `br`, ….
    var name: String
    /// `</div>`.
    var isClosing: Bool
    /// `<br/>`, or a void element like `<br>` and `<img>`.
    var isSelfClosing: Bool
    /// Attribute values with references decoded; names lower-cased.
    var attributes: [String: String]

    fileprivate static let voidElements: Set<String> = ["br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"]

    /// `<br>`.
    static let lineBreak = HTMLTag(name: "br", isClosing: false, isSelfClosing: true, attributes: [:])

    /// Whether the `class` attribute lists `name`.
    func hasClass(_ name: String) -> Bool {
        attributes["class"]?.split(whereSeparator: \.isWhitespace).contains { $0 == name } ?? false
    }
}

extension HTMLTag {
    /// Reads the text between `<` and `>`; nil when it names no element.
    init?(_ inner: String) {
        var rest = Substring(inner)
        let isClosing = rest.hasPrefix("/")
        if isClosing { rest = rest.dropFirst() }
        let nameEnd = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == ":") } ?? rest.endIndex
        let name = rest[..<nameEnd].lowercased()
        guard !name.isEmpty else { return nil }
        rest = rest[nameEnd...]
        let trimmed = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        let isSelfClosing = trimmed.hasSuffix("/") || Self.voidElements.contains(name)
        self.init(name: name, isClosing: isClosing, isSelfClosing: isSelfClosing, attributes: Self.attributes(in: rest))
    }

    private static func attributes(in text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            guard !rest.isEmpty else { return result }
            let nameEnd = rest.firstIndex { $0 == "=" || $0.isWhitespace || $0 == "/" } ?? rest.endIndex
            let name = rest[..<nameEnd].lowercased()
            rest = rest[nameEnd...].drop(while: \.isWhitespace)
            guard rest.first == "=" else {
                result[name] = ""  // a bare attribute; `name` is not empty, so the loop moves on
                continue
            }
            rest = rest.dropFirst().drop(while: \.isWhitespace)
            var value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: quote) ?? body.endIndex
                value = body[..<end]
                rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
            } else {
                let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
                value = rest[..<end]
                rest = rest[end...]
            }
            if !name.isEmpty { result[name] = HTMLEntities.decode(value) }
        }
    }
}
