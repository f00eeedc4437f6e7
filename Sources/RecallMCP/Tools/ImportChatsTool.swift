import Foundation
import RecallCore

/// `import_chats`: imports a chat export from a local path, reporting progress as it goes.
struct ImportChatsTool: RecallTool {
    static let name = "import_chats"
    static let title = "Import chats"
    static let description = """
        Import a local chat export (ZIP, JSON, HTML, TXT/MD or folder); platform detected; \
        re-imports never duplicate.
        """
    static let annotations = ToolAnnotations.additiveIdempotent

    static let inputSchema = JSONSchema.object(
        [
            "path": JSONSchema.string("A file or folder on this machine: ZIP, JSON, HTML, TXT/MD; ~ works."),
            "platform": JSONSchema.platform("Read it as this platform instead of detecting it."),
            "bucket": JSONSchema.string("Put every imported chat, and memories extracted from it, in this bucket."),
            "extract": JSONSchema.boolean("Also extract memories from the messages (default false)."),
        ],
        required: ["path"])

    static let outputSchema = JSONSchema.record

    /// Progress notifications at most this often; imports call back per conversation.
    static let progressInterval: Duration = .milliseconds(100)

    /// An import runs long: reads and short writes sent meanwhile do not wait for it.
    static func kind(of arguments: [String: JSONValue]) -> CallKind { .long }

    struct Arguments: ToolArguments {
        var path: String
        var platform: Platform?
        var bucket: String?
        var extract: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case path, platform, bucket, extract
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ImportSummary {
        guard !arguments.path.allSatisfy(\.isWhitespace) else {
            throw RecallError.invalidArguments(field: "path", "must not be empty")
        }
        if context.importAccess.refusesEveryPath {
            // Over HTTP the caller is not the user running the server: no folder of it is theirs to read.
            throw RecallError.invalidArguments(
                field: "path",
                "importing from a path is off on this HTTP server; upload the export with POST /api/upload, or start the server with --allow-import FOLDER"
            )
        }
        // Only inside the folders the user allowed, with the safeguards of a model's request.
        let request = ImportRequest(
            path: arguments.path, platform: arguments.platform, bucket: arguments.bucket,
            extract: arguments.extract ?? false, policy: await context.importPolicy())
        let throttle = ProgressThrottle(interval: Self.progressInterval)
        let summary = try await context.core { recall in
            try recall.importChats(request) { progress in
                guard throttle.allows() else { return }
                // Bytes grow on every call; conversation counts may repeat, so they go in the message.
                let total = progress.totalBytes.map(Double.init)
                context.reportProgress(
                    Double(progress.bytesRead), total: total,
                    message: "\(progress.conversations) conversations read")
            }
        }
        if !summary.diagnostics.isEmpty {
            context.log(
                .warning,
                "Import \(summary.importID ?? "of \(arguments.path)") finished with \(summary.diagnostics.count) diagnostics."
            )
        }
        return summary
    }
}
