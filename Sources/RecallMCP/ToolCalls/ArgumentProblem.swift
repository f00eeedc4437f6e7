import RecallCore

/// One problem with one argument of a tool call, such as `limit` "must be an integer from 1 to
/// 50"; `RecallError.invalidArguments(_:)` turns a list of them into the one error the model reads.
struct ArgumentProblem: Sendable, Equatable {
    /// The argument's path, such as `limit` or `messages[0].role`.
    var field: String
    /// What is wrong, as the rest of a sentence: "is required", "must be a string".
    var problem: String

    /// A problem with one field.
    init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    /// Translates a decoding failure into the same vocabulary as schema validation.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: Self.path(context.codingPath + [key]), problem: "is required")
        case .typeMismatch(let type, let context):
            self.init(field: Self.path(context.codingPath), problem: "must be \(Self.jsonName(of: type))")
        case .valueNotFound(let type, let context):
            self.init(field: Self.path(context.codingPath), problem: "must be \(Self.jsonName(of: type)), not null")
        case .dataCorrupted(let context):
            var detail = context.debugDescription.hasPrefix("must ") ? context.debugDescription : "has an invalid value"
            if let key = context.codingPath.last?.stringValue, let allowed = Self.allowedValues[key] {
                detail = "must be one of " + allowed.map { "`\($0)`" }.joined(separator: ", ")
            }
            self.init(field: Self.path(context.codingPath), problem: detail)
        @unknown default:
            self.init(field: "arguments", problem: "could not be read")
        }
    }

    /// `messages[0].role` from a coding path.
    static func path(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue, key.stringValue == "Index \(index)" || Int(key.stringValue) == index {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path.isEmpty ? "arguments" : path
    }

    /// The values of enumerated arguments, for arguments whose schema leaves the list out.
    private static let allowedValues: [String: [String]] = [
        "memory_type": MemoryType.allCases.map(\.rawValue), "platform": Platform.allCases.map(\.rawValue),
        "scope": SearchScope.allCases.map(\.rawValue), "order": ListOrder.allCases.map(\.rawValue),
    ]

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
