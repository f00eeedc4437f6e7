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

    private var output = ""
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
            if !tag.isClosing { output += "\n" }
        case "pre":
            if tag.isClosing {
                preDepth = max(0, preDepth - 1)
                if preDepth == 0 {
                    while output.last == "\n" { output.removeLast() }
                    output += "\n```"
                    breakLines(2)
                }
            } else {
                if preDepth == 0 {
                    pendingMarker = nil  // a fence cannot share the bullet's line
                    breakLines(lists.isEmpty ? 2 : 1)
                    output += "```\n"
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
                if cellsInRow > 0 { output += " | " }
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
        if preDepth > 0 {
            output += HTMLEntities.decode(raw)
            return
        }
        // Decoded first, so `&nbsp;` and `&emsp;` collapse with the rest of the whitespace.
        var decoded = ""
        var lastWasSpace = false
        for character in HTMLEntities.decode(raw) {
            if character.isWhitespace {
                if !lastWasSpace { decoded.append(" ") }
                lastWasSpace = true
            } else {
                decoded.append(character)
                lastWasSpace = false
            }
        }
        let atLineStart = output.isEmpty || output.hasSuffix("\n") || output.hasSuffix(" ")
        if atLineStart || pendingMarker != nil {
            decoded = String(decoded.drop { $0 == " " })
        }
        guard !decoded.isEmpty else { return }
        emitMarker()
        output += decoded
    }

    private mutating func emitMarker() {
        guard let marker = pendingMarker else { return }
        pendingMarker = nil
        output += marker
    }

    /// Ends the current line and leaves `count` line breaks (1: next line, 2: a blank line).
    private mutating func breakLines(_ count: Int) {
        guard !output.isEmpty else { return }
        while output.last == " " { output.removeLast() }
        let present = output.reversed().prefix { $0 == "\n" }.count
        if present < count { output += String(repeating: "\n", count: count - present) }
    }

    private func finished() -> String {
        var lines: [Substring] = []
        var blank = 0
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.last == " " ? Substring(line.reversed().drop { $0 == " " }.reversed()) : line
            if trimmed.isEmpty {
                blank += 1
                if blank > 1 { continue }
            } else {
                blank = 0
            }
            lines.append(trimmed)
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
