import RecallCore

/// `add_memory`: saves one memory, or chat turns from which facts are extracted.
struct AddMemoryTool: RecallTool {
    static let name = "add_memory"
    static let title = "Add memory"
    static let description = """
        Save a memory (content), or chat turns (messages) to extract facts from; extract=false keeps \
        turns verbatim. An image memory is image_ref plus image_description.
        """
    static let annotations = ToolAnnotations.additive

    static let inputSchema = JSONSchema.object(
        [
            "content": JSONSchema.string("The memory, one statement; give this or messages."),
            "messages": JSONSchema.array(
                of: JSONSchema.object(
                    ["role": JSONSchema.string("user or assistant."), "content": JSONSchema.string("What was said.")],
                    required: ["role", "content"]),
                "Chat turns to extract facts from, oldest first."),
            "extract": JSONSchema.boolean(
                "With messages: extract facts, or false to keep each turn verbatim.", default: true),
            "tags": JSONSchema.strings("Labels to find it by."),
            "bucket": JSONSchema.string(
                "Keep it in this bucket (\(JSONSchema.Says.bucket)); memories are compared within one."),
            "memory_type": JSONSchema.memoryType("The kind of memory (default note)."),
            "memories_at": JSONSchema.date("When it was true or said: \(JSONSchema.Says.date); default now."),
            "latitude": JSONSchema.number("Where it happened, in degrees.", minimum: -90, maximum: 90),
            "longitude": JSONSchema.number("Where it happened, in degrees.", minimum: -180, maximum: 180),
            "metadata": JSONSchema.anyObject("Any JSON object to keep with it."),
            "user_id": JSONSchema.string("Whose memory it is: \(JSONSchema.Says.user)."),
            "image_ref": JSONSchema.string("For an image memory: the image's path or URL."),
            "image_description": JSONSchema.string("For an image memory: what it shows (searchable)."),
        ])

    static let outputSchema = JSONSchema.record

    struct Arguments: ToolArguments {
        var content: String?
        var messages: [ChatTurn]?
        var extract: Bool?
        var tags: [String]?
        var bucket: String?
        var memoryType: MemoryType?
        var memoriesAt: ISODate?
        var latitude: Double?
        var longitude: Double?
        var metadata: [String: JSONValue]?
        var userID: String?
        var imageRef: String?
        var imageDescription: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case content, messages, extract, tags, bucket, latitude, longitude, metadata
            case memoryType = "memory_type"
            case memoriesAt = "memories_at"
            case userID = "user_id"
            case imageRef = "image_ref"
            case imageDescription = "image_description"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> AddMemoryResult {
        try Self.validate(arguments)
        let request = AddMemoryRequest(
            content: arguments.content, messages: arguments.messages, extract: arguments.extract ?? true,
            tags: arguments.tags ?? [], bucket: arguments.bucket, memoryType: arguments.memoryType,
            memoriesAt: arguments.memoriesAt?.start, latitude: arguments.latitude, longitude: arguments.longitude,
            metadata: arguments.metadata, userID: arguments.userID, imageRef: arguments.imageRef,
            imageDescription: arguments.imageDescription)
        return try await context.core { try $0.addMemory(request) }
    }

    /// Exactly one of `content` and `messages`, neither empty.
    private static func validate(_ arguments: Arguments) throws {
        switch (arguments.content, arguments.messages) {
        case (nil, nil) where arguments.imageRef != nil:
            if arguments.imageDescription?.allSatisfy(\.isWhitespace) ?? true {
                throw RecallError.invalidArguments(
                    field: "image_description", "is required with `image_ref` when there is no `content`")
            }
        case (nil, nil):
            throw RecallError.invalidArguments(field: "content", "or `messages` is required")
        case (.some, .some):
            throw RecallError.invalidArguments(field: "content", "and `messages` cannot both be given; send one")
        case (let content?, nil) where content.allSatisfy(\.isWhitespace):
            throw RecallError.invalidArguments(field: "content", "must not be empty")
        case (nil, let messages?) where messages.isEmpty:
            throw RecallError.invalidArguments(field: "messages", "must hold at least one {role, content} turn")
        default:
            break
        }
    }
}
