/// Follows Markdown fenced code blocks (```` ``` ```` or `~~~`, any indentation) line by line, so
/// that what looks like structure inside code (a "User:" line, a `## Response` heading) is left alone.
struct CodeFence {
    private var open: (character: Character, count: Int)?
    /// Lines that must not open a fence (one that is never closed would swallow the rest of the file).
    private let ignoredOpeners: Set<Int>

    /// Creates a follower; the lines in `ignoredOpeners` are read as text even when they look like fences.
    init(ignoredOpeners: Set<Int> = []) {
        self.ignoredOpeners = ignoredOpeners
    }

    /// Whether a fence is still open.
    var isOpen: Bool { open != nil }

    /// Reads line `number`; true when it is a fence line or inside a fence.
    mutating func consume(_ line: Substring, number: Int) -> Bool {
        let trimmed = line.drop(while: \.isWhitespace)
        if let current = open {
            let run = trimmed.prefix { $0 == current.character }.count
            if run >= current.count, trimmed.dropFirst(run).allSatisfy(\.isWhitespace) { open = nil }
            return true
        }
        guard let first = trimmed.first, first == "`" || first == "~", !ignoredOpeners.contains(number) else {
            return false
        }
        let run = trimmed.prefix { $0 == first }.count
        // A backtick fence's info string cannot hold backticks; otherwise it is inline code.
        guard run >= 3, first == "~" || !trimmed.dropFirst(run).contains("`") else { return false }
        open = (first, run)
        return true
    }

    /// The lines of `lines` inside or delimiting fences.
    ///
    /// A fence left open at the end is not
    /// treated as one (exporters sometimes drop a closing fence), and the lines are read again.
    static func fencedLines(_ lines: [Substring], from start: Int = 0) -> Set<Int> {
        var ignored = Set<Int>()
        while true {
            var fence = CodeFence(ignoredOpeners: ignored)
            var fenced = Set<Int>()
            var lastOpener: Int?
            for index in start..<lines.count {
                let wasOpen = fence.isOpen
                if fence.consume(lines[index], number: index) {
                    fenced.insert(index)
                    if !wasOpen { lastOpener = index }
                }
            }
            guard fence.isOpen, let opener = lastOpener, ignored.count < 64 else { return fenced }
            ignored.insert(opener)
        }
    }
}
