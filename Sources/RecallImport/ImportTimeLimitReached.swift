public import Foundation

/// An import ran out of time; `ExportReader` adds what it had read by then.
public struct ImportTimeLimitReached: Error {
    /// The budget that ran out, in seconds.
    public var limit: TimeInterval
    /// What was read before the stop.
    public var read = ExportReadSummary()

    /// "10 min", "45 s": the budget as people read it.
    public var limitDescription: String {
        limit >= 120 && limit.truncatingRemainder(dividingBy: 60) == 0
            ? "\(Int(limit / 60)) min" : "\(Int(limit.rounded())) s"
    }
}
