import Synchronization

/// Lets a callback through at most once per interval.
final class ProgressThrottle: Sendable {
    private let interval: Duration
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    /// A throttle with this minimum spacing.
    init(interval: Duration) {
        self.interval = interval
    }

    /// True when enough time has passed since the last allowed call.
    func allows() -> Bool {
        let now = ContinuousClock.now
        return last.withLock { last in
            if let previous = last, previous.duration(to: now) < interval { return false }
            last = now
            return true
        }
    }
}
