import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A browser's part in the web page's tests: keeps the sign-in cookie, sends forms, and does not
/// follow redirects, so each 303 and its `Set-Cookie` can be checked.
final class WebClient: @unchecked Sendable {
    let server: TestServer
    /// The `recall_key` cookie, once signed in.
    var cookie: String?
    private let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))

    init(_ server: TestServer) {
        self.server = server
    }

    /// Closes the connection pool.
    func close() async {
        try? await client.shutdown()
    }

    /// Signs in with `key` through the form and keeps the cookie.
    @discardableResult
    func signIn(_ key: String) async throws -> TestServer.Reply {
        let reply = try await form(.POST, "/signin", ["key": key])
        if let header = reply.headers.first(name: "Set-Cookie"), let pair = header.split(separator: ";").first {
            cookie = String(pair)
        }
        return reply
    }

    /// GET of a page with the cookie.
    func get(_ path: String) async throws -> TestServer.Reply {
        try await send(.GET, path, body: nil, contentType: nil)
    }

    /// POST of a URL-encoded form with the cookie.
    func form(_ method: HTTPMethod, _ path: String, _ fields: [String: String]) async throws -> TestServer.Reply {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(
                separator: "&")
        return try await send(method, path, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// The form token of the signed-in page (read from the upload form, as a browser would).
    func token() async throws -> String {
        let page = try await get("/upload").text
        guard let range = page.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else {
            return ""
        }
        return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    func send(
        _ method: HTTPMethod, _ path: String, body: Data?, contentType: String?, headers extra: [(String, String)] = []
    ) async throws -> TestServer.Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(server.port)\(path)")
        request.method = method
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return TestServer.Reply(
            status: response.status, headers: response.headers, body: Data(buffer.readableBytesView))
    }
}
