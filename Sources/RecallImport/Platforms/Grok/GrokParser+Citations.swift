import Foundation

extension GrokParser {
    /// Grok's answer text with its `<grok:render …>…</grok:render>` widgets resolved.
    ///
    /// An inline citation (`type="render_inline_citation"` or `card_type="citation_card"`)
    /// becomes a plain `[n]`, numbered 1, 2, … in order of first appearance within the message
    /// (a card cited twice keeps its number). Grok's own `citation_id` is an index into its
    /// search results that means nothing to a reader, so it is not shown. Cards whose URL the
    /// response lists in `card_attachments_json` are added under the text as `[n] title — url`,
    /// so the sources stay readable and searchable. Other widgets (generated images and the
    /// like) are removed; their files come through as attachments.
    static func renderCitations(_ text: String, cards: [GrokWire.Card]) -> String {
        guard text.contains("<grok:render") else { return text }
        let cardsByID = Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var output = ""
        var numbers: [String: Int] = [:]
        var sources: [String] = []
        var cited = 0
        var rest = text[...]
        while let open = rest.range(of: "<grok:render") {
            output += rest[..<open.lowerBound]
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else {
                rest = rest[open.lowerBound...]  // an unterminated tag is text, not markup
                break
            }
            let attributes = attributes(rest[open.upperBound..<tagEnd])
            let bodyStart = rest.index(after: tagEnd)
            var end = bodyStart
            var body = ""[...]
            if rest[open.upperBound..<tagEnd].last != "/", let close = rest[bodyStart...].range(of: "</grok:render>") {
                body = rest[bodyStart..<close.lowerBound]
                end = close.upperBound
            }
            rest = rest[end...]
            let isCitation =
                attributes["type"] == "render_inline_citation"
                || attributes["card_type"] == "citation_card" || body.contains("citation_id")
            guard isCitation else { continue }
            let cardID = attributes["card_id"]
            if let cardID, let number = numbers[cardID] {
                output += "[\(number)]"
                continue
            }
            cited += 1
            if let cardID { numbers[cardID] = cited }
            output += "[\(cited)]"
            if let card = cardID.flatMap({ cardsByID[$0] }), let url = nonEmpty(card.url) {
                sources.append("[\(cited)] " + (nonEmpty(card.title).map { "\($0) — " } ?? "") + url)
            }
        }
        output += rest
        guard !sources.isEmpty else { return output }
        let body = output.trimmingCharacters(in: .whitespacesAndNewlines)
        return body + "\n\n" + sources.joined(separator: "\n")
    }

    /// The `name="value"` pairs of a tag's attribute text.
    private static func attributes(_ tag: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = tag
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
            var value = rest[rest.index(after: equals)...].drop(while: \.isWhitespace)
            guard let quote = value.first, quote == "\"" || quote == "'" else {
                rest = value
                continue
            }
            value = value.dropFirst()
            guard let close = value.firstIndex(of: quote) else { break }
            result[name] = String(value[..<close])
            rest = value[value.index(after: close)...]
        }
        return result
    }
}
