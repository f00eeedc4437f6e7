import Testing
@testable import RecallCore

@Suite struct StoreLocationTests {
    @Test func explicitPathWins() {
        #expect(StoreLocation.resolve(explicit: "/tmp/x.sqlite", environment: ["RECALL_DB": "/tmp/y.sqlite"]) == .file("/tmp/x.sqlite"))
    }
}
