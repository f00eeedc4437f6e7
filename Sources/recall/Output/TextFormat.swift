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

    /// Cuts text to `width` characters, marking the cut with `…`.
    static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
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
