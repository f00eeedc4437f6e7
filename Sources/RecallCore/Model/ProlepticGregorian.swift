public import Foundation

/// Writes dates in the proleptic Gregorian calendar that ISO 8601 prescribes, at any year.
///
/// Foundation's Gregorian calendar switches to the Julian calendar before 15 October 1582, so a
/// memory dated `1200-05-01` (read as ISO 8601 by `ISO8601Timestamp`) came back as `1200-04-24`.
/// Every date Recall writes (JSON, the store's text columns, the CLI's tables) goes through
/// here instead; from 1583 on the text is the same as Foundation's.
public enum ProlepticGregorian {
    /// The calendar fields of an instant, in UTC shifted by `offset` seconds.
    public struct Fields: Sendable, Equatable {
        /// The year (astronomical: 0 is 1 BC).
        public var year: Int
        /// 1–12.
        public var month: Int
        /// 1–31.
        public var day: Int
        /// 0–23.
        public var hour: Int
        /// 0–59.
        public var minute: Int
        /// 0–59.
        public var second: Int
        /// 0–999.
        public var millisecond: Int
    }

    /// The fields of `date` at `offset` seconds east of UTC.
    public static func fields(of date: Date, offset: Int = 0) -> Fields {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) + Int64(offset) * 1000
        let (days, dayMilliseconds) = floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        let seconds = Int(dayMilliseconds / 1000)
        return Fields(
            year: year, month: month, day: day, hour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60,
            millisecond: Int(dayMilliseconds % 1000))
    }

    /// `2024-05-01T09:30:00Z`: what `JSONEncoder`'s `.iso8601` writes, at any year.
    public static func iso8601(_ date: Date) -> String {
        let f = fields(of: date)
        return "\(year(f.year))-\(two(f.month))-\(two(f.day))T\(two(f.hour)):\(two(f.minute)):\(two(f.second))Z"
    }

    /// `2024-05-01 09:30:00.000`: the store's text form of a date (GRDB's, at any year), in UTC.
    static func storageText(_ date: Date) -> String {
        let f = fields(of: date)
        let milliseconds = String(repeating: "0", count: 3 - String(f.millisecond).count) + String(f.millisecond)
        return
            "\(year(f.year))-\(two(f.month))-\(two(f.day)) \(two(f.hour)):\(two(f.minute)):\(two(f.second)).\(milliseconds)"
    }

    /// Year, month and day of a count of days since 1970-01-01 (H.
    ///
    /// Hinnant's algorithm; the
    /// inverse of `ISO8601Timestamp`'s days-from-civil).
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    private static func year(_ value: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
