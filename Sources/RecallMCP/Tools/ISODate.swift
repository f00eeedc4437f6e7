import Foundation

/// A date argument: an ISO-8601 date (`2024-05-01`) or date-time (`2024-05-01T09:30:00Z`,
/// with optional fractional seconds and a `Z` or `±HH:MM` offset; no offset means UTC).
///
/// A date alone means the whole day, so as an upper bound (`date_to`, `until`) it reaches the
/// day's last instant: "until 2024-05-31" includes what happened on the 31st.
struct ISODate: Decodable, Sendable, Equatable {
    /// The instant given, or the start of the day for a date alone.
    let start: Date
    /// True when only a day was given.
    let isDayOnly: Bool

    /// The instant to use as an inclusive upper bound.
    var end: Date { isDayOnly ? start.addingTimeInterval(86_400 - 0.001) : start }

    /// What the decoding error says, so the model learns the format.
    static let expected = "an ISO-8601 date such as 2024-05-01 or 2024-05-01T09:30:00Z"

    /// Parses a string; nil when it is not an ISO-8601 date or date-time.
    init?(_ text: String) {
        guard let (date, dayOnly) = Self.parse(Array(text.utf8)) else { return nil }
        start = date
        isDayOnly = dayOnly
    }

    /// Decodes from a JSON string.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = ISODate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be \(Self.expected)")
        }
        self = parsed
    }

    private static func parse(_ bytes: [UInt8]) -> (Date, Bool)? {
        var scanner = DigitScanner(bytes: bytes)
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2), (1...12).contains(month), (1...daysIn(month, year)).contains(day)
        else { return nil }
        let midnight = Double(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        if scanner.atEnd { return (Date(timeIntervalSince1970: midnight), true) }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2), hour < 24, minute < 60
        else { return nil }
        var seconds = 0.0
        if scanner.skip(":") {
            guard let whole = scanner.number(2), whole <= 60 else { return nil }
            seconds = Double(whole)
            if scanner.skip(".") || scanner.skip(",") {
                guard let fraction = scanner.fraction() else { return nil }
                seconds += fraction
            }
        }
        guard let offset = scanner.timeZoneOffset(), scanner.atEnd else { return nil }
        let instant = midnight + Double(hour * 3600 + minute * 60) + seconds - Double(offset)
        return (Date(timeIntervalSince1970: instant), false)
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (the civil-from-days inverse).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads fixed-width digits and separators from an ASCII date.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + width] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += width
        return value
    }

    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
            value += Double(bytes[index] - 0x30) * scale
            scale /= 10
            index += 1
        }
        return index > start ? value : nil
    }

    /// Seconds east of UTC; 0 for `Z` or no offset; nil when malformed.
    mutating func timeZoneOffset() -> Int? {
        if atEnd || skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") {
            sign = 1
        } else if skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(2), hours < 24 else { return nil }
        _ = skip(":")
        guard let minutes = number(2), minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
