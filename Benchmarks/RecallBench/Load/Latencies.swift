import Foundation

/// Durations of repeated operations, summarised as percentiles.
struct Latencies {
    private(set) var seconds: [Double] = []

    /// Times one run of `body`.
    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    /// Adds one measured duration.
    mutating func append(_ duration: Double) {
        seconds.append(duration)
    }

    /// Adds every duration of another set.
    mutating func append(contentsOf other: Latencies) {
        seconds += other.seconds
    }

    /// How many durations were measured.
    var count: Int { seconds.count }

    /// Times one run of `body`, in milliseconds.
    static func once(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    /// The value below which `fraction` of the runs fall (nearest rank), in milliseconds.
    func percentile(_ fraction: Double) -> Double {
        guard !seconds.isEmpty else { return .nan }
        let sorted = seconds.sorted()
        let rank = min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank] * 1000
    }

    /// "p50 1.23 ms, p99 4.56 ms".
    var summary: String {
        String(format: "p50 %.2f ms, p99 %.2f ms (n=%d)", percentile(0.5), percentile(0.99), seconds.count)
    }
}
