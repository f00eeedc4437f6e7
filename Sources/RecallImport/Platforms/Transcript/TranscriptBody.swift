import Foundation

/// Cleans the lines of one transcript message: what exporters add around the text goes, the
/// text itself (code blocks included) stays as written.
enum TranscriptBody {
    /// The message text and the time an exporter wrote into it.
    ///
    /// Removed: a leading
    /// `<time datetime="…">` line (its time is returned), lines that are only a `<div …>` or
    /// `</div>` wrapper (right-to-left exports), blank lines at both ends, and separators (`---`)
    /// at the end, which exporters put between turns.
    static func clean(_ lines: [Substring]) -> (String, Date?) {
        let fenced = CodeFence.fencedLines(lines)
        var kept: [(index: Int, line: Substring)] = []
        var time: Date?
        for (index, line) in lines.enumerated() {
            if fenced.contains(index) {
                kept.append((index, line))
                continue
            }
            // Only lines that open with a tag can be an exporter's addition.
            guard line.first(where: { !$0.isWhitespace }) == "<" else {
                kept.append((index, line))
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if time == nil, kept.allSatisfy({ $0.line.allSatisfy(\.isWhitespace) }), let stamp = timeElement(trimmed) {
                time = stamp
                continue
            }
            if isDivWrapper(trimmed) { continue }
            kept.append((index, line))
        }
        while let last = kept.last, !fenced.contains(last.index),
            last.line.allSatisfy(\.isWhitespace) || TranscriptHeader.isSeparator(last.line)
        {
            kept.removeLast()
        }
        let text = kept.map(\.line).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (text, time)
    }

    /// The time of a `<time datetime="2025-01-01T10:00:00Z">…</time>` line.
    private static func timeElement(_ line: String) -> Date? {
        guard line.hasPrefix("<time"), let start = line.range(of: "datetime=\"") else { return nil }
        let value = line[start.upperBound...].prefix { $0 != "\"" }
        return ISO8601Timestamp.date(from: String(value))
    }

    /// `<div dir="rtl">` or `</div>` alone on a line.
    private static func isDivWrapper(_ line: String) -> Bool {
        (line.hasPrefix("<div") || line == "</div>") && line.hasSuffix(">") && line.filter({ $0 == "<" }).count == 1
    }
}
