import RecallCore

/// The protocol revisions that have a method.
///
/// The stateless revision (2026-07-28) dropped the handshake (`initialize`), `ping` and
/// `logging/setLevel`, and added `server/discover`; a method called in a revision that lacks it
/// is `-32601`, the same answer as a name the server never heard of.
enum MethodRevisions: Sendable, Equatable {
    /// Every revision this server speaks.
    case all
    /// Only the revisions opened with the `initialize` handshake (2024-11-05 to 2025-11-25).
    case handshake
    /// Only the stateless revisions, where every request carries its own envelope.
    case stateless

    /// Whether `version` has the method.
    func contains(_ version: ProtocolVersion) -> Bool {
        switch self {
        case .all: true
        case .handshake: !version.isStateless
        case .stateless: version.isStateless
        }
    }
}

/// How long a stateless client may keep a result (`ttlMs`), always in its own cache only
/// (`cacheScope: private`, since results depend on the caller's key).
enum ResultCaching: Sendable, Equatable {
    /// An hour: lists and descriptions that never change while the server runs.
    case fixed
    /// Never fresh: the store behind the result changes with every import or edit.
    case fresh

    /// The `ttlMs` the result carries.
    var ttlMs: Int64 {
        switch self {
        case .fixed: 3_600_000
        case .fresh: 0
        }
    }
}
