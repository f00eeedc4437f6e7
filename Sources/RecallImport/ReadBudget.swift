import Foundation

/// What one read may still spend: the limits, the time left, and the bytes ZIP members have
/// expanded to so far.
///
/// A value passed `inout` down the container stage, so whoever inflates bytes is the one
/// that counts them; member readers get only `limits`.
struct ReadBudget: Sendable {
    /// The ceilings of this read.
    let limits: ImportLimits
    /// When the read must stop, if it must.
    let deadline: ImportDeadline?
    /// Bytes ZIP members have expanded to so far, against `limits.maxTotalUncompressed`.
    private(set) var uncompressed = 0

    /// Creates a full budget.
    init(limits: ImportLimits, deadline: ImportDeadline? = nil) {
        self.limits = limits
        self.deadline = deadline
    }

    /// Throws once the read's time is up (see `ImportDeadline`).
    func checkTime() throws { try deadline?.check() }

    /// Whether `declared` more bytes still fit under the total for expanded ZIP members.
    func admits(uncompressed declared: Int) -> Bool {
        uncompressed + declared <= limits.maxTotalUncompressed
    }

    /// Counts inflated bytes; false once the total is past its limit.
    mutating func spend(uncompressed count: Int) -> Bool {
        uncompressed += count
        return uncompressed <= limits.maxTotalUncompressed
    }
}
