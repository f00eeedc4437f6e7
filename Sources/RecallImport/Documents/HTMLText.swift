import Foundation

/// Turns exported HTML (Gemini's answers, cells of Takeout's My Activity page) into clean text
/// that reads well and searches well.
///
/// Tags go, character references are decoded, runs of whitespace collapse as a browser would
/// show them. The structure a reader needs stays: paragraphs and headings are separated by a
/// blank line, `<br>` breaks the line, list items become `- item` (`1. item` in ordered lists,
/// indented when nested), table cells are joined with ` | `, and `<pre>` blocks keep their
/// whitespace inside a Markdown code fence.
///
/// ```swift
/// HTMLText.plainText("<p>Use <code>ls</code>:</p><ul><li>one</li><li>two</li></ul>")
/// // "Use ls:\n\n- one\n- two"
/// ```
struct HTMLText {
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "figure", "figcaption", "dl", "dt", "dd", "details", "summary",
    ]

    // UTF-8 bytes rather than a `String`: the renderer only ever looks at the last few bytes,
    // and byte operations stay cheap on answers of many kilobytes.
    private var output: [UInt8] = []
    private var lists: [(ordered: Bool, next: Int)] = []
    private var pendingMarker: String?
    private var preDepth = 0
    private var cellsInRow = 0

    /// The clean text of an HTML fragment.
    static func plainText<S: StringProtocol>(_ html: S) -> String {
        render(HTMLToken.tokenize(html)[...])
    }

    /// The clean text of tokens already cut out of a page.
    static func render(_ tokens: ArraySlice<HTMLToken>) -> String {
        var renderer = HTMLText()
        for token in tokens {
            switch token {
            case .text(let raw): renderer.text(raw)
            case .tag(let tag): renderer.tag(tag)
            }
        }
        return renderer.finished()
    }

    private mutating func tag(_ tag: HTMLTag) {
        switch tag.name {
        case "br":
            if !tag.isClosing { output.append(0x0A) }
        case "pre":
            if tag.isClosing {
                preDepth = max(0, preDepth - 1)
                if preDepth == 0 {
                    while output.last == 0x0A { output.removeLast() }
                    output += Array("\n```".utf8)
                    breakLines(2)
                }
            } else {
                if preDepth == 0 {
                    pendingMarker = nil  // a fence cannot share the bullet's line
                    breakLines(lists.isEmpty ? 2 : 1)
                    output += Array("```\n".utf8)
                }
                preDepth += 1
            }
        case "ul", "ol":
            if tag.isClosing {
                _ = lists.popLast()
                breakLines(lists.isEmpty ? 2 : 1)
            } else {
                breakLines(lists.isEmpty ? 2 : 1)
                lists.append((tag.name == "ol", Int(tag.attributes["start"] ?? "") ?? 1))
            }
        case "li":
            guard !tag.isClosing else { return }
            let depth = max(1, lists.count)
            var marker = "- "
            if let last = lists.last, last.ordered {
                marker = "\(last.next). "
                lists[lists.count - 1].next += 1
            }
            breakLines(1)
            pendingMarker = String(repeating: "  ", count: depth - 1) + marker
        case "tr":
            if !tag.isClosing {
                breakLines(1)
                cellsInRow = 0
            }
        case "td", "th":
            if !tag.isClosing {
                if cellsInRow > 0 { output += Array(" | ".utf8) }
                cellsInRow += 1
            }
        case "hr":
            breakLines(2)
        default:
            guard Self.blocks.contains(tag.name), preDepth == 0, pendingMarker == nil else { return }
            // Inside a list item, a paragraph continues the item's line rather than opening a gap.
            breakLines(lists.isEmpty ? 2 : 1)
        }
    }

    private mutating func text(_ raw: String) {
        let decoded = HTMLEntities.decode(raw)
        if preDepth > 0 {
            output += Array(decoded.utf8)
            return
        }
        // Decoded first, so `&nbsp;` and `&emsp;` collapse with the rest of the whitespace.
        let bytes = Array(decoded.utf8)
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(bytes.count)
        var index = 0
        var lastWasSpace = false
        while index < bytes.count {
            let width = Self.spaceWidth(bytes, at: index)
            if width > 0 {
                if !lastWasSpace { collapsed.append(0x20) }
                lastWasSpace = true
                index += width
            } else {
                collapsed.append(bytes[index])
                lastWasSpace = false
                index += 1
            }
        }
        let atLineStart = output.isEmpty || output.last == 0x0A || output.last == 0x20
        if atLineStart || pendingMarker != nil, collapsed.first == 0x20 { collapsed.removeFirst() }
        guard !collapsed.isEmpty else { return }
        emitMarker()
        output += collapsed
    }

    /// The length of the whitespace character at `index` (ASCII, no-break and the typographic
    /// spaces), or 0.
    private static func spaceWidth(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        switch first {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20:
            return 1
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2, 0xE3:
            guard index + 2 < bytes.count else { return 0 }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            let isSpace =
                first == 0xE2
                ? (second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xAF))
                    || (second == 0x81 && third == 0x9F)
                : second == 0x80 && third == 0x80
            return isSpace ? 3 : 0
        default:
            return 0
        }
    }

    private mutating func emitMarker() {
        guard let marker = pendingMarker else { return }
        pendingMarker = nil
        output += Array(marker.utf8)
    }

    /// Ends the current line and leaves `count` line breaks (1: next line, 2: a blank line).
    private mutating func breakLines(_ count: Int) {
        guard !output.isEmpty else { return }
        while output.last == 0x20 { output.removeLast() }
        let present = output.reversed().prefix { $0 == 0x0A }.count
        if present < count { output += [UInt8](repeating: 0x0A, count: count - present) }
    }

    /// The output without trailing spaces on its lines, without runs of blank lines, trimmed.
    private func finished() -> String {
        var result: [UInt8] = []
        result.reserveCapacity(output.count)
        var blankLines = 0
        for line in output.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == 0x20 { end -= 1 }
            if end == line.startIndex {
                blankLines += 1
                if blankLines > 1 { continue }
            } else {
                blankLines = 0
            }
            result += line[line.startIndex..<end]
            result.append(0x0A)
        }
        while let first = result.first, first == 0x0A || first == 0x20 { result.removeFirst() }
        while let last = result.last, last == 0x0A || last == 0x20 { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }
}
