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

/// An import ran out of time; `ExportReader` adds what it had read by then.
struct ImportTimeLimitReached: Error {
    /// The budget that ran out, in seconds.
    var limit: TimeInterval
    /// What was read before the stop.
    var read = ExportReadSummary()

    /// "10 min", "45 s": the budget as people read it.
    var limitDescription: String {
        limit >= 120 && limit.truncatingRemainder(dividingBy: 60) == 0
            ? "\(Int(limit / 60)) min" : "\(Int(limit.rounded())) s"
    }
}
