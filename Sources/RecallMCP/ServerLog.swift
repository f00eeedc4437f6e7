import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Operational log lines on stderr, never stdout (stdout belongs to the protocol), in one
/// format: `recall serve [level] text`.
///
/// Lines name methods, tools, ids, counts and error codes, never message or memory text: the
/// store holds personal chats, and clients keep these logs on disk. `recall serve --log-level`
/// sets the threshold for every line the server writes, its own and the command's.
public struct ServerLog: Sendable {
    /// How much to write.
    public enum Level: Int, Comparable, Sendable {
        case debug, info, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Lines below this level are dropped; nil writes nothing.
    public let threshold: Level?

    /// A log that writes lines at `threshold` and above to stderr; nil writes nothing.
    public init(threshold: Level?) {
        self.threshold = threshold
    }

    /// Writes nothing; the default for in-process servers such as tests.
    static let silent = ServerLog(threshold: nil)

    /// Writes to stderr at `RECALL_LOG_LEVEL` (debug, info, warning, error; default info).
    static func standardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> ServerLog {
        ServerLog(threshold: environment["RECALL_LOG_LEVEL"].flatMap(Level.init(name:)) ?? .info)
    }

    /// A detail useful when debugging a client.
    func debug(_ line: @autoclosure () -> String) { emit(.debug, line) }
    /// A notable event.
    func info(_ line: @autoclosure () -> String) { emit(.info, line) }
    /// Something went wrong but the server carries on.
    func warning(_ line: @autoclosure () -> String) { emit(.warning, line) }
    /// A fault that points at a bug.
    func error(_ line: @autoclosure () -> String) { emit(.error, line) }

    /// Writes one line at `level` if it passes the threshold.
    public func log(_ level: Level, _ line: @autoclosure () -> String) { emit(level, line) }

    private func emit(_ level: Level, _ line: () -> String) {
        guard let threshold, level >= threshold else { return }
        // One write(2) per line keeps lines whole when several threads log at once.
        let bytes = Array("recall serve [\(level)] \(line())\n".utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = write(2, base, buffer.count)
        }
    }
}

extension ServerLog.Level {
    /// A level from its name (`debug`, `info`, `warning`, `error`, any case); nil otherwise.
    public init?(name: String) {
        switch name.lowercased() {
        case "debug": self = .debug
        case "info": self = .info
        case "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }
}
