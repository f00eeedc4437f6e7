import RecallCore

/// `memory_stats`: counts by platform, type, bucket and tag, recent imports, and the store.
struct MemoryStatsTool: RecallTool {
    static let name = "memory_stats"
    static let title = "Memory stats"
    static let description =
        "Counts by platform, memory type, bucket and tag; recent imports; store path, size and schema."
    static let annotations = ToolAnnotations.readOnly

    static let inputSchema = JSONSchema.object([:])

    static let outputSchema = JSONSchema.record

    typealias Arguments = NoArguments

    func call(_ arguments: NoArguments, context: ToolContext) async throws -> StoreStats {
        try await context.core { try $0.stats() }
    }
}
