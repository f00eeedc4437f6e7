import Foundation
import RecallCore

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
        guard let (date, dayOnly) = ISO8601Timestamp.parse(text) else { return nil }
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
}
