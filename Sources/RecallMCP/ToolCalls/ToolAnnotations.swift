import RecallCore

/// The behaviour hints a client shows or uses to ask for confirmation.
///
/// Every Recall tool works
/// on the local store only, so `openWorldHint` is always false.
struct ToolAnnotations: Sendable, Equatable {
    /// Changes nothing.
    var readOnly: Bool
    /// May delete or overwrite (meaningful only when not read-only).
    var destructive: Bool
    /// Repeating the call with the same arguments has no further effect.
    var idempotent: Bool

    /// Reads only.
    static let readOnly = ToolAnnotations(readOnly: true, destructive: false, idempotent: true)
    /// Adds without overwriting.
    static let additive = ToolAnnotations(readOnly: false, destructive: false, idempotent: false)
    /// Adds, and repeating it changes nothing more (imports upsert).
    static let additiveIdempotent = ToolAnnotations(readOnly: false, destructive: false, idempotent: true)
    /// Overwrites or deletes; repeating it changes nothing more.
    static let destructiveIdempotent = ToolAnnotations(readOnly: false, destructive: true, idempotent: true)

    /// The hints as MCP's `ToolAnnotations` object.
    ///
    /// `destructiveHint` and `idempotentHint` only mean something when a tool is not read-only
    /// (the spec says so), so read-only tools leave them out and keep `tools/list` small.
    var json: JSONValue {
        var hints: [String: JSONValue] = ["readOnlyHint": .bool(readOnly), "openWorldHint": .bool(false)]
        if !readOnly {
            hints["destructiveHint"] = .bool(destructive)
            hints["idempotentHint"] = .bool(idempotent)
        }
        return .object(hints)
    }
}
