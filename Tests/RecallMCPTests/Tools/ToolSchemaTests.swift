import Foundation
import RecallCore
import Testing

@testable import RecallMCP

/// Each tool's schema literal against its `Arguments` type: the same names, the same required
/// set, and every property readable with a value of its declared type.
@Suite struct ToolSchemaTests {
    /// One tool's schema facts, opened from the existential.
    struct Subject: CustomTestStringConvertible, Sendable {
        let name: String
        let schema: JSONValue
        let argumentNames: [String]
        let decode: @Sendable (JSONValue) throws -> Void

        init<Tool: RecallTool>(_: Tool) {
            name = Tool.name
            schema = Tool.inputSchema
            argumentNames = Tool.Arguments.argumentNames
            decode = { value in _ = try JSONDecoder().decode(Tool.Arguments.self, from: WireJSON.encode(value)) }
        }

        var testDescription: String { name }
        var properties: [String: JSONValue] { schema["properties"]?.objectValue ?? [:] }
        var required: [String] { schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] }

        /// Every property with a valid sample value.
        var fullSample: [String: JSONValue] {
            Dictionary(
                uniqueKeysWithValues: properties.map { name, property in
                    (name, ToolSchemaTests.namedSamples[name] ?? ToolSchemaTests.sample(property))
                })
        }
        /// Only the required properties.
        var minimalSample: [String: JSONValue] { fullSample.filter { required.contains($0.key) } }
    }

    static let subjects = ToolRegistry.standardTools.map { Subject($0) }

    @Test(arguments: subjects)
    func schemaPropertiesAreExactlyTheArguments(_ subject: Subject) {
        #expect(Set(subject.properties.keys) == Set(subject.argumentNames))
        #expect(Set(subject.required).isSubset(of: Set(subject.argumentNames)))
    }

    @Test(arguments: subjects)
    func fullAndMinimalSamplesDecodeAndValidate(_ subject: Subject) throws {
        try subject.decode(.object(subject.fullSample))
        try subject.decode(.object(subject.minimalSample))
        #expect(ArgumentValidator.problems(in: subject.fullSample, schema: subject.schema) == [])
        #expect(ArgumentValidator.problems(in: subject.minimalSample, schema: subject.schema) == [])
    }

    @Test(arguments: subjects)
    func everyRequiredPropertyIsRequiredByTheType(_ subject: Subject) {
        for name in subject.required {
            var sample = subject.fullSample
            sample[name] = nil
            #expect(throws: DecodingError.self, "\(subject.name) decodes without \(name)") {
                try subject.decode(.object(sample))
            }
        }
    }

    @Test(arguments: subjects)
    func everyPropertyIsReadByTheType(_ subject: Subject) {
        // A value of the wrong type fails decoding only if the type actually reads that key.
        for (name, property) in subject.properties {
            var sample = subject.fullSample
            sample[name] = property["type"] == .string("string") ? .object(["wrong": .bool(true)]) : .string("wrong")
            #expect(throws: DecodingError.self, "\(subject.name) ignores \(name)") {
                try subject.decode(.object(sample))
            }
        }
    }

    @Test(arguments: subjects)
    func outputSchemaRequiresOnlyDeclaredProperties(_ subject: Subject) throws {
        let tool = try #require(ToolRegistry.standardTools.first { type(of: $0).name == subject.name })
        let output = type(of: tool).outputSchema
        let declared = Set(output["properties"]?.objectValue?.keys ?? [:].keys)
        let required = Set(output["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(required.isSubset(of: declared))
    }

    /// Values for string arguments with a format the schema states only in words (kept short).
    static let namedSamples: [String: JSONValue] = [
        "memory_type": .string("fact"), "date_from": .string("2024-05-01"), "date_to": .string("2024-05-31T23:00:00Z"),
        "since": .string("2024-05-01"), "until": .string("2024-06-01"),
        "memories_at": .string("2024-05-01T09:30:00+02:00"),
    ]

    /// A valid value for a property schema.
    static func sample(_ property: JSONValue) -> JSONValue {
        if let first = property["enum"]?.arrayValue?.first { return first }
        switch property["type"]?.stringValue {
        case "integer": return property["minimum"] ?? .int(1)
        case "number": return .double(0.5)
        case "boolean": return .bool(true)
        case "array":
            return .array([property["items"].map(sample) ?? .string("x")])
        case "object":
            let properties = property["properties"]?.objectValue ?? ["key": .object(["type": .string("string")])]
            return .object(properties.mapValues(sample))
        default:
            return .string("x")
        }
    }
}
