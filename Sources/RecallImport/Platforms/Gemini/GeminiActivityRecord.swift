import Foundation

/// One record of Google's "My Activity" for Gemini Apps, read from `MyActivity.json` or
/// `MyActivity.html`, before it is classified and grouped (`GeminiActivityLog`).
///
/// A record is one event: usually a prompt with its answer, sometimes feedback, a Canvas
/// document, a chosen draft. The prompt has no field of its own: it is the title after a
/// localised verb ("Prompted …", Czech "Pokyn …").
struct GeminiActivityRecord: Sendable, Equatable {
    /// The verb, when the format separates it (the HTML page puts `&nbsp;` after it).
    var verb: String?
    /// The title: after the verb when `verb` is set, the whole title otherwise.
    var title: String
    /// When it happened.
    var time: Date?
    /// A stable name for the record within the file: the JSON `time` text, or the ISO form of
    /// the HTML timestamp, or its position when it has neither.
    var key: String
    /// The answers as clean text, in the order the file lists them; more than one means the
    /// answer was regenerated.
    var answers: [String]
    /// Files and images attached to the prompt.
    var attachments: [Attachment]
    /// The conversation id from a `gemini.google.com/app/<id>` link, when the record has one.
    var conversationID: String?
    /// The record's header when it is not a product name: then it names the conversation.
    var conversationTitle: String?
    /// The Gem (custom Gemini) the prompt went to, when the record says.
    var gem: String?
    /// Whether the record belongs to Gemini (or Bard) rather than another Google product.
    var isGemini: Bool
    /// The product the record belongs to, for messages about records of other products.
    var product: String?

    /// The Gemini conversation id in a link such as `https://gemini.google.com/app/94cecb9cb34fa6cf`.
    static func conversationID(in link: String) -> String? {
        guard let range = link.range(of: "gemini.google.com/app/") else { return nil }
        let id = link[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return id.isEmpty ? nil : String(id)
    }

    /// Whether a product or header name is Gemini's, in any language ("Gemini Apps", "Aplikace
    /// Gemini", the former "Bard").
    static func isGeminiProduct(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("gemini") || lowered.contains("bard")
    }

    /// A header names the conversation when it is not a product name: Takeout writes the product
    /// ("Gemini Apps") there, tools that imitate it sometimes write a title.
    static func conversationTitle(header: String?, products: [String]) -> String? {
        guard let header = header?.trimmingCharacters(in: .whitespacesAndNewlines), !header.isEmpty,
            !isGeminiProduct(header), !products.contains(header)
        else { return nil }
        return header
    }

    /// The Gem named in a note like "RonbunOchiAI3 was used in this chat. Manage your Gems."
    static func gem(in note: String) -> String? {
        guard let range = note.range(of: " was used in this chat") else { return nil }
        let name = note[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }
}
