import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Operational log lines on stderr, never stdout (stdout belongs to the protocol).
///
/// Lines name methods, tools, ids, counts and error codes, never message or memory text: the
/// store holds personal chats, and clients keep these logs on disk.
struct ServerLog: Sendable {
    /// How much to write.
    enum Level: Int, Comparable, Sendable {
        case debug, info, warning, error

        static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Lines below this level are dropped; nil writes nothing.
    let threshold: Level?

    /// Writes nothing; the default for in-process servers such as tests.
    static let silent = ServerLog(threshold: nil)

    /// Writes to stderr from `RECALL_LOG_LEVEL` (debug, info, warning, error; default info).
    static func standardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> ServerLog {
        let names: [String: Level] = ["debug": .debug, "info": .info, "warning": .warning, "error": .error]
        return ServerLog(threshold: environment["RECALL_LOG_LEVEL"].flatMap { names[$0.lowercased()] } ?? .info)
    }

    /// A detail useful when debugging a client.
    func debug(_ line: @autoclosure () -> String) { emit(.debug, line) }
    /// A notable event.
    func info(_ line: @autoclosure () -> String) { emit(.info, line) }
    /// Something went wrong but the server carries on.
    func warning(_ line: @autoclosure () -> String) { emit(.warning, line) }
    /// A fault that points at a bug.
    func error(_ line: @autoclosure () -> String) { emit(.error, line) }

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
