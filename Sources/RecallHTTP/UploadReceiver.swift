import Foundation
import Hummingbird
import NIOCore

/// Receives an upload without holding it in memory: the body is streamed to a private file
/// (413 as soon as it passes the limit, the partial file deleted), then the `file` part of a
/// multipart form is copied to a file of its own.
///
/// A body sent as JSON, ZIP or text, not as a
/// form, is taken whole as the file.
struct UploadReceiver {
    let folder: UploadFolder
    let limit: Int

    /// One received upload: the export on disk, its name and the form's `platform`.
    struct Upload {
        var path: String
        var fileName: String
        var platform: String?
        /// The form's `extract` box (the web page's upload), nil when the form has none.
        var extract: Bool? = nil

        func remove() {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    func receive(_ request: Request) async throws -> Upload {
        let type = request.headers[.contentType] ?? ""
        let lowered = type.lowercased()
        let query = QueryParameters(request)
        if lowered.hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(in: type) else {
                throw APIError(status: .badRequest, message: "The multipart body has no boundary")
            }
            let raw = try await stream(request, suffix: ".form")
            defer { try? FileManager.default.removeItem(atPath: raw) }
            return try MultipartForm.extractFile(from: raw, boundary: boundary, folder: folder)
        }
        let suffix: String
        switch lowered.split(separator: ";").first.map(String.init) ?? "" {
        case "application/json": suffix = ".json"
        case "application/zip", "application/x-zip-compressed": suffix = ".zip"
        case "text/plain", "text/markdown": suffix = ".txt"
        case "text/html": suffix = ".html"
        default:
            throw APIError(
                status: .unsupportedMediaType,
                message: "Upload a multipart form with a `file` field, or a JSON, ZIP or text body")
        }
        let path = try await stream(request, suffix: suffix)
        return Upload(path: path, fileName: "upload" + suffix, platform: query.string("platform"))
    }

    /// Writes the body to a new private file, refusing it past the limit.
    private func stream(_ request: Request, suffix: String) async throws -> String {
        let path = folder.newFile(suffix: suffix)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw APIError(status: .internalServerError, message: "Internal server error") }
        var written = 0
        do {
            defer { try? handle.close() }
            for try await buffer in request.body {
                written += buffer.readableBytes
                if written > limit {
                    throw APIError(
                        status: .contentTooLarge,
                        message: "The upload is larger than the server's limit of \(limit) bytes")
                }
                try handle.write(contentsOf: Data(buffer.readableBytesView))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return path
    }

    private static func boundary(in contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.lowercased().hasPrefix("boundary=") {
                let value = pair.dropFirst("boundary=".count)
                return value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
