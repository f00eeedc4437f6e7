import Foundation

/// Calendar dates a query names ("on 1 May, 2022", "in January 2023", "May 3rd, 2021", "in 2019"),
/// and the query without them, so their numbers do not count as words to match.
struct QueryDates: Sendable {
    /// The days, months or years named, as half-open intervals in UTC.
    let intervals: [DateInterval]
    /// The query with the date expressions removed.
    let remainder: String

    private static let month =
        "(january|february|march|april|may|june|july|august|september|sept|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)"
    /// The forms' patterns, most specific first: day month year, month day year, month year, year.
    static let patterns = [
        "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+\(month)\\.?,?\\s+(\\d{4})\\b",
        "\\b\(month)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
        "\\b\(month)\\.?,?\\s+(\\d{4})\\b",
        "\\b((?:19|20)\\d{2})\\b",
    ]
    private static let dayMonthYear = compiled(patterns[0])
    private static let monthDayYear = compiled(patterns[1])
    private static let monthYear = compiled(patterns[2])
    private static let year = compiled(patterns[3])

    /// A pattern compiled, case-insensitive.
    ///
    /// The patterns are literals, so nil means one was mistyped: `QueryDatesTests` compiles every
    /// one, and until then that form finds nothing rather than stopping the process.
    static func compiled(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// Finds the dates in a query; the most specific form wins where forms overlap.
    init(_ query: String) {
        var text = query
        var found: [DateInterval] = []
        let forms: [(NSRegularExpression?, (NSTextCheckingResult, String) -> DateInterval?)] = [
            (
                Self.dayMonthYear,
                { match, text in
                    Self.day(
                        year: Self.group(match, 3, text), month: Self.group(match, 2, text),
                        day: Self.group(match, 1, text))
                }
            ),
            (
                Self.monthDayYear,
                { match, text in
                    Self.day(
                        year: Self.group(match, 3, text), month: Self.group(match, 1, text),
                        day: Self.group(match, 2, text))
                }
            ),
            (
                Self.monthYear,
                { match, text in Self.month(year: Self.group(match, 2, text), month: Self.group(match, 1, text)) }
            ),
            (Self.year, { match, text in Self.year(Self.group(match, 1, text)) }),
        ]
        for case (let regex?, let interval) in forms {
            let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
            for match in matches { if let value = interval(match, text) { found.append(value) } }
            text = regex.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        }
        intervals = found
        remainder = text
    }

    /// True when a moment falls in a named interval, allowing a day before and ten after:
    /// people tell of an event in the days that follow it ("last Friday", "yesterday").
    func covers(_ date: Date) -> Bool {
        intervals.contains { interval in
            date >= interval.start.addingTimeInterval(-86_400) && date < interval.end.addingTimeInterval(10 * 86_400)
        }
    }

    private static func group(_ match: NSTextCheckingResult, _ index: Int, _ text: String) -> String {
        Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    private static func monthNumber(_ name: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return names.firstIndex(of: String(name.lowercased().prefix(3))).map { $0 + 1 }
    }

    private static func day(year: String, month: String, day: String) -> DateInterval? {
        guard let y = Int(year), let m = monthNumber(month), let d = Int(day),
            let start = calendar.date(from: DateComponents(year: y, month: m, day: d)), (1...31).contains(d)
        else { return nil }
        return DateInterval(start: start, duration: 86_400)
    }

    private static func month(year: String, month: String) -> DateInterval? {
        guard let y = Int(year), let m = monthNumber(month),
            let start = calendar.date(from: DateComponents(year: y, month: m, day: 1)),
            let end = calendar.date(byAdding: .month, value: 1, to: start)
        else { return nil }
        return DateInterval(start: start, end: end)
    }

    private static func year(_ year: String) -> DateInterval? {
        guard let y = Int(year), let start = calendar.date(from: DateComponents(year: y, month: 1, day: 1)),
            let end = calendar.date(byAdding: .year, value: 1, to: start)
        else { return nil }
        return DateInterval(start: start, end: end)
    }
}
