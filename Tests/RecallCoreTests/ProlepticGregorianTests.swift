import Foundation
import Testing

@testable import RecallCore

/// Dates are written in the proleptic Gregorian calendar at every year, so a date read from
/// ISO 8601 comes back exactly as it was given (Foundation's calendar turns Julian before 1583).
@Suite struct ProlepticGregorianTests {
    @Test(arguments: [
        "1200-05-01", "1582-10-04", "1582-10-15", "0800-12-25", "0001-01-01", "1969-12-31", "2024-02-29", "2400-02-29",
    ])
    func aDayIsWrittenAsGiven(_ day: String) throws {
        let date = try #require(ISO8601Timestamp.date(from: day))
        #expect(ProlepticGregorian.iso8601(date) == day + "T00:00:00Z")
        #expect(ProlepticGregorian.storageText(date) == day + " 00:00:00.000")
    }

    @Test func everyDayFromYearOneRoundTrips() throws {
        // Every 13th day from 0001-01-01 to 2500: parse(write(x)) == x.
        let start = try #require(ISO8601Timestamp.date(from: "0001-01-01T00:00:00Z")).timeIntervalSince1970
        let end = try #require(ISO8601Timestamp.date(from: "2500-01-01T00:00:00Z")).timeIntervalSince1970
        var seconds = start + 3_723.5
        while seconds < end {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601Timestamp.date(from: ProlepticGregorian.storageText(date)) == date)
            #expect(
                ISO8601Timestamp.date(from: ProlepticGregorian.iso8601(date))?.timeIntervalSince1970
                    == seconds.rounded(.down))
            seconds += 13 * 86_400
        }
    }

    @Test func fromFifteenEightyThreeOnTheTextIsFoundations() throws {
        let date = try #require(ISO8601Timestamp.date(from: "2024-05-01T09:30:07.250Z"))
        #expect(ProlepticGregorian.iso8601(date) == date.formatted(.iso8601))
        #expect(ProlepticGregorian.storageText(date) == "2024-05-01 09:30:07.250")
    }

    @Test func jsonAndTheStoreKeepAnOldDate() throws {
        let recall = Recall.inMemory()
        let day = try #require(ISO8601Timestamp.date(from: "1200-05-01"))
        let added = try recall.addMemory(AddMemoryRequest(content: "The user read about 1200.", memoriesAt: day))
        let json = String(decoding: try RecallJSON.encoder().encode(added), as: UTF8.self)
        #expect(json.contains(#""memories_at":"1200-05-01T00:00:00Z""#))
        let listed = try recall.listMemories(MemoryListRequest())
        #expect(listed.memories.first?.memoriesAt == day)
    }
}
