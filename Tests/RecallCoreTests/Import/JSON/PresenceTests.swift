import Foundation
import Testing

@testable import RecallImport

extension ImportTests {
    /// `@Presence` fields read their value leniently and say whether the key was written at
    /// all, null or mistyped included; `KeyOnly` fields record the key alone.
    @Suite struct PresenceTests {
        struct Shape: Decodable {
            @Presence var parent: String?
            @Presence var marker: KeyOnly?
        }

        static func decode(_ json: String) throws -> Shape {
            try JSONDecoder().decode(Shape.self, from: Data(json.utf8))
        }

        @Test func anAbsentKeyIsEmptyAndNotPresent() throws {
            let shape = try Self.decode("{}")
            #expect(shape.parent == nil)
            #expect(!shape.$parent)
            #expect(!shape.$marker)
        }

        @Test func aNullKeyIsEmptyButPresent() throws {
            let shape = try Self.decode(#"{"parent": null, "marker": null}"#)
            #expect(shape.parent == nil)
            #expect(shape.$parent)
            #expect(shape.$marker)
        }

        @Test func aMistypedKeyIsEmptyButPresent() throws {
            let shape = try Self.decode(#"{"parent": 7, "marker": [1, {"x": 2}]}"#)
            #expect(shape.parent == nil)
            #expect(shape.$parent)
            #expect(shape.$marker)
        }

        @Test func aWellFormedKeyIsReadAndPresent() throws {
            let shape = try Self.decode(#"{"parent": "p1", "marker": "2025-01-01"}"#)
            #expect(shape.parent == "p1")
            #expect(shape.$parent)
            #expect(shape.$marker)
        }

        @Test func aDeepSeekMessageIsToldFromAChatGPTOneByItsAuthorKey() throws {
            let chatGPT = try JSONDecoder().decode(
                DeepSeekWire.Message.self, from: Data(#"{"message_id": 3, "author": null}"#.utf8))
            let deepSeek = try JSONDecoder().decode(DeepSeekWire.Message.self, from: Data(#"{"message_id": 3}"#.utf8))
            #expect(chatGPT.hasAuthor)
            #expect(!deepSeek.hasAuthor)
            #expect(deepSeek.messageID == "3")
        }
    }
}
