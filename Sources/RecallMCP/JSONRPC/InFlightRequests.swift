import Synchronization

/// The requests being worked on, so `notifications/cancelled` can stop one and end of input can
/// wait for all of them.
///
/// An entry exists from the moment a request is read until its response is written. It is
/// created before the request's task starts, so a cancellation that arrives first is not lost,
/// and a task that finishes first finds its entry (the race that otherwise drops fast responses).
final class InFlightRequests: Sendable {
    private struct Entry {
        var task: Task<Void, Never>?
        var cancelled = false
    }

    private struct State {
        var entries: [RequestID: Entry] = [:]
        /// Requests started and not yet fully answered (including the write of the response).
        var active = 0
        var idleWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Registers a request; false when a request with this id is still in flight.
    func begin(_ id: RequestID) -> Bool {
        state.withLock { state in
            guard state.entries[id] == nil else { return false }
            state.entries[id] = Entry()
            state.active += 1
            return true
        }
    }

    /// Remembers the task working on `id`, cancelling it at once if a cancellation came first.
    func attach(_ task: Task<Void, Never>, to id: RequestID) {
        let cancelNow = state.withLock { state -> Bool in
            guard state.entries[id] != nil else { return false }
            state.entries[id]?.task = task
            return state.entries[id]?.cancelled ?? false
        }
        if cancelNow { task.cancel() }
    }

    /// Cancels the request's task; unknown and finished ids are ignored.
    func cancel(_ id: RequestID) {
        let task = state.withLock { state -> Task<Void, Never>? in
            guard state.entries[id] != nil else { return nil }
            state.entries[id]?.cancelled = true
            return state.entries[id]?.task
        }
        task?.cancel()
    }

    /// Removes the entry before the response is written; true when the request was cancelled
    /// and so must get no response.
    func finish(_ id: RequestID) -> Bool {
        state.withLock { state in
            state.entries.removeValue(forKey: id)?.cancelled ?? false
        }
    }

    /// Marks the request fully answered; the last one wakes whoever waits for idleness.
    func leave() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.active -= 1
            guard state.active == 0 else { return [] }
            defer { state.idleWaiters = [] }
            return state.idleWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once every request begun so far has been answered.
    func waitUntilIdle() async {
        await withCheckedContinuation { continuation in
            let idle = state.withLock { state -> Bool in
                if state.active == 0 { return true }
                state.idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }
}
