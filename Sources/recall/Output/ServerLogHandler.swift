import Logging
import RecallMCP

/// Routes swift-log lines of `recall serve` through the server's own log, so every line on
/// stderr has one format (`recall serve [level] text key=value`) and obeys `--log-level`.
struct ServerLogHandler: LogHandler {
    /// Where lines go, with the threshold `--log-level` set.
    let log: ServerLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level

    /// A handler writing through `log`, passing lines at `level` and above.
    init(log: ServerLog, level: Logger.Level) {
        self.log = log
        logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        log.log(Self.serverLevel(event.level), "\(event.message)\(details)")
    }

    /// swift-log's seven levels on the server's four.
    static func serverLevel(_ level: Logger.Level) -> ServerLog.Level {
        switch level {
        case .trace, .debug: .debug
        case .info, .notice: .info
        case .warning: .warning
        case .error, .critical: .error
        }
    }
}
