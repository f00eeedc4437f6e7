import RecallCore

/// What every answer of the stateless revision (2026-07-28) carries, added in this one place
/// for every method: `resultType`, the server's identity in `_meta`, the cache hints of a
/// cacheable result, and this revision's error codes.
struct StatelessStamp: Sendable {
    /// `_meta["io.modelcontextprotocol/serverInfo"]`: who answered.
    let serverInfo: JSONValue
    /// The method's cache hints; nil for none.
    let caching: ResultCaching?

    /// The stamp for a method with `caching`, answered by a server of `serverVersion`.
    init(version: ProtocolVersion, serverVersion: String, caching: ResultCaching?) {
        let implementation = InitializeResult.Implementation(version: version, serverVersion: serverVersion)
        serverInfo = (try? JSONValue(encoding: implementation)) ?? .object([:])
        self.caching = caching
    }

    /// The plan with its result stamped and its error moved to this revision's codes.
    func apply(to plan: RequestPlan) -> RequestPlan {
        switch plan {
        case .respond(let result): return .respond(stamp(result))
        case .fail(let error): return .fail(Self.modern(error))
        case .run(let body):
            return .run { [self] request in
                do {
                    return stamp(try await body(request))
                } catch let error as JSONRPCError {
                    throw Self.modern(error)
                }
            }
        }
    }

    /// One result with `resultType`, `_meta` serverInfo and, when cacheable, `ttlMs` and `cacheScope`.
    func stamp(_ result: JSONValue) -> JSONValue {
        guard case .object(var fields) = result else { return result }
        fields["resultType"] = .string("complete")
        var meta = fields["_meta"]?.objectValue ?? [:]
        meta["io.modelcontextprotocol/serverInfo"] = serverInfo
        fields["_meta"] = .object(meta)
        if let caching {
            fields["ttlMs"] = .int(caching.ttlMs)
            fields["cacheScope"] = .string("private")
        }
        return .object(fields)
    }

    /// A missing resource is `-32602` in this revision (it was `-32002`), with the same data.
    static func modern(_ error: JSONRPCError) -> JSONRPCError {
        guard error.code == -32002 else { return error }
        return JSONRPCError(code: -32602, message: error.message, data: error.data)
    }
}
