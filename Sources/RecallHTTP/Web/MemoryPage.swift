import Foundation
import Hummingbird
import RecallCore

/// `/memories/{id}`: one memory with its history (what it replaced and when, what replaced it)
/// and the form that edits it.
enum MemoryPage {
    /// The page of one memory.
    static func render(_ id: String, user: WebUser, notice: String? = nil) async throws -> Response {
        let (memory, older, newer) = try await CoreWork.run { () -> (Memory, [Memory], [Memory]) in
            let memory = try user.recall.memory(id: id)
            // The chain both ways, bounded so a long-edited memory still opens quickly.
            var older: [Memory] = []
            var cursor = memory.supersedes
            while let previous = cursor, older.count < 50 {
                guard let found = try? user.recall.memory(id: previous) else { break }
                older.append(found)
                cursor = found.supersedes
            }
            var newer: [Memory] = []
            cursor = memory.supersededBy
            while let next = cursor, newer.count < 50 {
                guard let found = try? user.recall.memory(id: next) else { break }
                newer.append(found)
                cursor = found.supersededBy
            }
            return (memory, older, newer)
        }
        let current: HTML =
            newer.last.map { latest in
                "<p class=\"notice\">This version was replaced. The current one is <a href=\"/memories/\(latest.id)\">\(latest.content)</a>.</p>"
            } ?? ""
        let history: HTML =
            older.isEmpty
            ? "<p>No earlier versions: this memory has not been edited or replaced.</p>"
            : "<ol class=\"list history\">\(older.map { version -> HTML in "<li class=\"card\"><p class=\"content\">\(version.content)</p><div class=\"meta\"><span>stored <time>\(WebPage.time(version.createdAt))</time></span><span>replaced <time>\(WebPage.time(version.updatedAt))</time></span><a href=\"/memories/\(version.id)\">\(version.id)</a></div></li>" })</ol>"
        let body: HTML = """
            \(notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as HTML } ?? "")
            \(current)
            <ul class="list">\(MemoryCard.render(memory, user: user))</ul>
            \(user.canWrite && memory.supersededBy == nil ? editForm(memory, user: user) : "")
            <h2 id="history">History</h2>
            \(history)
            <p><a href="/memories">All memories</a></p>
            """
        return WebPage.render("Memory", section: "/memories", user: user, body)
    }

    private static func editForm(_ memory: Memory, user: WebUser) -> HTML {
        let types = MemoryType.allCases.map { type -> HTML in
            "<option\(type == memory.type ? " selected" : "")>\(type.rawValue)</option>"
        }
        return """
            <h2>Edit</h2>
            <form method="post" action="/memories/\(memory.id)" class="fields">\(user.tokenField)
            <label>Content <textarea name="content" required>\(memory.content)</textarea></label>
            <label>Type <select name="type">\(types)</select></label>
            <label>Tags <input name="tags" value="\(memory.tags.joined(separator: ", "))" placeholder="a, b"></label>
            <label>Bucket <input name="bucket" value="\(memory.bucket)"></label>
            <label>Confidence <input name="confidence" inputmode="decimal" value="\(String(format: "%.2f", memory.confidence))"></label>
            <p>Changing the content keeps the old version in the history below.</p>
            <div><button type="submit">Save</button></div>
            </form>
            """
    }

    /// Saves an edit: only what changed is sent, and a content change supersedes (the core keeps
    /// the old version, linked).
    static func save(_ id: String, form: WebForm, user: WebUser) async throws -> Response {
        let memory = try await CoreWork.run { try user.recall.memory(id: id) }
        var update = MemoryUpdate(id: id)
        if let content = form.raw("content")?.trimmingCharacters(in: .whitespacesAndNewlines) {
            guard !content.isEmpty else {
                throw WebError(status: .badRequest, message: "The content is empty; to delete the memory, use Forget.")
            }
            if content != memory.content { update.content = content }
        }
        if let name = form.string("type"), name != memory.type.rawValue {
            guard let type = MemoryType(rawValue: name) else {
                throw WebError(status: .badRequest, message: "There is no memory type “\(name)”.")
            }
            update.memoryType = type
        }
        if form.raw("tags") != nil, form.tags("tags") != memory.tags { update.tags = form.tags("tags") }
        if form.raw("bucket") != nil, (form.string("bucket") ?? "") != (memory.bucket ?? "") {
            update.bucket = form.string("bucket") ?? ""
        }
        if let text = form.string("confidence") {
            guard let value = Double(text), (0...1).contains(value) else {
                throw WebError(status: .badRequest, message: "Confidence is a number from 0 to 1, such as 0.9.")
            }
            if abs(value - memory.confidence) >= 0.005 { update.confidence = value }
        }
        if update == MemoryUpdate(id: id) { return WebPage.redirect("/memories/\(id)?saved=none") }
        let saved = try await CoreWork.run { [update] in try user.recall.updateMemory(update) }
        return WebPage.redirect("/memories/\(saved.id)?saved=1")
    }
}
