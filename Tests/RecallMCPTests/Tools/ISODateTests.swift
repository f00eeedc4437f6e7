import Foundation
import Testing

@testable import RecallMCP

@Suite struct ISODateTests {
    @Test(arguments: [
        ("2024-05-01", 1_714_521_600.0), ("2024-05-01T00:00:00Z", 1_714_521_600),
        ("2024-05-01T09:30:00Z", 1_714_555_800),
        ("2024-05-01T09:30Z", 1_714_555_800), ("2024-05-01T11:30:00+02:00", 1_714_555_800),
        ("2024-05-01T04:30:00-0500", 1_714_555_800),
        ("2024-05-01T09:30:00.250Z", 1_714_555_800.25), ("2024-05-01 09:30:00", 1_714_555_800), ("1970-01-01", 0),
        ("2024-02-29", 1_709_164_800), ("1969-12-31T23:59:59Z", -1),
    ])
    func parses(_ text: String, _ seconds: Double) throws {
        let date = try #require(ISODate(text))
        #expect(abs(date.start.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test(arguments: [
        "", "yesterday", "2024-5-1", "2024-13-01", "2023-02-29", "2024-04-31", "2024-05-01T25:00:00Z",
        "2024-05-01T09:30:00+2",
        "2024-05-01T09:30:00Zjunk", "05/01/2024", "2024-05-01T", "1714555800",
    ])
    func rejects(_ text: String) {
        #expect(ISODate(text) == nil)
    }

    @Test func dayOnlyUpperBoundCoversTheDay() throws {
        let day = try #require(ISODate("2024-05-31"))
        #expect(day.isDayOnly)
        #expect(day.end.timeIntervalSince(day.start) > 86_399)
        let instant = try #require(ISODate("2024-05-31T12:00:00Z"))
        #expect(instant.end == instant.start)
    }
}
