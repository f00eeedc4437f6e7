/// The RFC 5424 severities MCP uses for `logging/setLevel` and `notifications/message`.
enum LogLevel: String, CaseIterable, Comparable, Sendable {
    case debug, info, notice, warning, error, critical, alert, emergency

    /// Less severe levels come first.
    static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        let order = LogLevel.allCases
        return order.firstIndex(of: lhs) ?? 0 < order.firstIndex(of: rhs) ?? 0
    }
}
