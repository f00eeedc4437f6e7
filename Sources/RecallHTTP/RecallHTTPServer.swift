import Foundation
import Hummingbird
import Logging
import NIOCore
public import RecallCore

/// `recall serve --http`: MCP Streamable HTTP at `/mcp` and the hosted services' REST routes,
/// every request authenticated by an API key and confined to that key's account.
///
/// ```swift
/// let server = RecallHTTPServer(recall: recall, settings: HTTPSettings(port: 8765), version: "1.0")
/// try await server.run()   // until SIGTERM or SIGINT; requests in flight finish first
/// ```
public struct RecallHTTPServer: Sendable {
    /// The store; each request sees it through its key's account.
    public let recall: Recall
    /// Address, limits and allowances.
    public let settings: HTTPSettings
    /// Reported by `/mcp` in `serverInfo.version` and by `/openapi.json`.
    public let version: String

    /// A server over `recall`.
    public init(recall: Recall, settings: HTTPSettings, version: String) {
        self.recall = recall
        self.settings = settings
        self.version = version
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting connections and lets requests in
    /// flight finish.
    ///
    /// `onListening` gets the bound port (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await serve(logger: Logger(label: "recall.http"), onListening: onListening) { try await $0.runService() }
    }

    /// Serves inside the caller's task until it is cancelled (tests on an ephemeral port).
    public func runUntilCancelled(onListening: @escaping @Sendable (Int) async -> Void) async throws {
        // Cancelling drops open connections, which the server reports as errors; nothing to tell.
        var logger = Logger(label: "recall.http")
        logger.logLevel = .critical
        try await serve(logger: logger, onListening: onListening) { try await $0.run() }
    }

    private func serve(
        logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void,
        _ body: (Application<RouterResponder<RecallRequestContext>>) async throws -> Void
    ) async throws {
        let uploads = try UploadFolder(settings.uploadFolder)
        defer { uploads.remove() }
        let sessions = MCPSessionTable()
        let application = Application(
            router: makeRouter(sessions: sessions, uploads: uploads),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port), serverName: "recall"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        do {
            try await body(application)
        } catch {
            await sessions.closeAll()
            throw error
        }
        await sessions.closeAll()
    }

    /// Every route as `METHOD path`, read from the router itself (the OpenAPI test compares them).
    public static func routes() throws -> Set<String> {
        let server = RecallHTTPServer(recall: .inMemory(), settings: HTTPSettings(), version: "")
        let uploads = try UploadFolder(nil)
        defer { uploads.remove() }
        let router = server.makeRouter(sessions: MCPSessionTable(), uploads: uploads, web: false)
        return Set(router.routes.map { "\($0.method) \($0.path)" })
    }

    /// Every operation `/openapi.json` documents, as `METHOD path`.
    public static var documentedRoutes: Set<String> { OpenAPIDocument.operations }

    /// Every route of the web page as `METHOD path` (documented in the README, not in the API's document).
    public static func webRoutes() throws -> Set<String> {
        let server = RecallHTTPServer(recall: .inMemory(), settings: HTTPSettings(), version: "")
        let uploads = try UploadFolder(nil)
        defer { uploads.remove() }
        let all = server.makeRouter(sessions: MCPSessionTable(), uploads: uploads, web: true).routes.map {
            "\($0.method) \($0.path)"
        }
        return Set(all).subtracting(try routes())
    }

    private func makeRouter(sessions: MCPSessionTable, uploads: UploadFolder, web: Bool = true) -> Router<
        RecallRequestContext
    > {
        let router = Router(context: RecallRequestContext.self)
        router.add(
            middleware: GateMiddleware(
                recall: recall,
                limiter: RateLimiter(perMinute: settings.perMinute, perMonth: settings.perMonth, clock: recall.clock),
                origins: OriginPolicy(allowed: Set(settings.allowedOrigins))))
        MCPRoutes(sessions: sessions, version: version, settings: settings).register(on: router)
        RESTRoutes(settings: settings, uploads: uploads, version: version).register(on: router)
        if web { WebRoutes(recall: recall, settings: settings, uploads: uploads).register(on: router) }
        return router
    }
}
