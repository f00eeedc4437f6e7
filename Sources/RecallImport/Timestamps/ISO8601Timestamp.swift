public import Foundation

/// Reads the ISO-8601 timestamps exports use (`2025-07-06T03:10:13.076141Z`,
/// `…+00:00`, `…+0800`, a bare date), keeping microseconds.
///
/// Hand-written: it keeps every fractional digit, accepts each offset form the exports use,
/// and needs no formatter instance (a class, costly to create per value and to share).
public enum ISO8601Timestamp {
    /// The date, or nil when the text is not an ISO-8601 timestamp.
    public static func date(from text: String) -> Date? {
        parse(text)?.date
    }

    /// The date, and whether only a day was given (so an upper bound can reach its end).
    public static func parse(_ text: String) -> (date: Date, dayOnly: Bool)? {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.skip("-"), let month = scanner.digits(2), scanner.skip("-"),
            let day = scanner.digits(2), (1...12).contains(month), (1...daysIn(month, year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        let dayOnly = scanner.atEnd
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let hour = scanner.digits(2), scanner.skip(":"), let minute = scanner.digits(2),
                hour < 24, minute < 60
            else { return nil }
            seconds += Double(hour * 3600 + minute * 60)
            if scanner.skip(":") {
                guard let second = scanner.digits(2), second <= 60 else { return nil }
                seconds += Double(second)
                if scanner.skip(".") || scanner.skip(",") {
                    guard let fraction = scanner.fraction() else { return nil }
                    seconds += fraction
                }
            }
            if let offset = scanner.zoneOffset() {
                seconds -= Double(offset)
            } else {
                return nil
            }
        }
        return scanner.atEnd ? (Date(timeIntervalSince1970: seconds), dayOnly) : nil
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        mutating func skip(_ character: Character) -> Bool {
            guard position < bytes.count, let ascii = character.asciiValue, bytes[position] == ascii else {
                return false
            }
            position += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += count
            return value
        }

        mutating func fraction() -> Double? {
            var value = 0.0
            var scale = 0.1
            let start = position
            while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
                value += Double(bytes[position] - 0x30) * scale
                scale /= 10
                position += 1
            }
            return position > start ? value : nil
        }

        /// Seconds east of UTC: `Z`, `±HH:MM`, `±HHMM`, `±HH`; nothing at all counts as UTC.
        mutating func zoneOffset() -> Int? {
            if atEnd || skip("Z") || skip("z") { return 0 }
            let sign: Int
            if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
            guard let hours = digits(2) else { return nil }
            _ = skip(":")
            let minutes = atEnd ? 0 : digits(2)
            guard let minutes else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}
