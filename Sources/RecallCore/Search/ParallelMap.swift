import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` with the elements handled on several threads at once, results in the same order.
    ///
    /// Search reads one full-text index per query term; on a large store those reads dominate,
    /// and the store lets readers run side by side.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) throws -> Result) throws -> [Result] {
        guard count > 1 else { return try map(transform) }
        let outcomes = Mutex<[Swift.Result<Result, any Error>?]>(Array<Swift.Result<Result, any Error>?>(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let outcome = Swift.Result { try transform(self[index]) }
            outcomes.withLock { $0[index] = outcome }
        }
        return try outcomes.withLock { results in try results.map { try $0!.get() } }
    }
}
