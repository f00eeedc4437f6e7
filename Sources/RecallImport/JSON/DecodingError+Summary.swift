import Foundation

extension DecodingError {
    /// One line naming the JSON path and what was wrong, such as `at mapping.n1.message.author: missing key "role"`.
    var summary: String {
        switch self {
        case .typeMismatch(let type, let context):
            return "\(Self.where(context)): expected \(Self.name(of: type)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(Self.where(context)): expected \(Self.name(of: type)), found null"
        case .keyNotFound(let key, let context):
            return "\(Self.where(context)): missing key \"\(key.stringValue)\""
        case .dataCorrupted(let context):
            return "\(Self.where(context)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }

    private static func `where`(_ context: Context) -> String {
        guard !context.codingPath.isEmpty else { return "at the top level" }
        var path = ""
        for key in context.codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return "at " + path
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
