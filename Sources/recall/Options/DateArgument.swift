import ArgumentParser
import Foundation

/// A date on the command line: `2024-05-01`, `2024-05-01 14:30`, or ISO-8601 (`2024-05-01T14:30:00Z`).
///
/// Days and minutes without a zone are read in the local time zone, as tables show them.
struct DateArgument: ExpressibleByArgument {
    /// The moment named (the start of the day, for a bare day).
    var date: Date
    /// True when only a day was given.
    var isDay: Bool

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if let date = Self.parse(text, format: "yyyy-MM-dd") {
            self.date = date
            isDay = true
        } else if let date = Self.parse(text, format: "yyyy-MM-dd HH:mm")
            ?? Self.parse(text, format: "yyyy-MM-dd'T'HH:mm")
        {
            self.date = date
            isDay = false
        } else if let date = Self.iso8601(text) {
            self.date = date
            isDay = false
        } else {
            return nil
        }
    }

    /// The last moment the argument covers: the end of the day for a bare day, so `--to 2024-05-01`
    /// includes that day.
    var upperBound: Date {
        isDay ? date.addingTimeInterval(24 * 60 * 60 - 0.001) : date
    }

    static var defaultCompletionKind: CompletionKind { .default }

    private static func parse(_ text: String, format: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = format
        return formatter.date(from: text)
    }

    private static func iso8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: text)
    }
}
