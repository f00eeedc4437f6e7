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
    static func templates(for version: ProtocolVersion) -> MCPResource.TemplateList {
        let titled = version.hasStructuredOutput
        return MCPResource.TemplateList(resourceTemplates: [
            MCPResource.Template(
                uriTemplate: "recall://chat/{id}", name: "chat", title: titled ? "Chat transcript" : nil,
                mimeType: "text/markdown",
                description: "An imported conversation as Markdown (first \(messagesPerRead) messages)."),
            MCPResource.Template(
                uriTemplate: "recall://memory/{id}", name: "memory", title: titled ? "Memory" : nil,
                mimeType: "application/json",
                description: "A saved memory as JSON."),
        ])
    }

    /// A page of chats, pinned first then most recently updated.
    ///
    /// Clients call this right after connecting; if the store cannot be read the list is empty
    /// (the failure is logged) rather than an error that some clients show as a broken server.
    func list(page: Int, version: ProtocolVersion) async throws -> MCPResource.List {
        let chats: ChatPage
        do {
            chats = try await CoreCall.run(recall) {
                try $0.listChats(ChatListRequest(page: page, pageSize: Self.pageSize))
            }
        } catch let error as RecallError {
            log.warning("resources/list could not list chats: \(error.code)")
            return MCPResource.List(resources: [])
        }
        let entries = chats.items.map { chat in
            MCPResource(
                uri: "recall://chat/\(chat.id)", name: chat.title,
                title: version.hasStructuredOutput ? chat.title : nil,
                mimeType: "text/markdown",
                description: "\(chat.platform.displayName) chat, \(chat.messageCount) messages")
        }
        return MCPResource.List(
            resources: entries, nextCursor: chats.page < chats.totalPages ? String(chats.page + 1) : nil)
    }

    /// Reads one chat or memory; failures are JSON-RPC errors (`-32002` for an unknown id).
    func read(_ uri: String, kind: String, id: String) async throws -> MCPResource.ReadResult {
        do {
            if kind == "chat" {
                let request = ConversationRequest(id: id, limit: Self.messagesPerRead)
                let page = try await CoreCall.run(recall) { try $0.conversation(request) }
                return Self.contents(uri, "text/markdown", ConversationMarkdown.render(page))
            }
            let memory = try await CoreCall.run(recall) { try $0.memory(id: id) }
            return Self.contents(
                uri, "application/json", String(decoding: try ToolOutputEncoder.encode(memory), as: UTF8.self))
        } catch let error as RecallError {
            throw error.jsonRPCError(resource: uri)
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

    private static func contents(_ uri: String, _ mimeType: String, _ text: String) -> MCPResource.ReadResult {
        MCPResource.ReadResult(contents: [MCPResource.TextContents(uri: uri, mimeType: mimeType, text: text)])
    }
}
