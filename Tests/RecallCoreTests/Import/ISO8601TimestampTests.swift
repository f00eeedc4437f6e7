import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct ISO8601TimestampTests {
        @Test(arguments: [
            ("2025-07-06T03:10:13.076141Z", 1_751_771_413.076141),
            ("2025-07-06T03:10:13.076141+00:00", 1_751_771_413.076141),
            ("2025-01-29T15:55:28.250000+08:00", 1_738_137_328.25),
            ("2025-01-29T15:55:28-0130", 1_738_171_528),
            ("2024-02-29T00:00:00Z", 1_709_164_800),
            ("2024-02-29", 1_709_164_800),
            ("1969-12-31T23:59:59Z", -1),
        ])
        func parses(text: String, seconds: Double) throws {
            let date = try #require(ISO8601Timestamp.date(from: text))
            #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
        }

        @Test(arguments: [
            "", "yesterday", "2025-13-01T00:00:00Z", "2025-01-01T25:00:00Z", "2025-01-01T10:00:00Q", "1700000000",
        ])
        func rejects(text: String) {
            #expect(ISO8601Timestamp.date(from: text) == nil)
        }
    }
}
