import RecallCore

/// The per-request `_meta` fields of the stateless revision (2026-07-28): the protocol version
/// and the client's capabilities travel with every request, replacing the `initialize` handshake.
struct StatelessEnvelope: Sendable {
    static let versionKey = "io.modelcontextprotocol/protocolVersion"
    static let capabilitiesKey = "io.modelcontextprotocol/clientCapabilities"
    static let logLevelKey = "io.modelcontextprotocol/logLevel"
    static let clientInfoKey = "io.modelcontextprotocol/clientInfo"

    /// The revision the request speaks.
    let version: ProtocolVersion
    /// What the client can do, for this request only.
    let clientCapabilities: [String: JSONValue]
    /// The least severe log message the client wants for this request; none when absent.
    let logLevel: LogLevel?

    /// Capabilities that would make the server send requests to the client, which a stateless
    /// server must not do: the tools then work without them (no sampling, no roots).
    private static let requestCapabilities: Set<String> = ["sampling", "roots", "elicitation"]

    /// The client's capabilities this server may use in a stateless call: those that need no
    /// request back to the client.
    var usableCapabilities: [String: JSONValue] {
        clientCapabilities.filter { !Self.requestCapabilities.contains($0.key) }
    }

    /// Whether a request's params carry a stateless envelope (its protocol version key).
    static func isPresent(in params: JSONValue?) -> Bool {
        params?["_meta"]?[versionKey] != nil
    }

    /// Reads and checks the envelope: a missing field is `-32602`, a revision this server does
    /// not speak is `-32022` with the supported list, so the client can retry with one of them.
    static func read(_ params: JSONValue?) -> Result<StatelessEnvelope, JSONRPCError> {
        guard let meta = params?["_meta"]?.objectValue else {
            return .failure(
                .invalidParams("params._meta must be an object carrying \(versionKey) and \(capabilitiesKey)"))
        }
        let missing = [versionKey, capabilitiesKey].filter { meta[$0] == nil }
        guard missing.isEmpty else {
            return .failure(.invalidParams("params._meta is missing \(missing.joined(separator: " and "))"))
        }
        guard let requested = meta[versionKey]?.stringValue else {
            return .failure(.invalidParams("\(versionKey) must be a string"))
        }
        guard let version = ProtocolVersion.statelessSupported.first(where: { $0.rawValue == requested }) else {
            return .failure(.unsupportedProtocolVersion(requested))
        }
        guard let capabilities = meta[capabilitiesKey]?.objectValue else {
            return .failure(.invalidParams("\(capabilitiesKey) must be an object"))
        }
        var logLevel: LogLevel?
        if let level = meta[logLevelKey] {
            guard let name = level.stringValue, let parsed = LogLevel(rawValue: name) else {
                let levels = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(.invalidParams("\(logLevelKey) must be one of \(levels)"))
            }
            logLevel = parsed
        }
        return .success(StatelessEnvelope(version: version, clientCapabilities: capabilities, logLevel: logLevel))
    }
}
