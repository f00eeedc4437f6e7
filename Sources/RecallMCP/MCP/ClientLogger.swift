import RecallCore
import Synchronization

/// Sends `notifications/message` to the client at or above the level it chose.
///
/// Until the client calls `logging/setLevel`, only warnings and worse go out. Messages carry
/// counts, ids and codes only, never the user's text (the logging spec forbids personal data).
final class ClientLogger: Sendable {
    private let threshold = Mutex(LogLevel.warning)
    private let send: @Sendable (OutgoingMessage) -> Void

    /// A logger that writes through `send`.
    init(send: @escaping @Sendable (OutgoingMessage) -> Void) {
        self.send = send
    }

    /// A logger for one stateless request: messages at `level` and above, none without a level
    /// (the 2026-07-28 revision sends log messages only to a request that asks for them).
    static func forRequest(level: LogLevel?, send: @escaping @Sendable (OutgoingMessage) -> Void) -> ClientLogger {
        guard let level else { return ClientLogger { _ in } }
        let logger = ClientLogger(send: send)
        logger.level = level
        return logger
    }

    /// The least severe level sent.
    var level: LogLevel {
        get { threshold.withLock { $0 } }
        set { threshold.withLock { $0 = newValue } }
    }

    /// Sends one log message if its level passes the threshold.
    func log(_ level: LogLevel, _ message: String, logger: String = "recall") {
        guard level >= self.level else { return }
        let params: JSONValue = .object([
            "level": .string(level.rawValue), "logger": .string(logger), "data": .string(message),
        ])
        send(.notification(method: "notifications/message", params: params))
    }
}
