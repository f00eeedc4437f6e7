import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct LocalizedTimestampTests {
        @Test(arguments: [
            ("Jan 5, 2025, 10:01:02 AM CET", "2025-01-05T09:01:02Z"),
            ("Jan 5, 2025, 12:30:00 AM PST", "2025-01-05T08:30:00Z"),
            ("Dec 31, 2024, 11:59:59\u{202F}PM GMT-05:00", "2025-01-01T04:59:59Z"),
            ("5 Jan 2025, 10:01:02 GMT", "2025-01-05T10:01:02Z"),
            ("05.01.2025, 10:01:02 MEZ", "2025-01-05T09:01:02Z"),
            ("1. 1. 2026 10:00:00 SEČ", "2026-01-01T09:00:00Z"),
            ("2025/01/05 10:01:02 JST", "2025-01-05T01:01:02Z"),
            ("2025年1月5日 10:01:02 GMT+08:00", "2025-01-05T02:01:02Z"),
            ("2025. 1. 5. 오후 2:01:02 GMT+09:00", "2025-01-05T05:01:02Z"),
            ("5 janv. 2025, 10:01:02 UTC+1", "2025-01-05T09:01:02Z"),
            ("5 de ene. de 2025, 10:01:02 CET", "2025-01-05T09:01:02Z"),
            ("3/23/2025 23:26", "2025-03-23T23:26:00Z"),
            ("23/3/2025 23:26", "2025-03-23T23:26:00Z"),
            ("11 juil. 2025, 08:00:00 CEST", "2025-07-11T06:00:00Z"),
        ])
        func readsLocalisedTimestamps(text: String, iso: String) throws {
            let reading = try #require(LocalizedTimestamp.reading(from: text))
            #expect(reading.date == ISO8601Timestamp.date(from: iso))
        }

        @Test func unknownZoneIsUTCAndSaysSo() throws {
            let reading = try #require(LocalizedTimestamp.reading(from: "Jan 5, 2025, 10:00:00 XYZT"))
            #expect(!reading.zoneKnown)
            #expect(reading.date == ISO8601Timestamp.date(from: "2025-01-05T10:00:00Z"))
            #expect(LocalizedTimestamp.reading(from: "Jan 5, 2025, 10:00:00 CET")?.zoneKnown == true)
        }

        @Test(arguments: [
            "What happened on Jan 5, 2025 at 10:00?",
            "Meeting tomorrow 10:30",
            "no date at all",
            "13/13/2025 10:00",
        ])
        func sentencesAreNotTimestamps(text: String) {
            #expect(LocalizedTimestamp.reading(from: text) == nil)
        }
    }
}
