import Foundation
import RecallCore

/// How one memory shows in a list: content, type, confidence, tags, bucket, time and place, its
/// source turn one click away, and what can be done with it.
enum MemoryCard {
    /// The card for `memory`.
    static func render(_ memory: Memory, user: WebUser) -> HTML {
        let tags = memory.tags.map { tag -> HTML in
            "<a class=\"tag\" href=\"/memories?tags=\(HTML.query(tag))\">\(tag)</a>"
        }
        var meta: [HTML] = [
            "<span>\(memory.type.rawValue)</span>",
            "<span>confidence \(String(format: "%.2f", memory.confidence))</span>",
            "<span>stored <time>\(WebPage.time(memory.createdAt))</time></span>",
        ]
        if let at = memory.memoriesAt { meta.append("<span>about <time>\(WebPage.time(at))</time></span>") }
        if let latitude = memory.latitude, let longitude = memory.longitude {
            meta.append("<span>at \(String(format: "%.4f, %.4f", latitude, longitude))</span>")
        }
        if let bucket = memory.bucket {
            meta.append("<span>bucket <a href=\"/memories?bucket=\(HTML.query(bucket))\">\(bucket)</a></span>")
        }
        if memory.userID != Memory.defaultUserID { meta.append("<span>user \(memory.userID)</span>") }
        if memory.pinned { meta.append("<span><strong>pinned</strong></span>") }
        if memory.supersededBy != nil { meta.append("<span><strong>replaced</strong></span>") }
        if memory.supersedes != nil { meta.append("<span>edited</span>") }
        var actions: [HTML] = ["<a href=\"/memories/\(memory.id)\">History and edit</a>"]
        if let source = memory.source { actions.append(sourceLink(source)) }
        if user.canWrite, memory.supersededBy == nil {
            actions.append(pinForm(memory, user: user))
            actions.append("<a href=\"/memories/\(memory.id)/forget\">Forget…</a>")
        }
        return """
            <li class="card memory" id="\(memory.id)"><p class="content">\(memory.content)</p>
            <div class="meta">\(meta)</div>
            <div class="meta">\(tags)</div>
            <div class="actions">\(actions)</div></li>
            """
    }

    /// A link to the turn a memory came from, opened at that message.
    static func sourceLink(_ source: MemorySource) -> HTML {
        if let message = source.messageID {
            return "<a href=\"/chats/\(source.chatID)?at=\(message)#\(message)\">Source turn</a>"
        }
        return "<a href=\"/chats/\(source.chatID)\">Source chat</a>"
    }

    /// Pin or unpin, as one button.
    static func pinForm(_ memory: Memory, user: WebUser) -> HTML {
        """
        <form method="post" action="/memories/\(memory.id)/pin">\(user.tokenField)<input type="hidden" name="pinned" value="\(memory.pinned ? "false" : "true")"><button class="quiet" type="submit">\(memory.pinned ? "Unpin" : "Pin")</button></form>
        """
    }
}
