import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RecallCore
import RecallMCP

/// MCP Streamable HTTP (revision 2025-11-25) at `/mcp`: POST carries one JSON-RPC message and
/// gets JSON, or an SSE stream for tool calls (progress, then the result); DELETE ends a
/// session; GET gets 405, since every server message belongs to a request's own stream.
///
/// A stateless request (revision 2026-07-28) needs no session and no `initialize`.
struct MCPRoutes: Sendable {
    let sessions: MCPSessionTable
    let version: String
    let settings: HTTPSettings

    static let sessionHeader = HTTPField.Name.mcpSessionID
    static let versionHeader = HTTPField.Name.mcpProtocolVersion
    static let methodHeader = HTTPField.Name.mcpMethod
    static let nameHeader = HTTPField.Name.mcpName

    func register(on router: Router<RecallRequestContext>) {
        router.post("/mcp") { request, context in try await post(request, context: context) }
        router.get("/mcp") { _, _ in
            Response(status: .methodNotAllowed, headers: [.allow: "POST, DELETE"])
        }
        router.delete("/mcp") { request, context in
            let caller = try context.requireCaller()
            guard let id = request.headers[Self.sessionHeader],
                let session = sessions.remove(id, account: caller.key.account)
            else {
                throw APIError(status: .notFound, message: "No such MCP session; start a new one with initialize")
            }
            await session.close()
            return Response(status: .noContent)
        }
    }

    private func post(_ request: Request, context: RecallRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let accept = request.headers[.accept]?.lowercased() ?? "*/*"
        let acceptsJSON = accept.contains("application/json") || accept.contains("*/*")
        let acceptsSSE = accept.contains("text/event-stream")
        guard acceptsJSON || acceptsSSE else {
            throw APIError(status: .notAcceptable, message: "Accept application/json and text/event-stream")
        }
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw APIError(status: .unsupportedMediaType, message: "Send JSON-RPC messages as application/json")
        }
        var request = request
        let body: Data
        do {
            body = Data(try await request.collectBody(upTo: settings.maxJSONBytes).readableBytesView)
        } catch {
            throw APIError(
                status: .contentTooLarge, message: "The message is larger than \(settings.maxJSONBytes) bytes")
        }

        var sessionID = request.headers[Self.sessionHeader]
        if sessionID == nil, let stateless = MCPHTTPSession.statelessRequest(body) {
            return try await postStateless(body, stateless, request: request, caller: caller, acceptsSSE: acceptsSSE)
        }
        let session: MCPHTTPSession
        var ephemeral = false
        if let id = sessionID {
            if let version = request.headers[Self.versionHeader],
                !MCPHTTPSession.supportedProtocolVersions.contains(version)
            {
                throw APIError(status: .badRequest, message: "Unsupported MCP-Protocol-Version \(version)")
            }
            guard let found = sessions.session(id, account: caller.key.account) else {
                throw APIError(status: .notFound, message: "No such MCP session; start a new one with initialize")
            }
            session = found
        } else {
            session = MCPHTTPSession(server: makeServer(for: caller))
            if MCPHTTPSession.isInitialize(body) {
                sessionID = sessions.add(session, account: caller.key.account)
            } else {
                // A message outside any session (a `server/discover` probe, a ping) is answered
                // by a session that lives for this request only.
                ephemeral = true
            }
        }

        var headers = HTTPFields()
        if let sessionID, !ephemeral { headers[Self.sessionHeader] = sessionID }
        switch session.post(body) {
        case .accepted:
            if ephemeral { await session.close() }
            return Response(status: .accepted, headers: headers)
        case .rejected(let error):
            if ephemeral { await session.close() }
            headers[.contentType] = "application/json"
            return Response(
                status: .badRequest, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: error)))
        case .answer(let stream, let method):
            if acceptsSSE, method == "tools/call", !ephemeral {
                return Self.eventStream(stream, headers: headers)
            }
            let last = await Self.lastMessage(of: stream)
            if ephemeral { await session.close() }
            guard let last else { throw APIError(status: .internalServerError, message: "Internal server error") }
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: last)))
        }
    }

    /// A stateless request (2026-07-28): no session, headers checked against the body, errors with
    /// their own HTTP status; a tool call that asks for progress gets an event stream.
    private func postStateless(
        _ body: Data, _ stateless: MCPHTTPSession.StatelessRequest, request: Request, caller: Caller, acceptsSSE: Bool
    ) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let mismatch = stateless.headerMismatch(
            protocolVersion: request.headers[Self.versionHeader], method: request.headers[Self.methodHeader],
            name: request.headers[Self.nameHeader])
        {
            return Response(
                status: .badRequest, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: mismatch)))
        }
        let session = MCPHTTPSession(server: makeServer(for: caller))
        let stream: AsyncStream<Data>
        switch session.post(body) {
        case .answer(let answer, _):
            stream = answer
        case .rejected(let error):
            await session.close()
            return Response(
                status: .badRequest, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: error)))
        case .accepted:
            await session.close()
            return Response(status: .accepted)
        }
        if acceptsSSE, stateless.method == "tools/call", stateless.wantsProgress {
            return Self.eventStream(stream, headers: headers) { await session.close() }
        }
        let last = await Self.lastMessage(of: stream)
        await session.close()
        guard let last else { throw APIError(status: .internalServerError, message: "Internal server error") }
        let status = HTTPResponse.Status(code: MCPHTTPSession.statelessStatus(of: last))
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: last)))
    }

    /// Every message written for a request as an SSE event, the response last; `finished` runs
    /// once the stream ends (an ephemeral session closes there).
    private static func eventStream(
        _ stream: AsyncStream<Data>, headers: HTTPFields, finished: @escaping @Sendable () async -> Void = {}
    ) -> Response {
        var headers = headers
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                for await message in stream {
                    var buffer = ByteBuffer(string: "event: message\ndata: ")
                    buffer.writeBytes(message)
                    buffer.writeString("\n\n")
                    try await writer.write(buffer)
                }
                await finished()
                try await writer.finish(nil)
            })
    }

    /// The response to a request answered as JSON: the last message written for it.
    private static func lastMessage(of stream: AsyncStream<Data>) async -> Data? {
        var last: Data?
        for await message in stream { last = message }
        return last
    }

    private func makeServer(for caller: Caller) -> RecallServer {
        // Only the folders the server was started with: a remote client's roots are its own machine's.
        var server = RecallServer(recall: caller.recall, version: version, importFolders: settings.importFolders)
        server.trustsClientRoots = false
        server.readOnly = caller.key.scope == .read
        return server
    }
}
