import Foundation

/// One `div.outer-cell` record of Takeout's My Activity page, taken apart into header, verb,
/// prompt, timestamp, answer and products.
///
/// See `GeminiActivityHTMLParser` for the layout.
struct GeminiActivityCell {
    /// The header cell's title: the product, or a conversation title.
    private(set) var header: String?
    /// The localised verb before the first `&nbsp;` of the body.
    private(set) var verb: String?
    /// The prompt, one line per `<br>`-separated line of it.
    private(set) var prompt = ""
    /// When it happened.
    private(set) var time: Date?
    /// The answer as clean text.
    private(set) var answer = ""
    /// The products the caption cell lists.
    private(set) var products: [String] = []
    /// The timestamp's zone when `LocalizedTimestamp` did not know it.
    private(set) var unknownZone: String?
    private var links: [String] = []
    private var attachments: [Attachment] = []

    /// The longest line taken for a timestamp; longer lines are prompt text.
    private static let longestTimestamp = 80

    /// Takes a record's tokens apart.
    init(tokens: [HTMLToken]) {
        var index = 0
        var bodySeen = false
        while index < tokens.count {
            guard case .tag(let tag) = tokens[index], !tag.isClosing else {
                index += 1
                continue
            }
            if tag.name == "p", tag.hasClass("mdl-typography--title"), header == nil {
                let end =
                    tokens[index...].firstIndex {
                        if case .tag(let t) = $0 { t.name == "p" && t.isClosing } else { false }
                    } ?? tokens.count
                header = HTMLText.render(tokens[(index + 1)..<end]).nonBlank
                index = end
                continue
            }
            guard tag.name == "div", tag.hasClass("content-cell") else {
                index += 1
                continue
            }
            let end = Self.matchingClose(of: index, in: tokens)
            let inner = tokens[(index + 1)..<end]
            if tag.hasClass("mdl-typography--caption") {
                products = Self.products(in: inner)
            } else if !tag.hasClass("mdl-typography--text-right"), !bodySeen {
                bodySeen = true
                readBody(inner)
            }
            index = end
        }
    }

    /// The record in the shape shared with the JSON file.
    func record(index: Int) -> GeminiActivityRecord {
        let key = time.map { $0.formatted(.iso8601) } ?? "#\(index)"
        return GeminiActivityRecord(
            verb: verb, title: prompt, time: time, key: key, answers: answer.isEmpty ? [] : [answer],
            attachments: attachments,
            conversationID: links.lazy.compactMap(GeminiActivityRecord.conversationID(in:)).first,
            conversationTitle: GeminiActivityRecord.conversationTitle(header: header, products: products),
            gem: nil,
            isGemini: ([header].compactMap { $0 } + products).contains(where: GeminiActivityRecord.isGeminiProduct),
            product: header ?? products.first)
    }

    /// Splits the body at its top-level `<br>`s: verb and prompt, the timestamp, the answer.
    private mutating func readBody(_ tokens: ArraySlice<HTMLToken>) {
        var lines: [[HTMLToken]] = [[]]
        var depth = 0
        for token in tokens {
            if case .tag(let tag) = token {
                if tag.name == "a", let href = tag.attributes["href"] { links.append(href) }
                noteAttachment(tag)
                if tag.name == "br", depth == 0 {
                    lines.append([])
                    continue
                }
                if !tag.isSelfClosing { depth = max(0, depth + (tag.isClosing ? -1 : 1)) }
            }
            lines[lines.count - 1].append(token)
        }
        splitVerb(&lines[0])
        var promptLines = [HTMLText.render(lines[0][...])]
        var answerStart = 1
        for number in 1..<max(1, lines.count) {
            let text = HTMLText.render(lines[number][...])
            if text.count <= Self.longestTimestamp, let reading = LocalizedTimestamp.reading(from: text) {
                time = reading.date
                if !reading.zoneKnown {
                    // The zone is written last; a time or an AM/PM there means none was written.
                    let last = text.split(separator: " ").last.map(String.init) ?? ""
                    let written = !last.contains(where: \.isNumber) && !["am", "pm"].contains(last.lowercased())
                    unknownZone = written ? last : "none written"
                }
                answerStart = number + 1
                break
            }
            promptLines.append(text)
            answerStart = number + 1
        }
        if time == nil {
            // No timestamp line: only the first line is the prompt, the rest is the answer.
            promptLines = Array(promptLines.prefix(1))
            answerStart = 1
        }
        prompt = promptLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let answerTokens = lines.dropFirst(answerStart).enumerated().flatMap { offset, line in
            (offset > 0 ? [HTMLToken.tag(.lineBreak)] : []) + line
        }
        answer = HTMLText.render(answerTokens[...])
    }

    /// Takes the verb off the first line: everything before its first non-breaking space.
    private mutating func splitVerb(_ line: inout [HTMLToken]) {
        guard let first = line.firstIndex(where: { if case .text = $0 { true } else { false } }),
            case .text(let raw) = line[first]
        else { return }
        let decoded = HTMLEntities.decode(raw)
        guard let space = decoded.firstIndex(of: "\u{00A0}") else { return }
        let candidate = decoded[..<space].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !candidate.isEmpty, candidate.count <= 40 else { return }
        verb = candidate
        // The rest is decoded text now; re-escape `&` and `<` so rendering leaves it as it is.
        let rest = decoded[decoded.index(after: space)...]
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        line[first] = .text(rest)
    }

    private mutating func noteAttachment(_ tag: HTMLTag) {
        guard !tag.isClosing else { return }
        let reference = tag.name == "img" ? tag.attributes["src"] : tag.name == "a" ? tag.attributes["href"] : nil
        guard let reference, !reference.isEmpty, !reference.contains("://"), !reference.hasPrefix("#"),
            !reference.hasPrefix("data:"), !attachments.contains(where: { $0.pointer == reference })
        else { return }
        let name = reference.removingPercentEncoding ?? reference
        attachments.append(
            Attachment(
                kind: tag.name == "img" ? .image : .file, name: (name as NSString).lastPathComponent, pointer: reference
            ))
    }

    /// The names listed under the caption's first label ("Products:", "Services:", localised).
    private static func products(in tokens: ArraySlice<HTMLToken>) -> [String] {
        let lines = HTMLText.render(tokens).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var result: [String] = []
        for line in lines.dropFirst() {
            if line.hasSuffix(":") || line.hasSuffix("?") || line.hasSuffix("：") { break }
            if !line.isEmpty { result.append(line) }
        }
        return result
    }

    /// The index of the `</div>` closing the `<div>` at `start` (the end when it is missing).
    private static func matchingClose(of start: Int, in tokens: [HTMLToken]) -> Int {
        var depth = 0
        for index in start..<tokens.count {
            guard case .tag(let tag) = tokens[index], tag.name == "div" else { continue }
            depth += tag.isClosing ? -1 : (tag.isSelfClosing ? 0 : 1)
            if depth == 0 { return index }
        }
        return tokens.count
    }
}
