import Foundation
import Testing

@testable import RecallCore

/// The calendar dates a query names: every pattern compiles, and each form finds its dates.
@Suite struct QueryDatesTests {
    @Test(arguments: QueryDates.patterns)
    func everyPatternCompiles(_ pattern: String) {
        #expect(QueryDates.compiled(pattern) != nil, "\(pattern)")
    }

    @Test(arguments: [
        ("what did I say on 1 May, 2022", "2022-05-01", 1.0),
        ("the trip on May 3rd, 2021", "2021-05-03", 1.0),
        ("plans in January 2023", "2023-01-01", 31.0),
        ("what happened in 2019", "2019-01-01", 365.0),
    ])
    func eachFormFindsItsDate(_ query: String, _ start: String, _ days: Double) throws {
        let dates = QueryDates(query)
        let interval = try #require(dates.intervals.first)
        #expect(dates.intervals.count == 1)
        #expect(interval.start == (try Date(start + "T00:00:00Z", strategy: .iso8601)))
        #expect(interval.duration == days * 86_400)
        #expect(!dates.remainder.contains(start.prefix(4)))
    }

    @Test func aQueryWithoutDatesKeepsItsText() {
        let dates = QueryDates("green tea with honey")
        #expect(dates.intervals.isEmpty)
        #expect(dates.remainder == "green tea with honey")
    }
}
