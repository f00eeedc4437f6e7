/// An MCP protocol revision this server speaks, and what each one allows on the wire.
struct ProtocolVersion: Comparable, Sendable, CustomStringConvertible {
    /// The revision's date string, such as `2025-11-25`.
    let rawValue: String

    /// The newest revision, offered when the client asks for one we do not know.
    static let latest = ProtocolVersion(rawValue: "2025-11-25")
    /// Every supported revision, newest first.
    static let supported: [ProtocolVersion] = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"].map(
        ProtocolVersion.init)

    /// The stateless revision: no handshake, every request carries its version and capabilities.
    static let stateless = ProtocolVersion(rawValue: "2026-07-28")
    /// Every supported stateless revision, newest first; `server/discover` offers these first.
    static let statelessSupported: [ProtocolVersion] = [stateless]

    /// The requested revision when supported, else the latest (the spec's counter-offer).
    static func negotiate(_ requested: String) -> ProtocolVersion {
        supported.first { $0.rawValue == requested } ?? latest
    }

    /// Tool `title`, `outputSchema` and `structuredContent`, and `title` elsewhere (2025-06-18).
    var hasStructuredOutput: Bool { self >= ProtocolVersion(rawValue: "2025-06-18") }
    /// Tool `annotations` (2025-03-26).
    var hasToolAnnotations: Bool { self >= ProtocolVersion(rawValue: "2025-03-26") }

    /// Whether requests in this revision carry their own `_meta` envelope instead of a handshake.
    var isStateless: Bool { self >= Self.stateless }

    /// Revisions are dates, so string order is time order.
    static func < (lhs: ProtocolVersion, rhs: ProtocolVersion) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The date string.
    var description: String { rawValue }
}
