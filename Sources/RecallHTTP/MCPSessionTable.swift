import Foundation
import RecallCore
import RecallMCP
import Synchronization

/// The open MCP sessions, by `Mcp-Session-Id`.
///
/// A session belongs to the account that started
/// it: another key's account gets 404 for its id, as if it did not exist.
final class MCPSessionTable: Sendable {
    private struct Entry: Sendable {
        let session: MCPHTTPSession
        let account: String
    }

    /// Sessions idle this long are closed when a new one starts.
    static let idleLimit: TimeInterval = 3600
    /// Sessions one account may hold open at once; the longest idle goes first past it.
    static let perAccountLimit = 64

    private let entries = Mutex<[String: Entry]>([:])

    /// Registers a new session and returns its id; closes idle and surplus sessions.
    func add(_ session: MCPHTTPSession, account: String, now: Date = Date()) -> String {
        let id = UUID().uuidString.lowercased()
        let closing = entries.withLock { entries -> [MCPHTTPSession] in
            var closing: [MCPHTTPSession] = []
            for (key, entry) in entries where now.timeIntervalSince(entry.session.lastUsed) > Self.idleLimit {
                closing.append(entry.session)
                entries[key] = nil
            }
            let mine = entries.filter { $0.value.account == account }.sorted {
                $0.value.session.lastUsed < $1.value.session.lastUsed
            }
            for (key, entry) in mine.prefix(max(0, mine.count - Self.perAccountLimit + 1)) {
                closing.append(entry.session)
                entries[key] = nil
            }
            entries[id] = Entry(session: session, account: account)
            return closing
        }
        for session in closing { Task { await session.close() } }
        return id
    }

    /// The session with this id if `account` started it.
    func session(_ id: String, account: String) -> MCPHTTPSession? {
        entries.withLock { entries in
            guard let entry = entries[id], entry.account == account else { return nil }
            return entry.session
        }
    }

    /// Removes and returns a session of `account`.
    func remove(_ id: String, account: String) -> MCPHTTPSession? {
        entries.withLock { entries in
            guard let entry = entries[id], entry.account == account else { return nil }
            entries[id] = nil
            return entry.session
        }
    }

    /// Closes every session (server shutdown).
    func closeAll() async {
        let all = entries.withLock { entries in
            defer { entries = [:] }
            return entries.values.map(\.session)
        }
        for session in all { await session.close() }
    }
}
