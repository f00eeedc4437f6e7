import RecallCore

/// The stateless revision (2026-07-28): no handshake; each request carries its version and the
/// client's capabilities in `params._meta`, and every result says `resultType`.
///
/// Older clients keep the `initialize` handshake on the same connection; a request is served
/// statelessly exactly when it carries the envelope (or is `server/discover`).
extension MCPSession {
    /// Lists whose content is fixed for the life of the server, cached by clients for an hour.
    private static let fixedLists: Set<String> = ["tools/list", "prompts/list", "resources/templates/list"]
    /// Results that carry `ttlMs` and `cacheScope`.
    private static let cacheable: Set<String> = fixedLists.union(["server/discover", "resources/list", "resources/read"])
    /// Capabilities that would make the server send requests to the client, which a stateless
    /// server must not do: the tools then work without them (no sampling, no roots).
    private static let requestCapabilities: Set<String> = ["sampling", "roots", "elicitation"]

    func planStateless(method: String, params: JSONValue?) -> RequestPlan {
        let envelope: StatelessEnvelope
        switch StatelessEnvelope.read(params) {
        case .success(let read): envelope = read
        case .failure(let error): return .fail(error)
        }
        let version = envelope.version
        let plan: RequestPlan
        switch method {
        case "server/discover":
            plan = .respond(discoverResult(version))
        case "tools/list":
            plan = singlePage(params) { tools.listResult(for: version) }
        case "tools/call":
            let capabilities = envelope.clientCapabilities.filter { !Self.requestCapabilities.contains($0.key) }
            plan = callTool(
                params, version: version, capabilities: capabilities,
                logger: .forRequest(level: envelope.logLevel, send: send))
        case "resources/templates/list":
            plan = singlePage(params) { resources.templates(for: version) }
        case "resources/list":
            plan = resources.list(params, version: version)
        case "resources/read":
            plan = resources.read(params)
        case "prompts/list":
            plan = singlePage(params) { prompts.list(for: version) }
        case "prompts/get":
            plan = prompts.get(params)
        default:
            // `initialize`, `ping` and `logging/setLevel` are gone from this revision.
            return .fail(.methodNotFound(method))
        }
        return stamped(plan, method: method, version: version)
    }

    private func discoverResult(_ version: ProtocolVersion) -> JSONValue {
        let versions = (ProtocolVersion.statelessSupported + ProtocolVersion.supported).map { JSONValue.string($0.rawValue) }
        return .object([
            "supportedVersions": .array(versions),
            "capabilities": Self.capabilities,
            "instructions": .string(ServerInstructions.text),
        ])
    }

    /// Adds what every stateless result carries, and moves errors to this revision's codes.
    private func stamped(_ plan: RequestPlan, method: String, version: ProtocolVersion) -> RequestPlan {
        let info = serverInfo(version)
        let stamp: @Sendable (JSONValue) -> JSONValue = { result in
            guard case .object(var fields) = result else { return result }
            fields["resultType"] = .string("complete")
            var meta = fields["_meta"]?.objectValue ?? [:]
            meta["io.modelcontextprotocol/serverInfo"] = info
            fields["_meta"] = .object(meta)
            if Self.cacheable.contains(method) {
                fields["ttlMs"] = .int(Self.fixedLists.contains(method) || method == "server/discover" ? 3_600_000 : 0)
                fields["cacheScope"] = .string("private")
            }
            return .object(fields)
        }
        switch plan {
        case .respond(let result): return .respond(stamp(result))
        case .fail(let error): return .fail(Self.modern(error))
        case .run(let body):
            return .run { request in
                do {
                    return stamp(try await body(request))
                } catch let error as JSONRPCError {
                    throw Self.modern(error)
                }
            }
        }
    }

    /// A missing resource is `-32602` in this revision (it was `-32002`), with the same data.
    private static func modern(_ error: JSONRPCError) -> JSONRPCError {
        guard error.code == -32002 else { return error }
        return JSONRPCError(code: -32602, message: error.message, data: error.data)
    }
}
