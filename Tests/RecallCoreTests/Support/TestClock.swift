import Foundation
import Synchronization

/// A clock that starts at a fixed moment and advances one second per reading, so stored
/// times are distinct and predictable.
final class TestClock: Sendable {
    private let seconds = Mutex<Double>(1_700_000_000)

    /// The next moment.
    func now() -> Date {
        seconds.withLock { value in
            value += 1
            return Date(timeIntervalSince1970: value)
        }
    }
}
