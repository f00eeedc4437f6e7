import Foundation

/// When an import must stop, by the caller's clock: a folder of many files, a slow disk or a
/// hostile path must not hold a server for good.
///
/// Checked between files, between chunks and between conversations; never in the middle of a
/// conversation, so what was stored is whole.
struct ImportDeadline: Sendable {
    /// The budget, in seconds.
    let limit: TimeInterval
    private let end: Date
    private let now: @Sendable () -> Date

    /// A deadline `limit` seconds after `now()`.
    init(limit: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.limit = limit
        self.now = now
        end = now().addingTimeInterval(limit)
    }

    /// Throws once the time is up.
    ///
    /// The error travels through every reading stage the way a
    /// storage failure does (`ExportEmitFailure`), so no stage mistakes it for a bad file.
    func check() throws {
        if now() >= end { throw ExportEmitFailure(underlying: ImportTimeLimitReached(limit: limit)) }
    }
}
