import Foundation
import HTTPTypes
import Hummingbird
import RecallCore

/// An HTTP error in the hosted services' shape: `{"error": "…"}`, with `details.fieldErrors` for
/// invalid input (`{"messages": ["Required"]}`).
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var fieldErrors: [String: [String]] = [:]
    var headers: HTTPFields = [:]
    /// Fields a route's own error shape adds (memories.ai's `code`, `msg`, `success`, `failed`).
    var extra: [String: JSONValue] = [:]

    static let invalidKey = APIError(status: .unauthorized, message: "Invalid API key")
    static let notFound = APIError(status: .notFound, message: "Not found")
    static let readOnlyKey = APIError(
        status: .forbidden, message: "This API key is read-only; create one with --scope write to change data")

    /// A 400 naming each bad field.
    static func invalid(_ fieldErrors: [String: [String]]) -> APIError {
        APIError(status: .badRequest, message: "Invalid request payload", fieldErrors: fieldErrors)
    }

    /// The same error for one field.
    static func invalid(_ field: String, _ problem: String) -> APIError {
        invalid([field: [problem]])
    }

    /// Maps a RecallCore error to its HTTP status; the message is RecallCore's own, which never
    /// carries internals (paths of the server, SQL).
    static func from(_ error: RecallError) -> APIError {
        switch error.code {
        case .invalidArgument:
            let fields = error.fieldErrors.isEmpty ? ["request": [error.message]] : error.fieldErrors.mapValues { [$0] }
            return APIError(status: .badRequest, message: "Invalid request payload", fieldErrors: fields)
        case .notFound: return APIError(status: .notFound, message: error.message)
        case .unrecognizedFormat, .unreadableFile:
            return APIError(status: .unsupportedMediaType, message: error.message)
        case .tooLarge: return APIError(status: .contentTooLarge, message: error.message)
        case .conflict: return APIError(status: .conflict, message: error.message)
        default: return APIError(status: .internalServerError, message: "Internal server error")
        }
    }

    /// The JSON response.
    var response: Response {
        var body: [String: JSONValue] = extra
        body["error"] = .string(message)
        if !fieldErrors.isEmpty {
            body["details"] = .object([
                "fieldErrors": .object(fieldErrors.mapValues { .array($0.map(JSONValue.string)) })
            ])
        }
        var response = JSONBody.response(status, JSONValue.object(body))
        for field in headers { response.headers.append(field) }
        return response
    }
}
