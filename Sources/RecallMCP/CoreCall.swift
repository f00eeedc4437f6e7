import Dispatch
import RecallCore

/// Runs blocking RecallCore calls off Swift's cooperative thread pool.
///
/// Core calls block on SQLite and on files. The cooperative pool has one thread per core (two
/// here), so a long import running on it would stall the reading loop and every other request;
/// a Dispatch worker thread blocks instead.
enum CoreCall {
    /// Runs `body` on a worker thread and returns its result or error.
    static func run<Result: Sendable>(_ recall: Recall, _ body: @escaping @Sendable (Recall) throws -> Result)
        async throws -> Result
    {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Swift.Result { try body(recall) })
            }
        }
    }
}
