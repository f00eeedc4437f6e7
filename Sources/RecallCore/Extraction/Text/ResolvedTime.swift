import Foundation

/// A moment a time phrase points to, and how precisely: the day, the week, the month or the year.
struct ResolvedTime: Sendable, Equatable {
    /// The start of the period (the Monday of a week, the first of a month, 1 January of a year).
    let date: Date
    /// How precise it is.
    let precision: TimeUnit

    /// Gregorian in UTC: message times are absolute and the user's time zone is unknown, so
    /// every store resolves "yesterday" the same way.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        calendar.firstWeekday = 2
        return calendar
    }()

    /// Resolves a matched phrase against the message's date; nil when it names no valid time.
    static func resolve(
        _ shift: TimeShift, groups: [String], from base: Date, future: Bool, vocabulary: TimeVocabulary
    ) -> ResolvedTime? {
        let calendar = Self.calendar
        let day = calendar.startOfDay(for: base)
        func group(_ index: Int) -> String { index < groups.count ? groups[index] : "" }
        switch shift {
        case .step(let unit, let amount):
            return step(unit, amount, from: day)
        case .counted(let sign):
            guard let count = vocabulary.count(group(1)), count <= 100 else { return nil }
            let word = group(2).lowercased()
            guard let unit = vocabulary.units[word] ?? vocabulary.units[String(word.dropLast())] else { return nil }
            return step(unit, sign * count, from: day)
        case .weekday(let direction):
            guard let target = vocabulary.weekdays[group(1).lowercased()] else { return nil }
            let current = calendar.component(.weekday, from: day)
            let ahead = pointsAhead(direction, future: future)
            // Strictly before or after the message's own day: "last Friday" said on a Friday is a week ago.
            var offset = ahead ? (target - current + 7) % 7 : -((current - target + 7) % 7)
            if offset == 0 { offset = ahead ? 7 : -7 }
            return calendar.date(byAdding: .day, value: offset, to: day).map { ResolvedTime(date: $0, precision: .day) }
        case .month(let direction):
            guard let month = vocabulary.month(named: group(1)) else { return nil }
            let now = calendar.dateComponents([.year, .month], from: day)
            var year = Int(group(2)) ?? (now.year ?? 1970)
            if group(2).isEmpty {
                let current = now.month ?? 1
                if pointsAhead(direction, future: future) {
                    if month < current { year += 1 }
                } else if month > current || (month == current && direction == .past) {
                    year -= 1
                }
            }
            return calendar.date(from: DateComponents(year: year, month: month, day: 1)).map {
                ResolvedTime(date: $0, precision: .month)
            }
        case .year:
            guard let year = Int(group(1)), (1900...2100).contains(year) else { return nil }
            return calendar.date(from: DateComponents(year: year, month: 1, day: 1)).map {
                ResolvedTime(date: $0, precision: .year)
            }
        }
    }

    private static func pointsAhead(_ direction: TimeDirection, future: Bool) -> Bool {
        switch direction {
        case .past: false
        case .future: true
        case .byTense: future
        }
    }

    /// The period `amount` units away from `day`, at that unit's precision.
    private static func step(_ unit: TimeUnit, _ amount: Int, from day: Date) -> ResolvedTime? {
        let calendar = Self.calendar
        switch unit {
        case .day:
            return calendar.date(byAdding: .day, value: amount, to: day).map { ResolvedTime(date: $0, precision: .day) }
        case .week:
            guard let shifted = calendar.date(byAdding: .day, value: 7 * amount, to: day),
                let monday = calendar.dateInterval(of: .weekOfYear, for: shifted)?.start
            else { return nil }
            return ResolvedTime(date: monday, precision: .week)
        case .weekend:
            // The Saturday of this weekend (the coming one on a weekday), then whole weeks away.
            let weekday = calendar.component(.weekday, from: day)
            let toSaturday = weekday == 1 ? -1 : 7 - weekday
            return calendar.date(byAdding: .day, value: toSaturday + 7 * amount, to: day).map {
                ResolvedTime(date: $0, precision: .weekend)
            }
        case .month:
            let start = calendar.dateInterval(of: .month, for: day)?.start ?? day
            return calendar.date(byAdding: .month, value: amount, to: start).map {
                ResolvedTime(date: $0, precision: .month)
            }
        case .year:
            let start = calendar.dateInterval(of: .year, for: day)?.start ?? day
            return calendar.date(byAdding: .year, value: amount, to: start).map {
                ResolvedTime(date: $0, precision: .year)
            }
        }
    }
}
