public import Foundation
import Synchronization

/// The one API both adapters call: import, search, remember, forget.
///
/// ```swift
/// let recall = try Recall(location: .file(path))
/// let summary = try recall.importChats(ImportRequest(path: "~/Downloads/chatgpt.zip"))
/// let page = try recall.search(SearchRequest(query: "tax return"))
/// ```
///
/// The store opens lazily on first use, so an MCP server can answer `initialize` before any
/// disk work happens.
public final class Recall: Sendable {
    /// Where the store lives.
    public let location: StoreLocation
    /// The clock; tests inject a fixed one.
    public let clock: @Sendable () -> Date
    private let storage = Mutex<RecallDatabase?>(nil)

    /// How messages are ranked; the defaults suit conversational memory.
    public let ranking: RankingWeights

    /// Creates a Recall over a store; nothing is opened until the first call.
    public init(location: StoreLocation, clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights()) {
        self.location = location
        self.clock = clock
        self.ranking = ranking
    }

    /// A Recall over a fresh in-memory store, for tests and previews.
    public static func inMemory(clock: @escaping @Sendable () -> Date = { Date() }, ranking: RankingWeights = RankingWeights()) -> Recall {
        Recall(location: .inMemory, clock: clock, ranking: ranking)
    }

    /// The store, opened on first use and shared by every later call.
    func database() throws -> RecallDatabase {
        try storage.withLock { cached in
            if let cached { return cached }
            let opened = try RecallDatabase(location: location)
            cached = opened
            return opened
        }
    }

    /// The extractor every path uses, so `add_memory`, imports and `extract_memories` agree.
    let extractor: any FactExtractor = RuleBasedFactExtractor()
}
