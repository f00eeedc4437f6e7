import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RecallCore

/// JSON bodies in and out, with the encoders the REST shapes use.
enum JSONBody {
    /// A JSON response; keys are written as given (the services' own names).
    static func response(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"Internal server error"}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A response in Recall's own snake_case JSON (the MCP tools' shapes).
    static func recall(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? RecallJSON.encoder().encode(value)) ?? Data(#"{"error":"Internal server error"}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Reads a JSON object body of at most `limit` bytes; 415 for another content type, 413 past
    /// the limit, 400 for anything but a JSON object.
    static func object(_ request: Request, limit: Int) async throws -> [String: JSONValue] {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw APIError(status: .unsupportedMediaType, message: "Send the body as application/json")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw APIError(status: .contentTooLarge, message: "The body is larger than \(limit) bytes")
        }
        let data = Data(buffer.readableBytesView)
        if NestingDepth.endsInsideContainer(data) || NestingDepth.exceedsDecoderLimit(data) {
            throw APIError(status: .badRequest, message: "The body is not valid JSON")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(let object) = value else {
            throw APIError(status: .badRequest, message: "The body must be a JSON object")
        }
        return object
    }
}
