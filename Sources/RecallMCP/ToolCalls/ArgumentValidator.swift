import RecallCore

/// Checks a call's arguments against the tool's flat input schema and reports every problem at
/// once, so the model can fix its call in one go (a decoder stops at the first).
enum ArgumentValidator {
    /// The problems with `arguments`; empty when they fit `schema`.
    static func problems(in arguments: [String: JSONValue], schema: JSONValue) -> [ArgumentProblem] {
        problems(in: arguments, schema: schema, prefix: "")
    }

    private static func problems(in object: [String: JSONValue], schema: JSONValue, prefix: String) -> [ArgumentProblem]
    {
        let properties = schema["properties"]?.objectValue ?? [:]
        let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var found: [ArgumentProblem] = []
        for name in object.keys.sorted() where properties[name] == nil {
            let known = properties.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
            let problem =
                known.isEmpty
                ? "is not an argument; this tool takes none" : "is not an argument; expected one of \(known)"
            found.append(.init(field: prefix + name, problem: problem))
        }
        for name in required where object[name] == nil || object[name] == .null {
            found.append(.init(field: prefix + name, problem: "is required"))
        }
        for (name, value) in object.sorted(by: { $0.key < $1.key }) where value != .null {
            guard let property = properties[name] else { continue }
            found += problems(in: value, property: property, path: prefix + name)
        }
        return found.sorted { $0.field < $1.field }
    }

    private static func problems(in value: JSONValue, property: JSONValue, path: String) -> [ArgumentProblem] {
        let mismatch = [ArgumentProblem(field: path, problem: "must be \(expectation(for: property))")]
        switch property["type"]?.stringValue {
        case "string":
            guard let text = value.stringValue else { return mismatch }
            if let allowed = property["enum"]?.arrayValue, !allowed.contains(.string(text)) { return mismatch }
            return []
        case "integer":
            guard case .int(let number) = value else { return mismatch }
            return fits(Double(number), property) ? [] : mismatch
        case "number":
            switch value {
            case .int(let number): return fits(Double(number), property) ? [] : mismatch
            case .double(let number): return fits(number, property) ? [] : mismatch
            default: return mismatch
            }
        case "boolean":
            if case .bool = value { return [] }
            return mismatch
        case "array":
            guard let items = value.arrayValue else { return mismatch }
            guard let itemSchema = property["items"] else { return [] }
            return items.enumerated().flatMap { index, item in
                item == .null ? mismatch : problems(in: item, property: itemSchema, path: "\(path)[\(index)]")
            }
        case "object":
            guard let object = value.objectValue else { return mismatch }
            return property["properties"] == nil ? [] : problems(in: object, schema: property, prefix: path + ".")
        default:
            return []
        }
    }

    private static func fits(_ number: Double, _ property: JSONValue) -> Bool {
        if let minimum = bound(property["minimum"]), number < minimum { return false }
        if let maximum = bound(property["maximum"]), number > maximum { return false }
        return true
    }

    private static func bound(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
    }

    /// What a property expects: "an integer from 1 to 50", "one of `all`, `memories`", "an array of strings".
    static func expectation(for property: JSONValue) -> String {
        let type = property["type"]?.stringValue ?? "value"
        switch type {
        case "string":
            if let allowed = property["enum"]?.arrayValue?.compactMap(\.stringValue) {
                return "one of " + allowed.map { "`\($0)`" }.joined(separator: ", ")
            }
            return "a string"
        case "integer", "number":
            let noun = type == "integer" ? "an integer" : "a number"
            switch (bound(property["minimum"]), bound(property["maximum"])) {
            case (let minimum?, let maximum?): return "\(noun) from \(format(minimum)) to \(format(maximum))"
            case (let minimum?, nil): return "\(noun) of at least \(format(minimum))"
            case (nil, let maximum?): return "\(noun) of at most \(format(maximum))"
            case (nil, nil): return noun
            }
        case "boolean":
            return "true or false"
        case "array":
            switch property["items"]?["type"]?.stringValue {
            case "string": return "an array of strings"
            case "object":
                let fields = property["items"]?["properties"]?.objectValue?.keys.sorted() ?? []
                return fields.isEmpty
                    ? "an array of objects"
                    : "an array of objects with " + fields.map { "`\($0)`" }.joined(separator: ", ")
            default: return "an array"
            }
        case "object":
            return "an object"
        default:
            return "a valid value"
        }
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number ? String(Int64(number)) : String(number)
    }
}
