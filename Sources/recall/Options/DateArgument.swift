import ArgumentParser
import Foundation
import RecallCore

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
        // Read in the proleptic Gregorian calendar, as ISO 8601 and the output are, so a date
        // before 1583 means the day it names (Foundation's formatters switch to the Julian calendar).
        guard let (asUTC, dayOnly) = ISO8601Timestamp.parse(text) else { return nil }
        isDay = dayOnly
        date = Self.hasZone(text) ? asUTC : Self.local(asUTC)
    }

    /// The last moment the argument covers: the end of the day for a bare day, so `--to 2024-05-01`
    /// includes that day.
    var upperBound: Date {
        isDay ? date.addingTimeInterval(24 * 60 * 60 - 0.001) : date
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// True when the text ends in a zone designator (`Z`, `+02:00`, `-0500`) after its time.
    private static func hasZone(_ text: String) -> Bool {
        let time = text.dropFirst(10)
        return time.contains { $0 == "Z" || $0 == "z" || $0 == "+" } || time.dropFirst(6).contains("-")
    }

    /// The instant at which the local clock shows the wall time that `wallTime` shows in UTC.
    private static func local(_ wallTime: Date) -> Date {
        let zone = TimeZone.current
        let guess = wallTime.addingTimeInterval(-Double(zone.secondsFromGMT(for: wallTime)))
        return wallTime.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess)))
    }
}
