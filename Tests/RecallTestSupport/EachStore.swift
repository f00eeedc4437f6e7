public import Foundation
public import RecallCore
public import Testing

extension TestStore {
    /// The store the running test case uses (`.sqlite` outside `EachStore`).
    @TaskLocal public static var current: TestStore = .sqlite
}

/// Runs every test of a suite once per store the run can reach (SQLite, and PostgreSQL when
/// `RECALL_TEST_POSTGRES` names a server): the same assertions, so both stores must agree.
///
/// ```swift
/// @Suite(.eachStore) struct MemoryTests {
///     @Test func merges() throws { let recall = Recall.testStore() … }
/// }
/// ```
public struct EachStore: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard !test.isSuite else { return try await function() }
        for store in TestStore.available {
            try await TestStore.$current.withValue(store) { try await function() }
        }
    }
}

extension Trait where Self == EachStore {
    /// Runs each test once per reachable store.
    public static var eachStore: EachStore { EachStore() }
}

extension Recall {
    /// A Recall over a new, empty store of the running test's kind (`TestStore.current`); a
    /// store that cannot be made is a recorded failure, and the test goes on in memory.
    public static func testStore(
        clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights(),
        semantic: SemanticSearch = .embedded
    ) -> Recall {
        do {
            return try TestStore.current.recall(clock: clock, ranking: ranking, semantic: semantic)
        } catch {
            Issue.record(error, "could not make a \(TestStore.current.rawValue) store")
            return Recall.inMemory(clock: clock, ranking: ranking, semantic: semantic)
        }
    }
}
