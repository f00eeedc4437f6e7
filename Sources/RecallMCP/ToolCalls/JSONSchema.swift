import RecallCore

/// Builders for the flat JSON Schema subset every client accepts: one `object` root, typed
/// properties, `enum`, `minimum`/`maximum`, `default`, `description`, arrays of simple items.
///
/// No combinators (`oneOf`/`anyOf`/`allOf`), no `$ref`/`$defs`/`$schema`, no type arrays:
/// Cursor, Gemini and Copilot reject them. Each tool's schema is one expression built from these.
enum JSONSchema {
    /// An output schema whose listed members are present in every result; other members may
    /// appear too (only what a client may rely on is listed).
    static func output(_ always: [String: JSONValue]) -> JSONValue {
        object(always, required: always.keys.sorted())
    }

    /// An object with these properties; `required` lists the ones that must be present.
    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": .string("object"), "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    /// A string.
    static func string(_ description: String? = nil) -> JSONValue {
        property("string", description)
    }

    /// An ISO-8601 date or date-time string (`2024-05-01` or `2024-05-01T09:30:00Z`); names such
    /// as `date_from` say enough, and a wrong value gets an error that shows the format.
    static func date(_ description: String? = nil) -> JSONValue {
        property("string", description)
    }

    /// One of a fixed set of strings.
    static func oneOf(_ values: [String], _ description: String? = nil, default value: String? = nil) -> JSONValue {
        property(
            "string", description,
            extra: [
                "enum": .array(values.map(JSONValue.string)), "default": value.map(JSONValue.string),
            ])
    }

    /// An integer, optionally bounded.
    static func integer(
        _ description: String? = nil, minimum: Int? = nil, maximum: Int? = nil, default value: Int? = nil
    ) -> JSONValue {
        property(
            "integer", description,
            extra: [
                "minimum": minimum.map { .int(Int64($0)) }, "maximum": maximum.map { .int(Int64($0)) },
                "default": value.map { .int(Int64($0)) },
            ])
    }

    /// An integer within `range`, one of the bounds in `Limits`.
    static func integer(_ description: String? = nil, in range: ClosedRange<Int>, default value: Int? = nil)
        -> JSONValue
    {
        integer(description, minimum: range.lowerBound, maximum: range.upperBound, default: value)
    }

    /// A number, optionally bounded.
    static func number(_ description: String? = nil, minimum: Double? = nil, maximum: Double? = nil) -> JSONValue {
        property(
            "number", description,
            extra: ["minimum": minimum.map(wholeOrFraction), "maximum": maximum.map(wholeOrFraction)])
    }

    /// `true` or `false`.
    static func boolean(_ description: String? = nil, default value: Bool? = nil) -> JSONValue {
        property("boolean", description, extra: ["default": value.map(JSONValue.bool)])
    }

    /// An array of strings.
    static func strings(_ description: String? = nil) -> JSONValue {
        array(of: .object(["type": .string("string")]), description)
    }

    /// An array whose items follow `item`.
    static func array(of item: JSONValue, _ description: String? = nil) -> JSONValue {
        property("array", description, extra: ["items": item])
    }

    /// Any JSON object (free-form data such as `metadata`).
    static func anyObject(_ description: String? = nil) -> JSONValue {
        property("object", description)
    }

    private static func property(_ type: String, _ description: String?, extra: [String: JSONValue?] = [:]) -> JSONValue
    {
        var schema: [String: JSONValue] = ["type": .string(type)]
        if let description { schema["description"] = .string(description) }
        for case (let key, let value?) in extra { schema[key] = value }
        return .object(schema)
    }

    private static func wholeOrFraction(_ value: Double) -> JSONValue {
        value.rounded() == value ? .int(Int64(value)) : .double(value)
    }
}

extension JSONSchema {
    /// A platform name.
    static func platform(_ description: String) -> JSONValue {
        oneOf(Platform.allCases.map(\.rawValue), description)
    }
    /// A memory type, listed where memories are written; filters take a plain string to keep
    /// `tools/list` small, and a wrong value there gets an error listing the types.
    static func memoryType(_ description: String) -> JSONValue {
        oneOf(MemoryType.allCases.map(\.rawValue), description)
    }

    /// The one-line descriptions several tools share, so they say the same thing everywhere.
    enum Says {
        static let date = "ISO 8601, e.g. 2024-05-01 or 2024-05-01T09:30:00Z (UTC)"
        static let bucket = "a named group of chats and memories, e.g. work"
        static let types = "preference, fact, experience, goal, relationship or note"
        static let cursor = "next_cursor of the previous page, to read the next one"
        static let user = "the user namespace (default: default)"
    }
    /// The output schema of a tool that returns one record (a memory, a chat, a summary): a JSON
    /// object.
    ///
    /// Paged tools declare their list member; describing every member of every result
    /// would push `tools/list` past the ~8 KB that clients handle well.
    static let record: JSONValue = .object(["type": .string("object")])
    /// An array, for output lists (their items are described by the tool's description).
    static let list: JSONValue = .object(["type": .string("array")])
}
