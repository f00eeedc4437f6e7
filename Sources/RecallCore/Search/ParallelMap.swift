import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` with the elements handled on several threads at once, results in the same order.
    ///
    /// Search reads one full-text index per query term; on a large store those reads dominate,
    /// and the store lets readers run side by side.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) throws -> Result) throws -> [Result] {
        guard count > 1 else { return try map(transform) }
        let outcomes = Mutex<[Swift.Result<Result, any Error>?]>([Swift.Result?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let outcome = Swift.Result { try transform(self[index]) }
            outcomes.withLock { $0[index] = outcome }
        }
        return try outcomes.withLock { results in
            try results.map { outcome in
                // concurrentPerform returns only after every index has run.
                guard let outcome else { preconditionFailure("parallelMap: an element was never transformed") }
                return try outcome.get()
            }
        }
    }
}
