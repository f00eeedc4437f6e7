import Foundation
import Testing

@testable import RecallImport

extension ImportTests {
    /// `@Lenient` fields take their empty value when absent, null or of another type, and
    /// required fields still fail the conversation with the same words as before.
    @Suite struct LenientTests {
        struct Shape: Decodable {
            var id: String
            @Lenient var title: String?
            @Lenient var tags: [String]
            @Lenient var count: Double?
        }

        static func decode(_ json: String) throws -> Shape {
            try JSONDecoder().decode(Shape.self, from: Data(json.utf8))
        }

        @Test func wellFormedFieldsAreRead() throws {
            let shape = try Self.decode(#"{"id": "a", "title": "T", "tags": ["x", "y"], "count": 2}"#)
            #expect(shape.id == "a")
            #expect(shape.title == "T")
            #expect(shape.tags == ["x", "y"])
            #expect(shape.count == 2)
        }

        @Test(arguments: [
            #"{"id": "a"}"#,
            #"{"id": "a", "title": null, "tags": null, "count": null}"#,
            #"{"id": "a", "title": 7, "tags": "x", "count": "two"}"#,
            #"{"id": "a", "title": {"text": "T"}, "tags": [1, 2], "count": [2]}"#,
        ])
        func absentNullOrMistypedFieldsAreEmpty(json: String) throws {
            let shape = try Self.decode(json)
            #expect(shape.title == nil)
            #expect(shape.tags == [])
            #expect(shape.count == nil)
        }

        @Test func aMissingRequiredFieldStillFailsWithItsName() {
            do {
                _ = try Self.decode(#"{"title": "T"}"#)
                Issue.record("decoded without its required id")
            } catch let error as DecodingError {
                #expect(error.summary == #"at the top level: missing key "id""#)
            } catch {
                Issue.record("\(error)")
            }
        }

        @Test func aMistypedRequiredFieldStillFailsWithItsPath() {
            do {
                _ = try Self.decode(#"{"id": 5}"#)
                Issue.record("decoded a number as the id")
            } catch let error as DecodingError {
                #expect(error.summary.hasPrefix("at id: expected a string"), "\(error.summary)")
            } catch {
                Issue.record("\(error)")
            }
        }

        @Test func aClaudeMessageWithOddOptionalFieldsKeepsItsText() throws {
            let json =
                #"{"uuid": "m1", "sender": "human", "text": "hi", "attachments": {}, "files": 3, "created_at": 1}"#
            let message = try JSONDecoder().decode(ClaudeWire.Message.self, from: Data(json.utf8))
            #expect(message.text == "hi")
            #expect(message.attachments.isEmpty)
            #expect(message.files.isEmpty)
            #expect(message.createdAt == nil)
        }
    }
}
