import RecallCore
import Synchronization

/// What a tool gets besides its arguments: the core, and the request's channel to the client.
struct ToolContext: Sendable {
    /// The core every tool calls.
    let recall: Recall
    /// The request being answered (progress, server→client requests).
    let request: RequestContext
    /// Log messages for the client.
    let logger: ClientLogger
    /// What the client declared in `initialize` (`sampling`, `roots`, …).
    let clientCapabilities: [String: JSONValue]
    /// Operational lines on stderr.
    let serverLog: ServerLog
    /// Where `import_chats` may read, and for how long.
    let importAccess: ImportAccess

    /// Runs a RecallCore call on a worker thread (see `CoreCall`) and returns its result.
    func core<Result: Sendable>(_ body: @escaping @Sendable (Recall) throws -> Result) async throws -> Result {
        try await CoreCall.run(recall, body)
    }

    /// Runs a long RecallCore call that asks `cancelled` between batches: it turns true when the
    /// client cancels the request, and the call then stops with `CancellationError`.
    func core<Result: Sendable>(
        cancellable body: @escaping @Sendable (Recall, _ cancelled: @escaping @Sendable () -> Bool) throws -> Result
    ) async throws -> Result {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await CoreCall.run(recall) { recall in try body(recall) { flag.isSet } }
        } onCancel: {
            flag.set()
        }
    }

    /// Reports progress when the client sent a progress token; otherwise does nothing.
    func reportProgress(_ progress: Double, total: Double? = nil, message: String? = nil) {
        request.reportProgress(progress, total: total, message: message)
    }

    /// Sends a log message to the client, subject to its `logging/setLevel`.
    func log(_ level: LogLevel, _ message: String) {
        logger.log(level, message)
    }

    /// The policy for an import this request asks for: the allowed folders (the client's roots
    /// are asked for when needed) and the time limit.
    func importPolicy() async -> ImportPolicy {
        await importAccess.policy(for: request)
    }

    /// Asks the client's model for a completion (`sampling/createMessage`) and returns its result.
    ///
    /// Throws `invalidRequest` when the client did not declare the `sampling` capability.
    func createMessage(_ params: JSONValue) async throws -> JSONValue {
        guard clientCapabilities["sampling"] != nil else {
            throw JSONRPCError.invalidRequest("the client did not declare the sampling capability")
        }
        return try await request.sendRequest("sampling/createMessage", params: params)
    }
}

/// A flag a cancellation handler sets and a worker thread reads.
private final class CancellationFlag: Sendable {
    private let value = Mutex(false)

    /// True once `set()` was called.
    var isSet: Bool { value.withLock { $0 } }

    /// Sets the flag for good.
    func set() { value.withLock { $0 = true } }
}
