import Foundation

extension Recall {
    /// Saves one memory (`content`), or extracts memories from chat turns (`messages`);
    /// with `extract: false` each turn is kept verbatim, owned by its role.
    public func addMemory(_ request: AddMemoryRequest) throws -> AddMemoryResult {
        let drafts = try memoryDrafts(for: request)
        let now = clock()
        let database = try database()
        let mark = try memoryHighWater()
        let batch = try database.addMemories(drafts, now: now)
        let result = AddMemoryResult(
            memories: batch.memories, added: batch.added, merged: batch.merged, superseded: batch.superseded)
        // Vectors are made after the memory is committed, outside the write lock; a memory
        // whose vectors are lost to a crash in between is found by its words until a reindex.
        try? embedMemories(after: mark)
        return result
    }

    private func memoryDrafts(for request: AddMemoryRequest) throws -> [MemoryDraft] {
        if let latitude = request.latitude { try Validate.range(latitude, -90...90, field: "latitude") }
        if let longitude = request.longitude { try Validate.range(longitude, -180...180, field: "longitude") }
        if let confidence = request.confidence { try Validate.range(confidence, 0...1, field: "confidence") }
        var base = MemoryDraft(content: "", type: request.memoryType ?? .note, confidence: request.confidence ?? 1)
        base.tags = request.tags
        base.bucket = request.bucket
        base.userID = try userID(request.userID)
        base.memoriesAt = request.memoriesAt
        base.latitude = request.latitude
        base.longitude = request.longitude
        base.metadata = request.metadata
        base.imageRef = request.imageRef
        base.imageDescription = request.imageDescription
        if let source = request.source {
            (base.sourceChatID, base.sourceMessageID) = try database().sourceRowIDs(source)
        }
        switch (request.content, request.messages) {
        case (let content?, nil):
            try Validate.text(content, field: "content")
            var draft = base
            draft.content = content.trimmingCharacters(in: .whitespacesAndNewlines)
            return [draft]
        case (nil, let messages?):
            guard !messages.isEmpty else {
                throw RecallError.invalid("messages", "must hold at least one {role, content} turn")
            }
            for (index, turn) in messages.enumerated() {
                try Validate.text(turn.content, field: "messages[\(index)].content")
            }
            if !request.extract {
                return messages.map { turn in
                    var draft = base
                    draft.content = turn.content.trimmingCharacters(in: .whitespacesAndNewlines)
                    draft.owner = turn.role
                    return draft
                }
            }
            return messages.flatMap { turn in
                extractor.extract(
                    from: ExtractionInput(
                        text: turn.content, role: MessageRole(rawValue: turn.role.lowercased()) ?? .user,
                        date: request.memoriesAt ?? clock())
                )
                .map { candidate in
                    var draft = base
                    draft.content = candidate.content
                    draft.type = request.memoryType ?? candidate.type
                    draft.confidence = candidate.confidence
                    // The turns were said at `memories_at` (or now); relative times resolved against it.
                    draft.memoriesAt = candidate.memoriesAt
                    return draft
                }
            }
        case (nil, nil) where request.imageRef != nil:
            // An image memory says what the image shows; its description is its content.
            guard let description = request.imageDescription, !description.allSatisfy(\.isWhitespace) else {
                throw RecallError.invalid("image_description", "is required with image_ref when there is no content")
            }
            var draft = base
            draft.content = description.trimmingCharacters(in: .whitespacesAndNewlines)
            return [draft]
        case (nil, nil):
            throw RecallError(
                .invalidArgument,
                "Give `content` (one memory), `messages` (turns to extract from), or `image_ref` with `image_description`.",
                fieldErrors: ["content": "required unless messages or image_ref is given"])
        case (_?, _?):
            throw RecallError(
                .invalidArgument, "Give `content` or `messages`, not both.",
                fieldErrors: ["messages": "not allowed with content"])
        }
    }

    /// A user namespace: trimmed, non-empty, at most 128 characters.
    func userID(_ value: String?) throws -> String {
        guard let value else { return Memory.defaultUserID }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 128 else {
            throw RecallError.invalid("user_id", "must be 1 to 128 characters")
        }
        return trimmed
    }

    /// Lists memories, cursor-paged.
    public func listMemories(_ request: MemoryListRequest) throws -> MemoryPage {
        try Validate.range(request.limit, Limits.memoriesPerPage, field: "limit")
        if let minimum = request.minConfidence { try Validate.range(minimum, 0...1, field: "min_confidence") }
        var request = request
        request.userID = try userID(request.userID)
        return try database().listMemories(request)
    }

    /// Changes a memory; a content change supersedes it and returns the new memory.
    public func updateMemory(_ update: MemoryUpdate) throws -> Memory {
        if let content = update.content { try Validate.text(content, field: "content") }
        if let confidence = update.confidence { try Validate.range(confidence, 0...1, field: "confidence") }
        if update.content == nil, update.tags == nil, update.bucket == nil, update.memoryType == nil,
            update.pinned == nil,
            update.confidence == nil, update.metadata == nil
        {
            throw RecallError.invalid("fields", "give at least one of content, tags, bucket, memory_type, pinned")
        }
        let mark = try memoryHighWater()
        let memory = try database().updateMemory(update, now: clock())
        try? embedMemories(after: mark)
        return memory
    }

    /// One memory by id.
    public func memory(id: String) throws -> Memory {
        try database().memory(id: id)
    }
}
