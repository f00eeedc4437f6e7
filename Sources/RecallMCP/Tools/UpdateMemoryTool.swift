import RecallCore

/// `update_memory`: changes a memory; a content change supersedes it, keeping the old version.
struct UpdateMemoryTool: RecallTool {
    static let name = "update_memory"
    static let title = "Update memory"
    static let description = """
        Change a memory's content, tags, bucket, type or pin. New content supersedes it; the old one \
        stays linked.
        """
    static let annotations = ToolAnnotations.destructiveIdempotent

    static let inputSchema = JSONSchema.object(
        [
            "id": JSONSchema.string("The memory (mem_…)."),
            "content": JSONSchema.string("New text; the old version stays, linked as superseded."),
            "tags": JSONSchema.strings("New tags, replacing the old ones."),
            "bucket": JSONSchema.string("Move it to this bucket; \"\" takes it out."),
            "memory_type": JSONSchema.memoryType("Its new type."),
            "pinned": JSONSchema.boolean("Pin (true) or unpin (false)."),
        ],
        required: ["id"])

    static let outputSchema = JSONSchema.record

    struct Arguments: ToolArguments {
        var id: String
        var content: String?
        var tags: [String]?
        var bucket: String?
        var memoryType: MemoryType?
        var pinned: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, content, tags, bucket, pinned
            case memoryType = "memory_type"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> Memory {
        if arguments.content == nil, arguments.tags == nil, arguments.bucket == nil, arguments.memoryType == nil,
            arguments.pinned == nil
        {
            throw RecallError.invalidArguments(
                field: "content", "or another field to change (`tags`, `bucket`, `memory_type`, `pinned`) is required")
        }
        if let content = arguments.content, content.allSatisfy(\.isWhitespace) {
            throw RecallError.invalidArguments(field: "content", "must not be empty")
        }
        let update = MemoryUpdate(
            id: arguments.id, content: arguments.content, tags: arguments.tags, bucket: arguments.bucket,
            memoryType: arguments.memoryType, pinned: arguments.pinned)
        return try await context.core { try $0.updateMemory(update) }
    }
}
