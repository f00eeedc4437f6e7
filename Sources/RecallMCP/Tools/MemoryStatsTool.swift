import RecallCore

/// `memory_stats`: counts by platform, type, bucket and tag, recent imports, and the store.
struct MemoryStatsTool: RecallTool {
    static let name = "memory_stats"
    static let title = "Memory stats"
    static let description = "Counts of chats, messages and memories by platform, memory type, bucket and tag; recent imports; store path, size and schema version."
    static let annotations = ToolAnnotations.readOnly

    static let inputSchema = JSONSchema.object([:])

    static let outputSchema = JSONSchema.object(
        [
            "path": JSONSchema.string(), "size_bytes": JSONSchema.integer(), "schema_version": JSONSchema.integer(),
            "chats": JSONSchema.integer(), "messages": JSONSchema.integer(), "memories": JSONSchema.integer(),
            "superseded_memories": JSONSchema.integer(), "chats_by_platform": JSONSchema.anyObject(),
            "memories_by_type": JSONSchema.anyObject(), "by_bucket": JSONSchema.anyObject(),
            "by_tag": JSONSchema.anyObject(), "imports": JSONSchema.objects,
        ],
        required: ["path", "size_bytes", "schema_version", "chats", "messages", "memories"])

    typealias Arguments = NoArguments

    func call(_ arguments: NoArguments, context: ToolContext) async throws -> StoreStats {
        try await context.core { try $0.stats() }
    }
}
