import Foundation
import Testing

@testable import RecallImport

extension ImportTests {
    /// `@Fallible` fields read as nil when their value cannot be read, keep the decoder's words
    /// for why, and never fail the object that holds them.
    @Suite struct FallibleTests {
        struct Inner: Decodable {
            var id: String
        }

        struct Shape: Decodable {
            @Fallible var inner: Inner?
        }

        static func decode(_ json: String) throws -> Shape {
            try JSONDecoder().decode(Shape.self, from: Data(json.utf8))
        }

        @Test(arguments: ["{}", #"{"inner": null}"#])
        func anAbsentOrNullValueIsNilWithoutAProblem(json: String) throws {
            let shape = try Self.decode(json)
            #expect(shape.inner == nil)
            #expect(shape.$inner == nil)
        }

        @Test func aMistypedValueIsNilAndSaysWhy() throws {
            let shape = try Self.decode(#"{"inner": "text"}"#)
            #expect(shape.inner == nil)
            #expect(shape.$inner?.hasPrefix("at inner: expected") == true, "\(shape.$inner ?? "no problem")")
        }

        @Test func aValueMissingARequiredKeyNamesIt() throws {
            let shape = try Self.decode(#"{"inner": {"name": "x"}}"#)
            #expect(shape.inner == nil)
            #expect(shape.$inner == #"at inner: missing key "id""#)
        }

        @Test func aWellFormedValueIsRead() throws {
            let shape = try Self.decode(#"{"inner": {"id": "a"}}"#)
            #expect(shape.inner?.id == "a")
            #expect(shape.$inner == nil)
        }

        @Test func aChatGPTNodeKeepsItsLinksWhenItsMessageIsUnreadable() throws {
            let json = #"{"parent": "p", "children": ["c"], "message": {"author": {"name": "x"}, "create_time": 1}}"#
            let node = try JSONDecoder().decode(ChatGPTWire.Node.self, from: Data(json.utf8))
            #expect(node.parent == "p")
            #expect(node.children == ["c"])
            // A lenient `author` makes the message readable: only structure fails it.
            #expect(node.message?.createTime == 1)
            #expect(node.unreadableMessage == nil)
            let broken = try JSONDecoder().decode(
                ChatGPTWire.Node.self, from: Data(#"{"parent": "p", "message": [1]}"#.utf8))
            #expect(broken.parent == "p")
            #expect(broken.message == nil)
            #expect(broken.unreadableMessage?.hasPrefix("at message: expected") == true)
        }
    }
}
