import Crypto
import Foundation
import Hummingbird
import RecallCore

/// `/review`: what extraction would store from a chat (an `extract_memories` dry run), each
/// candidate accepted (stored with its source turn) or dropped (left out) by the person.
///
/// Dropping stores nothing: the dropped candidates ride in the page's address, so the list
/// shrinks as the person goes and a reload starts the review over.
enum ReviewPage {
    /// The chooser (no chat yet) or one chat's candidates.
    static func render(_ request: Request, user: WebUser) async throws -> Response {
        let query = WebForm(query: request)
        guard let chatID = query.string("chat") else { return try await chooser(user: user) }
        let dropped = Set(query.all("drop"))
        let (chat, result) = try await CoreWork.run { () -> (ConversationPage, ExtractResult) in
            let chat = try user.recall.conversation(ConversationRequest(id: chatID, limit: 1))
            let result = try user.recall.extractMemories(
                ExtractRequest(chatIDs: [chatID], dryRun: true, listLimit: 200))
            return (chat, result)
        }
        let open = result.candidates.filter {
            $0.verdict == .keep && [.new, .supersedes, nil].contains($0.outcome) && !dropped.contains(key($0))
        }
        let known = result.candidates.filter {
            $0.verdict == .keep && [.duplicate, .known, .older].contains($0.outcome)
        }
        let items = open.map { candidate -> HTML in
            let keep = query.encoded(without: [], adding: [("drop", key(candidate))])
            let source: HTML = candidate.source.map(MemoryCard.sourceLink) ?? ""
            return """
                <li class="card"><p class="content">\(candidate.content)</p>
                <div class="meta"><span>\(candidate.type.rawValue)</span><span>confidence \(String(format: "%.2f", candidate.confidence))</span>\(candidate.outcome == .supersedes ? "<span>would replace an older memory</span>" as HTML : "")\(source)</div>
                <div class="actions"><form method="post" action="/review/accept">\(user.tokenField)
                <input type="hidden" name="chat" value="\(chatID)"><input type="hidden" name="message" value="\(candidate.source?.messageID)">
                <input type="hidden" name="content" value="\(candidate.content)"><input type="hidden" name="type" value="\(candidate.type.rawValue)">
                <input type="hidden" name="confidence" value="\(String(candidate.confidence))"><input type="hidden" name="memories_at" value="\(candidate.memoriesAt.map { $0.formatted(.iso8601) })">
                <input type="hidden" name="back" value="\(keep)">
                <button type="submit">Accept</button></form>
                <a class="button quiet" href="/review?\(keep)">Drop</a></div></li>
                """
        }
        let notice: HTML =
            query.string("accepted") != nil ? "<p class=\"notice\" role=\"status\">Stored as a memory.</p>" : ""
        let body: HTML = """
            \(notice)
            <p>From <a href="/chats/\(chat.id)">\(chat.title)</a>: \(result.messagesScanned) messages read, \(open.count) \(open.count == 1 ? "candidate" : "candidates") to review\(dropped.isEmpty ? "" : ", \(dropped.count) dropped"), \(known.count) already known. Nothing is stored until you accept it.</p>
            <ul class="list">\(items)</ul>
            <p><a href="/review">Another chat</a> · <a href="/memories">Memories</a></p>
            """
        return WebPage.render("Review candidates", section: "/memories", user: user, body)
    }

    /// Stores one accepted candidate, with its source turn, then returns to the list.
    static func accept(_ form: WebForm, user: WebUser) async throws -> Response {
        guard let chatID = form.string("chat"), let content = form.string("content") else {
            throw WebError(
                status: .badRequest, message: "The candidate to accept is missing; reload the review and try again.")
        }
        let type = form.string("type").flatMap(MemoryType.init(rawValue:)) ?? .fact
        let confidence = form.string("confidence").flatMap(Double.init).map { min(1, max(0, $0)) }
        let memoriesAt = form.string("memories_at").flatMap(RESTValues.date)
        let request = AddMemoryRequest(
            content: content, extract: false, memoryType: type, memoriesAt: memoriesAt, confidence: confidence,
            source: MemorySource(chatID: chatID, messageID: form.string("message")))
        _ = try await CoreWork.run { try user.recall.addMemory(request) }
        let back = form.string("back") ?? "chat=\(HTML.query(chatID))"
        return WebPage.redirect("/review?\(back)&accepted=1")
    }

    /// Recent chats to review.
    private static func chooser(user: WebUser) async throws -> Response {
        let page = try await CoreWork.run { try user.recall.listChats(ChatListRequest(pageSize: 30)) }
        let rows = page.items.map { chat -> HTML in
            "<li class=\"card\"><a href=\"/review?chat=\(chat.id)\">\(chat.title)</a><div class=\"meta\"><span>\(chat.platform.rawValue)</span><span>\(chat.messageCount) messages</span><span><time>\(WebPage.time(chat.updatedAt))</time></span></div></li>"
        }
        let body: HTML = """
            <p>Choose a chat: Recall reads it, lists the facts it would remember, and stores only those you accept.</p>
            <ul class="list">\(rows)</ul>
            \(page.items.isEmpty ? "<p>No chats yet. <a href=\"/upload\">Upload an export</a> first.</p>" as HTML : "")
            """
        return WebPage.render("Review candidates", section: "/memories", user: user, body)
    }

    /// A short stable name for a candidate, for the address.
    static func key(_ candidate: MemoryCandidate) -> String {
        let digest = SHA256.hash(data: Data((candidate.content + "\n" + (candidate.source?.messageID ?? "")).utf8))
        return digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
