import Foundation
import HTTPTypes

/// Reads a `multipart/form-data` body already on disk: copies its `file` part to a file of its
/// own and keeps its `platform` field.
///
/// The body is memory-mapped, not loaded.
enum MultipartForm {
    static func extractFile(from path: String, boundary: String, folder: UploadFolder) throws -> UploadReceiver.Upload {
        let body: Data
        do {
            body = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw APIError(status: .internalServerError, message: "Internal server error")
        }
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var platform: String?
        var extract: Bool?
        var file: (range: Range<Data.Index>, name: String)?
        var cursor = body.startIndex
        guard var start = body.range(of: delimiter, in: cursor..<body.endIndex)?.upperBound else {
            throw APIError.invalid("file", "Required")
        }
        while true {
            // After a delimiter: `--` ends the form, CRLF starts a part.
            if body[start..<min(start + 2, body.endIndex)] == Data("--".utf8) { break }
            cursor = start
            guard let headersEnd = body.range(of: headerEnd, in: cursor..<body.endIndex) else { break }
            let headers = String(decoding: body[cursor..<headersEnd.lowerBound], as: UTF8.self)
            let contentStart = headersEnd.upperBound
            guard let next = body.range(of: Data("\r\n--\(boundary)".utf8), in: contentStart..<body.endIndex) else {
                break
            }
            let name = parameter("name", in: headers)
            if name == "file" {
                file = (contentStart..<next.lowerBound, parameter("filename", in: headers) ?? "upload")
            } else if name == "extract" {
                extract =
                    String(decoding: body[contentStart..<next.lowerBound], as: UTF8.self).trimmingCharacters(
                        in: .whitespacesAndNewlines) == "true"
            } else if name == "platform" {
                platform = String(decoding: body[contentStart..<next.lowerBound], as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)
            }
            start = next.upperBound
        }
        guard let file else { throw APIError.invalid("file", "Required") }
        let fileName = URL(fileURLWithPath: file.name).lastPathComponent
        let suffix = URL(fileURLWithPath: fileName).pathExtension.lowercased()
        let target = folder.newFile(suffix: suffix.isEmpty || suffix.count > 8 ? "" : "." + suffix)
        guard FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: target)
        else { throw APIError(status: .internalServerError, message: "Internal server error") }
        defer { try? handle.close() }
        // Copied in slices, so a mapped body never becomes one resident buffer.
        var offset = file.range.lowerBound
        while offset < file.range.upperBound {
            let end = min(offset + (1 << 20), file.range.upperBound)
            try handle.write(contentsOf: body[offset..<end])
            offset = end
        }
        return UploadReceiver.Upload(
            path: target, fileName: fileName, platform: platform?.isEmpty == false ? platform : nil, extract: extract)
    }

    /// `name="value"` from a part's Content-Disposition header.
    private static func parameter(_ name: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition") {
            for item in line.split(separator: ";") {
                let pair = item.trimmingCharacters(in: .whitespaces)
                if pair.lowercased().hasPrefix(name + "=") {
                    return String(pair.dropFirst(name.count + 1)).trimmingCharacters(
                        in: CharacterSet(charactersIn: "\""))
                }
            }
        }
        return nil
    }
}
