import Foundation
import RecallCore
import Synchronization

/// What `import_chats` may read for one client: the folders the server was started with
/// (`--allow-import`, `RECALL_IMPORT_DIRS`, else Downloads) plus the roots the client declares.
///
/// A model's tool arguments are untrusted (text it read can steer it), so an import reads only
/// where the user said it may. Roots are asked for with `roots/list` when the client declared
/// the `roots` capability, on the first import rather than at start-up (a piped session that
/// never imports sees no request), and asked again after `notifications/roots/list_changed`.
final class ImportAccess: Sendable {
    /// How long a client gets to answer `roots/list` before the import goes ahead without its
    /// roots: an import is a write, and every later call waits for it.
    static let rootsTimeout: Duration = .seconds(10)

    /// The folders the server was started with.
    let configuredFolders: [String]
    /// The longest one import may take, in seconds.
    let timeLimit: TimeInterval
    /// Whether the client's roots are allowed too (not over HTTP: see `RecallServer.trustsClientRoots`).
    let trustsClientRoots: Bool

    private struct State {
        var clientHasRoots = false
        /// Counts `notifications/roots/list_changed`, so an answer asked for before one is not kept.
        var generation = 0
        /// The client's roots as paths, until it says they changed.
        var roots: [String]?
    }

    private let state = Mutex(State())
    private let log: ServerLog

    /// Access to `configuredFolders` and, once known and when trusted, the client's roots.
    init(configuredFolders: [String], timeLimit: TimeInterval, trustsClientRoots: Bool = true, log: ServerLog) {
        self.configuredFolders = configuredFolders
        self.timeLimit = timeLimit
        self.trustsClientRoots = trustsClientRoots
        self.log = log
    }

    /// Takes note of the client's capabilities from `initialize`.
    func clientDeclared(_ capabilities: [String: JSONValue]) {
        state.withLock { $0.clientHasRoots = trustsClientRoots && capabilities["roots"] != nil }
    }

    /// The client's roots changed: ask again before the next import.
    func rootsChanged() {
        state.withLock { state in
            state.generation += 1
            state.roots = nil
        }
    }

    /// True when no path can be imported: no folder was allowed and roots are not trusted.
    var refusesEveryPath: Bool { configuredFolders.isEmpty && !trustsClientRoots }

    /// The policy for an import asked for in `request`: the allowed folders, asking the client
    /// for its roots first when it has some and they are not known yet.
    func policy(for request: RequestContext) async -> ImportPolicy {
        .restricted(to: configuredFolders + (await roots(asking: request)), timeLimit: timeLimit)
    }

    private func roots(asking request: RequestContext) async -> [String] {
        let (hasRoots, known, generation) = state.withLock { ($0.clientHasRoots, $0.roots, $0.generation) }
        guard hasRoots else { return [] }
        if let known { return known }
        do {
            let result = try await Self.withTimeout(Self.rootsTimeout) {
                try await request.sendRequest("roots/list")
            }
            let roots = Self.paths(fromRoots: result)
            // The answer serves this import, which came before any change announced since. It is
            // kept for later imports only if no change was announced meanwhile: the reading loop
            // may take the client's answer and then its `list_changed` before this task resumes,
            // and an import sent after that notification must ask again.
            state.withLock { state in
                if state.generation == generation { state.roots = roots }
            }
            log.info("client roots for import_chats: \(roots.count)")
            return roots
        } catch {
            // Without an answer the import goes ahead within the configured folders only.
            log.warning("roots/list failed (\(type(of: error))); import_chats uses the configured folders only")
            return []
        }
    }

    /// The local paths of a `roots/list` result's `file://` roots; other schemes are ignored.
    static func paths(fromRoots result: JSONValue) -> [String] {
        (result["roots"]?.arrayValue ?? []).compactMap { root in
            guard let uri = root["uri"]?.stringValue, let url = URL(string: uri), url.isFileURL,
                url.host == nil || url.host == "" || url.host == "localhost"
            else { return nil }
            let path = url.path
            return path.hasPrefix("/") ? path : nil
        }
    }

    /// `body`'s result, or `RootsTimeout` once `timeout` has passed (`body` is then cancelled).
    private static func withTimeout<T: Sendable>(
        _ timeout: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw RootsTimeout() }
            return value
        }
    }

    /// The client did not answer `roots/list` in time.
    struct RootsTimeout: Error {}
}
