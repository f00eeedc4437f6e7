import Foundation
import RecallCore

/// Small formatting rules shared by every text renderer.
enum TextFormat {
    /// Dates in tables: `yyyy-MM-dd HH:mm` in the local time zone; `-` when unknown.
    static func date(_ date: Date?) -> String {
        guard let date else { return "-" }
        // Proleptic Gregorian, like the JSON output: a date before 1583 shows as it was given.
        let f = ProlepticGregorian.fields(of: date, offset: TimeZone.current.secondsFromGMT(for: date))
        return String(format: "%04d-%02d-%02d %02d:%02d", f.year, f.month, f.day, f.hour, f.minute)
    }

    /// Collapses runs of whitespace, newlines included, into single spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Cuts text to `width` terminal columns (a CJK character takes two), marking the cut with `…`.
    static func truncate(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return String(DisplayWidth.prefix(text, columns: width)) }
        return String(DisplayWidth.prefix(text, columns: width - 1)) + "…"
    }

    /// Wraps text at spaces into at most `lines` lines of `width` columns; the last line is cut
    /// with `…` when text is left over.
    static func wrap(_ text: String, width: Int, lines limit: Int) -> [String] {
        var lines: [String] = []
        var rest = Substring(oneLine(text))
        while !rest.isEmpty, lines.count < limit {
            if DisplayWidth.of(rest) <= width {
                lines.append(String(rest))
                return lines
            }
            if lines.count == limit - 1 {
                lines.append(truncate(String(rest), to: width))
                return lines
            }
            let fits = DisplayWidth.prefix(rest, columns: width)
            // Break at the last space that fits; CJK text without spaces breaks anywhere.
            let cut = fits.lastIndex(of: " ").flatMap { $0 > fits.startIndex ? $0 : nil } ?? fits.endIndex
            lines.append(String(rest[..<cut]))
            rest = rest[cut...].drop { $0 == " " }
        }
        return lines
    }

    /// A score or confidence with two decimals.
    static func decimal(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.2f", value)
    }

    /// Tags as `a, b, c`, or `-` when there are none.
    static func list(_ items: [String]?) -> String {
        guard let items, !items.isEmpty else { return "-" }
        return items.joined(separator: ", ")
    }

    /// A byte count as `12.3 MB`.
    static func bytes(_ count: Int) -> String {
        ByteCountFormatter.string(fromByteCount: Int64(count), countStyle: .file)
    }

    /// `1 chat`, `2 chats`.
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : plural ?? singular + "s")"
    }
}
