import Foundation
import HTTPTypes
import RecallCore

/// Per-key request limits per minute and per calendar month (UTC), counted in the store so they
/// survive a restart and hold across several server processes on one store.
struct RateLimiter: Sendable {
    /// Defaults for keys that set no limit of their own.
    let perMinute: Int
    let perMonth: Int
    /// The clock; tests inject one.
    let clock: @Sendable () -> Date

    /// What counting one request found.
    struct Verdict: Sendable {
        var monthLimit: Int
        var monthUsed: Int
        var monthReset: Int
        var minuteLimit: Int
        var minuteUsed: Int
        var minuteReset: Int

        /// The error when a limit is spent; the monthly one wins, as it lasts longer.
        var exceeded: APIError? {
            if monthUsed > monthLimit {
                return APIError(
                    status: .tooManyRequests, message: "Monthly API limit exceeded",
                    headers: [.retryAfter: String(monthReset)])
            }
            if minuteUsed > minuteLimit {
                return APIError(
                    status: .tooManyRequests, message: "Per-minute API limit exceeded",
                    headers: [.retryAfter: String(minuteReset)])
            }
            return nil
        }

        /// `X-RateLimit-*` for the monthly quota (the hosted services' meaning), and
        /// `X-RateLimit-Minute-*` for the per-minute one.
        var headers: HTTPFields {
            var fields = HTTPFields()
            fields[.rateLimitLimit] = String(monthLimit)
            fields[.rateLimitRemaining] = String(max(0, monthLimit - monthUsed))
            fields[.rateLimitReset] = String(monthReset)
            fields[.rateLimitMinuteLimit] = String(minuteLimit)
            fields[.rateLimitMinuteRemaining] = String(max(0, minuteLimit - minuteUsed))
            fields[.rateLimitMinuteReset] = String(minuteReset)
            return fields
        }
    }

    /// Counts one request of `key` and says whether it is within its limits.
    func count(_ key: APIKey, in recall: Recall) throws -> Verdict {
        let now = clock()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month], from: now)
        let monthStart = calendar.date(from: parts) ?? now
        let nextMonth = calendar.date(byAdding: .month, value: 1, to: monthStart) ?? now
        let seconds = Int(now.timeIntervalSince1970)
        let minute = seconds / 60
        let windows = ["month:\(parts.year ?? 0)-\(parts.month ?? 0)", "minute:\(minute)"]
        let counts = try recall.countRequest(keyID: key.id, windows: windows)
        return Verdict(
            monthLimit: key.perMonth ?? perMonth, monthUsed: counts[0],
            monthReset: max(0, Int(nextMonth.timeIntervalSince1970) - seconds),
            minuteLimit: key.perMinute ?? perMinute, minuteUsed: counts[1], minuteReset: (minute + 1) * 60 - seconds)
    }
}
