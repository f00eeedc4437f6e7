import Foundation

/// Reads one project of a Claude export's `projects.json`, so that what a user put in their
/// projects is searchable like their chats.
///
/// Claude's export does not say which conversation belongs to which project, so a project cannot
/// become a bucket of its chats. Instead each project becomes one conversation of its own, titled
/// "Project: <name>" (id `project:<uuid>`): its custom instructions (`prompt_template`) as a hidden
/// system message, its description as a message, and one message per knowledge document
/// (`docs[]`) — named after the file, with the document attached and its text as the attachment's
/// extracted text, which the store indexes. The project's flags and creator go to the metadata
/// (`kind` = `project`).
struct ClaudeProjectsParser: ExportParser {
    let platform = Platform.claude
    /// A file forced to Claude is read as conversations, never as projects.
    let readsForcedFiles = false

    private struct Probe: Decodable {
        var uuid: String
        var name: String?
        var promptTemplate: String?
        var docs: [JSONValue]?
        var chatMessages: JSONValue?

        private enum CodingKeys: String, CodingKey {
            case uuid
            case name
            case docs
            case promptTemplate = "prompt_template"
            case chatMessages = "chat_messages"
        }
    }

    func recognizes(_ sample: Data) -> Bool {
        guard let probe = try? JSONDecoder().decode(Probe.self, from: sample) else { return false }
        return probe.chatMessages == nil && probe.name != nil && (probe.promptTemplate != nil || probe.docs != nil)
    }

    func parse(element: Data, file: String) throws -> (ParsedConversation, [ImportDiagnostic]) {
        let project = try JSONDecoder().decodeConversation(
            ClaudeProjectsWire.Project.self, from: element, platform: .claude)
        guard recognizes(element) else {
            throw ExportParseError(
                "not a Claude project (expected an object with \"uuid\", \"name\" and \"prompt_template\" or \"docs\", and no \"chat_messages\")",
                conversation: project.uuid)
        }
        var diagnostics: [ImportDiagnostic] = []
        var messages: [ParsedMessage] = []
        func add(_ message: ParsedMessage) {
            var message = message
            message.parentSourceID = messages.last?.sourceID
            message.activePosition = messages.count
            messages.append(message)
        }
        let created = project.createdAt.flatMap(ISO8601Timestamp.date(from:))
        if let instructions = project.promptTemplate?.nonBlank {
            add(
                ParsedMessage(
                    sourceID: "\(project.uuid)#prompt_template", role: .system, text: instructions, createdAt: created,
                    hidden: true, contentType: "prompt_template"))
        }
        if let description = project.description?.nonBlank {
            add(
                ParsedMessage(
                    sourceID: "\(project.uuid)#description", role: .user, text: description, createdAt: created,
                    contentType: "project_description"))
        }
        for (index, entry) in project.docs.enumerated() {
            guard case .doc(let doc) = entry else {
                if case .unreadable(let problem) = entry {
                    diagnostics.append(
                        ImportDiagnostic(
                            severity: .warning, file: file, conversation: "project:\(project.uuid)",
                            message: "docs[\(index)] could not be read (\(problem)); skipped"))
                }
                continue
            }
            let name = doc.filename?.nonBlank ?? "document \(index + 1)"
            let content = doc.content ?? ""
            add(
                ParsedMessage(
                    sourceID: doc.uuid ?? "\(project.uuid)#doc-\(index)", role: .user,
                    text: "Project document: \(name)",
                    createdAt: doc.createdAt.flatMap(ISO8601Timestamp.date(from:)) ?? created,
                    contentType: "project_doc",
                    attachments: [
                        Attachment(kind: .file, name: name, size: content.utf8.count, extractedText: content.nonBlank)
                    ]))
        }
        var metadata = ["kind": "project", "project_uuid": project.uuid]
        metadata["description"] = project.description?.nonBlank
        metadata["creator"] = project.creatorName?.nonBlank
        if let isPrivate = project.isPrivate { metadata["is_private"] = String(isPrivate) }
        if project.isStarterProject == true { metadata["is_starter_project"] = "true" }
        let conversation = ParsedConversation(
            platform: .claude, sourceID: "project:\(project.uuid)",
            title: "Project: \(project.name?.nonBlank ?? project.uuid)", createdAt: created,
            updatedAt: project.updatedAt.flatMap(ISO8601Timestamp.date(from:)), messages: messages, metadata: metadata)
        return (conversation, diagnostics)
    }
}
