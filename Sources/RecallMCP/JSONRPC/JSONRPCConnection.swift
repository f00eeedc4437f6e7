import Foundation
import RecallCore
import Synchronization

/// One JSON-RPC 2.0 session over a transport: reads messages in order, answers requests
/// (concurrently when the handler asks), matches responses to server→client requests, honours
/// `notifications/cancelled`, and at end of input waits for every response before returning.
final class JSONRPCConnection: Sendable {
    private let transport: any MessageTransport
    /// Serialises writes, so concurrent handlers never interleave bytes; true once closed.
    private let writer = Mutex(false)
    private let inFlight = InFlightRequests()
    private let clientRequests = ClientRequests()
    private let log: ServerLog

    /// A connection over a transport.
    init(transport: any MessageTransport, log: ServerLog) {
        self.transport = transport
        self.log = log
    }

    /// Serves until end of input and until every request read has been answered.
    func serve(_ handler: some RequestHandler) async {
        for await line in transport.receive() {
            handle(line, handler)
        }
        log.debug("end of input; waiting for requests in flight")
        // The client can no longer answer, so requests waiting on it fail and their handlers finish.
        clientRequests.closeAll()
        await inFlight.waitUntilIdle()
        writer.withLock { closed in
            closed = true
            transport.close()
        }
    }

    /// Writes one message.
    ///
    /// Encoding happens outside the lock; the write is one call under it.
    func send(_ message: OutgoingMessage) {
        let data: Data
        do {
            data = try message.encoded()
        } catch {
            log.error("could not encode an outgoing message: \(type(of: error))")
            return
        }
        writer.withLock { closed in
            if !closed { transport.send(data) }
        }
    }

    /// Sends a request to the client and waits for the response with the same id.
    func request(_ method: String, params: JSONValue?) async throws -> JSONValue {
        let id = clientRequests.makeID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if let error = clientRequests.register(id, continuation) {
                    continuation.resume(throwing: error)
                    return
                }
                send(.request(id: id, method: method, params: params))
            }
        } onCancel: {
            clientRequests.cancel(id)
            send(.notification(method: "notifications/cancelled", params: .object(["requestId": id.json])))
        }
    }

    private func handle(_ line: Data, _ handler: some RequestHandler) {
        switch IncomingMessage.parse(line) {
        case .reject(let error, nil):
            send(.error(id: nil, error: error))
        case .ignore:
            break
        case .message(.response(let id, let result)):
            if !clientRequests.resolve(id, with: result) {
                log.debug("ignored a response to unknown request \(id)")
            }
        case .message(.notification(let method, let params)):
            if method == "notifications/cancelled" {
                if let id = params?["requestId"].flatMap(RequestID.init) { inFlight.cancel(id) }
            } else {
                handler.handleNotification(method: method, params: params)
            }
        case .message(.request(let id, let method, let params)):
            // The task `start` makes inherits the scope, so all the request writes carries it.
            RequestScope.$id.withValue(id) {
                switch handler.plan(id: id, method: method, params: params) {
                case .respond(let result): send(.result(id: id, result: result))
                case .fail(let error): send(.error(id: id, error: error))
                case .run(let work): start(work, id: id, params: params)
                }
            }
        case .reject(let error, let id?):
            RequestScope.$id.withValue(id) { send(.error(id: id, error: error)) }
        }
    }

    private func start(
        _ work: @escaping @Sendable (RequestContext) async throws -> JSONValue, id: RequestID, params: JSONValue?
    ) {
        guard inFlight.begin(id) else {
            send(.error(id: id, error: .invalidRequest("id \(id) is already used by a request in flight")))
            return
        }
        let progress = params?["_meta"]?["progressToken"].map { token in
            ProgressChannel(token: token) { [self] message in send(message) }
        }
        let context = RequestContext(id: id, progress: progress, connection: self)
        let task = Task { [self] in
            let outcome: Result<JSONValue, any Error>
            do {
                outcome = .success(try await work(context))
            } catch {
                outcome = .failure(error)
            }
            progress?.close()
            let cancelled = inFlight.finish(id) || Task.isCancelled
            if !cancelled { respond(to: id, with: outcome) }
            inFlight.leave()
        }
        inFlight.attach(task, to: id)
    }

    private func respond(to id: RequestID, with outcome: Result<JSONValue, any Error>) {
        switch outcome {
        case .success(let result):
            send(.result(id: id, result: result))
        case .failure(let error as JSONRPCError):
            send(.error(id: id, error: error))
        case .failure(let error):
            // Handlers turn every expected failure into a result or a JSONRPCError; this is a bug.
            log.error("request \(id) failed unexpectedly: \(type(of: error))")
            send(.error(id: id, error: .internalError("the request failed unexpectedly")))
        }
    }
}
