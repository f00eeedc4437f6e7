import Foundation
import HTTPTypes
import Hummingbird
import RecallCore

/// `/upload`: drop or choose an export or a transcript; a progress bar while it is sent (with
/// the script), then what the import did and anything it noticed, in plain words.
enum UploadPage {
    /// The upload form; `result` is the summary of an upload just made.
    static func render(user: WebUser, result: HTML = "", status: HTTPResponse.Status = .ok) -> Response {
        let platforms = ChatListPage.platformOptions(nil).map { option -> HTML in
            HTML(stringLiteral: option.text.replacingOccurrences(of: ">any<", with: ">recognise it<"))
        }
        let form: HTML =
            user.canWrite
            ? """
            <form method="post" action="/upload?\(WebSession.tokenField)=\(user.token)" enctype="multipart/form-data" data-upload class="fields">
            <label class="drop">Drop a ChatGPT, Claude, DeepSeek, Gemini, Grok or Kimi export (ZIP or JSON) or a transcript here, or choose it:
            <input type="file" name="file" required></label>
            <label>Platform <select name="platform">\(platforms)</select></label>
            <label class="check"><input type="checkbox" name="extract" value="true" checked> Extract memories from the new messages</label>
            <progress max="1" value="0" hidden></progress><p data-status role="status"></p>
            <div><button type="submit">Upload and import</button></div>
            </form>
            """ : "<p>This key is read-only: it can read but not import.</p>"
        let body: HTML = """
            \(form)
            <div id="upload-result" tabindex="-1">\(result)</div>
            """
        return WebPage.render("Upload", section: "/upload", user: user, status: status, body)
    }

    /// Receives and imports an upload as the REST upload does (with a model's safeguards), then
    /// shows the summary.
    ///
    /// The token rides in the form's address, since the body is the file.
    static func receive(
        _ request: Request, context: RecallRequestContext, settings: HTTPSettings, uploads: UploadFolder
    ) async throws -> Response {
        let user = try WebUser(context)
        let presented = WebForm(query: request).string(WebSession.tokenField) ?? request.headers[.csrfToken]
        guard WebSession.check(presented, key: context.webKey ?? "") else { throw WebError.forgedForm }
        let upload: UploadReceiver.Upload
        do {
            upload = try await UploadReceiver(folder: uploads, limit: settings.maxUploadBytes).receive(request)
        } catch let error as APIError {
            return render(
                user: user,
                result: failure(error.fieldErrors["file"] != nil ? "Choose a file to upload." : error.message),
                status: error.status)
        }
        defer { upload.remove() }
        var platform: Platform?
        if let name = upload.platform?.lowercased(), !name.isEmpty {
            guard let known = Platform(rawValue: name) else {
                return render(user: user, result: failure("There is no platform “\(name)”."), status: .badRequest)
            }
            platform = known
        }
        let extract = upload.extract ?? false
        do {
            let summary = try await CoreWork.run { [platform] () -> ImportSummary in
                let request = ImportRequest(
                    path: upload.path, platform: platform, extract: extract, policy: .restricted(to: [uploads.path]))
                return try user.recall.importChats(request)
            }
            return render(user: user, result: Self.summary(summary, fileName: upload.fileName, serverPath: upload.path))
        } catch let error as RecallError {
            let mapped = APIError.from(error)
            let message =
                mapped.status == .internalServerError
                ? "The import failed on the server; nothing from this file was stored." : error.message
            return render(
                user: user, result: failure(message.replacingOccurrences(of: upload.path, with: upload.fileName)),
                status: mapped.status)
        }
    }

    private static func failure(_ message: String) -> HTML {
        "<p class=\"error\" role=\"alert\">\(message)</p>"
    }

    /// What the import did, in words, with a link to the chats it brought in.
    static func summary(_ summary: ImportSummary, fileName: String, serverPath: String) -> HTML {
        func count(_ value: Int, _ one: String, _ many: String) -> String { "\(value) \(value == 1 ? one : many)" }
        var lines: [HTML] = [
            "<li>\(count(summary.chatsAdded, "new conversation", "new conversations")), \(count(summary.chatsUpdated, "updated", "updated")), \(count(summary.chatsUnchanged, "unchanged", "unchanged"))</li>",
            "<li>\(count(summary.messagesAdded, "message", "messages")) added\(summary.messagesUpdated > 0 ? ", \(summary.messagesUpdated) updated" : "")</li>",
            "<li>\(count(summary.memoriesExtracted, "memory", "memories")) extracted</li>",
        ]
        if summary.skipped > 0 {
            lines.append("<li>\(count(summary.skipped, "item", "items")) skipped (see below)</li>")
        }
        if let stopped = summary.stoppedEarly {
            lines.append(
                "<li class=\"error\">The import stopped early: \(stopped.replacingOccurrences(of: serverPath, with: fileName))</li>"
            )
        }
        let diagnostics = summary.diagnostics.prefix(50).map { diagnostic -> HTML in
            let file = diagnostic.file.replacingOccurrences(of: serverPath, with: fileName)
            let place = [file.isEmpty ? nil : file, diagnostic.conversation.map { "conversation “\($0)”" }].compactMap {
                $0
            }.joined(separator: ", ")
            return
                "<li>\(diagnostic.severity == .error ? "Problem" : "Note")\(place.isEmpty ? "" : " in \(place)"): \(diagnostic.message.replacingOccurrences(of: serverPath, with: fileName))</li>"
        }
        let more: HTML = summary.diagnostics.count > 50 ? "<p>… and \(summary.diagnostics.count - 50) more.</p>" : ""
        let link: HTML =
            summary.importID.map { "<p><a href=\"/chats?import=\($0)\">See the conversations from this upload</a></p>" }
            ?? ""
        return """
            <h2>Imported \(fileName) (\(summary.platform))</h2>
            <ul>\(lines)</ul>
            \(link)
            \(diagnostics.isEmpty ? "<p>No problems found.</p>" as HTML : "<h2>What the import noticed</h2><ul>\(diagnostics)</ul>\(more)")
            """
    }
}
