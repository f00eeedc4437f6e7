public import Foundation

/// The one API both adapters call: import, search, remember, forget.
///
/// ```swift
/// let recall = try Recall(location: .file(path))
/// let summary = try recall.importChats(ImportRequest(path: "~/Downloads/chatgpt.zip"))
/// let page = try recall.search(SearchRequest(query: "tax return"))
/// ```
///
/// The store opens lazily on first use, so an MCP server can answer `initialize` before any
/// disk work happens.
public final class Recall: Sendable {
    /// Where the store lives.
    public let location: StoreLocation
    /// The clock; tests inject a fixed one.
    public let clock: @Sendable () -> Date

    /// Creates a Recall over a store; nothing is opened until the first call.
    public init(location: StoreLocation, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.location = location
        self.clock = clock
    }

    /// A Recall over a fresh in-memory store, for tests and previews.
    public static func inMemory(clock: @escaping @Sendable () -> Date = { Date() }) -> Recall {
        Recall(location: .inMemory, clock: clock)
    }

    /// Ranked search over memories and messages.
    public func search(_ request: SearchRequest) throws -> SearchPage {
        throw RecallError(.internalError, "search is not available yet")
    }

    /// A context block about a topic that fits the token budget.
    public func context(_ request: ContextRequest) throws -> ContextBlock {
        throw RecallError(.internalError, "context is not available yet")
    }

    /// Saves a memory or extracts memories from chat turns.
    public func addMemory(_ request: AddMemoryRequest) throws -> AddMemoryResult {
        throw RecallError(.internalError, "addMemory is not available yet")
    }

    /// Lists memories, cursor-paged.
    public func listMemories(_ request: MemoryListRequest) throws -> MemoryPage {
        throw RecallError(.internalError, "listMemories is not available yet")
    }

    /// Changes a memory; a content change supersedes it and returns the new memory.
    public func updateMemory(_ update: MemoryUpdate) throws -> Memory {
        throw RecallError(.internalError, "updateMemory is not available yet")
    }

    /// Deletes memories, chats or an import, or reports what would go.
    public func forget(_ request: ForgetRequest) throws -> ForgetResult {
        throw RecallError(.internalError, "forget is not available yet")
    }

    /// Imports an export; `progress` is called as conversations are stored.
    public func importChats(
        _ request: ImportRequest, progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        throw RecallError(.internalError, "importChats is not available yet")
    }

    /// Lists chats, page-numbered.
    public func listChats(_ request: ChatListRequest) throws -> ChatPage {
        throw RecallError(.internalError, "listChats is not available yet")
    }

    /// Reads a slice of one conversation's active branch.
    public func conversation(_ request: ConversationRequest) throws -> ConversationPage {
        throw RecallError(.internalError, "conversation is not available yet")
    }

    /// Renames, pins, moves or tags a chat.
    public func updateChat(_ update: ChatUpdate) throws -> Chat {
        throw RecallError(.internalError, "updateChat is not available yet")
    }

    /// Runs fact extraction over chats, an import or text.
    public func extractMemories(_ request: ExtractRequest) throws -> ExtractResult {
        throw RecallError(.internalError, "extractMemories is not available yet")
    }

    /// Counts and facts about the store.
    public func stats() throws -> StoreStats {
        throw RecallError(.internalError, "stats is not available yet")
    }

    /// One memory by id.
    public func memory(id: String) throws -> Memory {
        throw RecallError(.internalError, "memory is not available yet")
    }
}
