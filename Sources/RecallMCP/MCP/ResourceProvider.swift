import Foundation
import RecallCore

/// Chats and memories as MCP resources: `recall://chat/{id}` (Markdown) and
/// `recall://memory/{id}` (JSON).
struct ResourceProvider: Sendable {
    /// Chats per `resources/list` page.
    static let pageSize = 50
    /// Messages rendered when a chat is read as a resource; `get_conversation` pages further.
    static let messagesPerRead = 100

    let recall: Recall
    let log: ServerLog

    /// The two URI templates.
    func templates(for version: ProtocolVersion) -> JSONValue {
        let chat = Self.resourceEntry(
            ["uriTemplate": .string("recall://chat/{id}"), "name": .string("chat"), "mimeType": .string("text/markdown"),
             "description": .string("An imported conversation as Markdown (first \(Self.messagesPerRead) messages).")],
            title: "Chat transcript", version: version)
        let memory = Self.resourceEntry(
            ["uriTemplate": .string("recall://memory/{id}"), "name": .string("memory"),
             "mimeType": .string("application/json"), "description": .string("A saved memory as JSON.")],
            title: "Memory", version: version)
        return .object(["resourceTemplates": .array([chat, memory])])
    }

    /// A page of chats, pinned first then most recently updated; the cursor is the page number.
    ///
    /// Clients call this right after connecting; if the store cannot be read the list is empty
    /// (the failure is logged) rather than an error that some clients show as a broken server.
    func list(_ params: JSONValue?, version: ProtocolVersion) -> RequestPlan {
        var page = 1
        switch params?["cursor"] {
        case nil, .null?: break
        case .string(let cursor)?:
            guard let number = Int(cursor), number >= 1 else { return .fail(.invalidParams("unknown cursor \(cursor)")) }
            page = number
        default: return .fail(.invalidParams("cursor must be a string"))
        }
        return .run { [recall, log, page] _ in
            let chats: ChatPage
            do {
                chats = try await CoreCall.run(recall) { try $0.listChats(ChatListRequest(page: page, pageSize: Self.pageSize)) }
            } catch let error as RecallError {
                log.warning("resources/list could not list chats: \(error.code)")
                return .object(["resources": .array([])])
            }
            let entries = chats.items.map { chat in
                Self.resourceEntry(
                    ["uri": .string("recall://chat/\(chat.id)"), "name": .string(chat.title), "mimeType": .string("text/markdown"),
                     "description": .string("\(chat.platform.displayName) chat, \(chat.messageCount) messages")],
                    title: chat.title, version: version)
            }
            var result: [String: JSONValue] = ["resources": .array(entries)]
            if chats.page < chats.totalPages { result["nextCursor"] = .string(String(chats.page + 1)) }
            return .object(result)
        }
    }

    /// Reads one chat or memory.
    func read(_ params: JSONValue?) -> RequestPlan {
        guard let uri = params?["uri"]?.stringValue else { return .fail(.invalidParams("resources/read needs params.uri (a string)")) }
        guard let (kind, id) = Self.parse(uri) else { return .fail(.resourceNotFound(uri)) }
        return .run { [recall] _ in
            do {
                if kind == "chat" {
                    let request = ConversationRequest(id: id, limit: Self.messagesPerRead)
                    let page = try await CoreCall.run(recall) { try $0.conversation(request) }
                    return Self.contents(uri, "text/markdown", ConversationMarkdown.render(page))
                }
                let memory = try await CoreCall.run(recall) { try $0.memory(id: id) }
                return Self.contents(uri, "application/json", String(decoding: try ToolOutputEncoder.encode(memory), as: UTF8.self))
            } catch let error as RecallError {
                throw error.jsonRPCError(resource: uri)
            }
        }
    }

    /// `("chat", "chat_12")` from `recall://chat/chat_12`; nil for anything else.
    static func parse(_ uri: String) -> (kind: String, id: String)? {
        let prefix = "recall://"
        guard uri.hasPrefix(prefix) else { return nil }
        let path = uri.dropFirst(prefix.count).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard path.count == 2, ["chat", "memory"].contains(path[0]) else { return nil }
        let id = String(path[1]).removingPercentEncoding ?? String(path[1])
        guard !id.isEmpty, !id.contains("/") else { return nil }
        return (String(path[0]), id)
    }

    private static func contents(_ uri: String, _ mimeType: String, _ text: String) -> JSONValue {
        .object(["contents": .array([.object(["uri": .string(uri), "mimeType": .string(mimeType), "text": .string(text)])])])
    }

    private static func resourceEntry(_ fields: [String: JSONValue], title: String, version: ProtocolVersion) -> JSONValue {
        var entry = fields
        if version.hasStructuredOutput { entry["title"] = .string(title) }
        return .object(entry)
    }
}
