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
        tokenize(utf8: Array(html.utf8))
    }

    /// Splits UTF-8 encoded HTML into tokens.
    static func tokenize(utf8 bytes: [UInt8]) -> [HTMLToken] {
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
                let end =
                    isComment
                    ? find(Array("-->".utf8), in: bytes, from: index + 4)
                    : find([UInt8(ascii: ">")], in: bytes, from: index)
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
            let inner = bytes[(index + 1)..<max(index + 1, close - 1)]
            index = close
            textStart = index
            guard let tag = HTMLTag(utf8: inner) else { continue }
            tokens.append(.tag(tag))
            if !tag.isClosing, tag.name == "script" || tag.name == "style" {
                // Raw text until the matching close tag.
                index = find(
                    Array("</\(tag.name)".utf8), in: bytes, from: index, caseInsensitive: true, landOnMatch: true)
                textStart = index
            }
        }
        flushText(until: bytes.count)
        return tokens
    }

    /// Whether a byte is HTML whitespace.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
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

    private static let voidElements: Set<String> = ["br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"]

    /// `<br>`.
    static let lineBreak = HTMLTag(name: "br", isClosing: false, isSelfClosing: true, attributes: [:])

    /// Whether the `class` attribute lists `name`.
    func hasClass(_ name: String) -> Bool {
        guard let classes = attributes["class"] else { return false }
        return classes.utf8.split(whereSeparator: HTMLToken.isSpace).contains { $0.elementsEqual(name.utf8) }
    }
}

extension HTMLTag {
    /// Reads the text between `<` and `>`; nil when it names no element.
    init?(_ inner: String) {
        self.init(utf8: Array(inner.utf8)[...])
    }

    /// Reads the UTF-8 bytes between `<` and `>`; nil when they name no element.
    init?(utf8 inner: ArraySlice<UInt8>) {
        var index = inner.startIndex
        let isClosing = index < inner.endIndex && inner[index] == UInt8(ascii: "/")
        if isClosing { index += 1 }
        var name: [UInt8] = []
        while index < inner.endIndex, Self.isNameByte(inner[index]) {
            let byte = inner[index]
            name.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            index += 1
        }
        guard !name.isEmpty else { return nil }
        let nameText = String(decoding: name, as: UTF8.self)
        let last = inner[index...].lastIndex { !HTMLToken.isSpace($0) }
        let isSelfClosing = last.map { inner[$0] == UInt8(ascii: "/") } ?? false || Self.voidElements.contains(nameText)
        self.init(
            name: nameText, isClosing: isClosing, isSelfClosing: isSelfClosing,
            attributes: Self.attributes(in: inner[index...]))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    /// `name="value"`, `name='value'`, `name=value` and bare `name`, in any order.
    private static func attributes(in bytes: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        var index = bytes.startIndex
        let end = bytes.endIndex
        func skip(_ condition: (UInt8) -> Bool) {
            while index < end, condition(bytes[index]) { index += 1 }
        }
        while true {
            skip { HTMLToken.isSpace($0) || $0 == UInt8(ascii: "/") }
            guard index < end else { return result }
            let nameStart = index
            skip { !HTMLToken.isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "/") }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            skip(HTMLToken.isSpace)
            guard index < end, bytes[index] == UInt8(ascii: "=") else {
                if !name.isEmpty { result[name] = "" }
                if index == nameStart { index += 1 }  // a stray `=` or quote: step over it
                continue
            }
            index += 1
            skip(HTMLToken.isSpace)
            let valueStart: Int
            let valueEnd: Int
            if index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                valueStart = index + 1
                valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? end
                index = min(end, valueEnd + 1)
            } else {
                valueStart = index
                skip { !HTMLToken.isSpace($0) }
                valueEnd = index
            }
            if !name.isEmpty {
                result[name] = HTMLEntities.decode(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
            }
        }
    }
}
