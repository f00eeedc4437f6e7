import Foundation
import Testing

@testable import RecallImport

extension ImportTests {
    /// `@Lossy` lists keep the elements they can read and name the ones they drop; no list at
    /// all is empty (or nil, for an optional list).
    @Suite struct LossyTests {
        struct Shape: Decodable {
            @Lossy var tags: [String]
            @Lossy var numbers: [Int]?
        }

        static func decode(_ json: String) throws -> Shape {
            try JSONDecoder().decode(Shape.self, from: Data(json.utf8))
        }

        @Test(arguments: ["{}", #"{"tags": null, "numbers": null}"#, #"{"tags": "x", "numbers": {"a": 1}}"#])
        func anAbsentNullOrMistypedListIsEmpty(json: String) throws {
            let shape = try Self.decode(json)
            #expect(shape.tags == [])
            #expect(shape.numbers == nil)
            #expect(shape.$tags.isEmpty)
            #expect(shape.$numbers.isEmpty)
        }

        @Test func badElementsAreDroppedAndNamed() throws {
            let shape = try Self.decode(#"{"tags": ["a", null, 3, "b"], "numbers": []}"#)
            #expect(shape.tags == ["a", "b"])
            #expect(shape.$tags.count == 2)
            #expect(shape.$tags.first == "tags[1] is null")
            #expect(shape.$tags.last?.hasPrefix("tags[2] could not be read (") == true, "\(shape.$tags)")
            #expect(shape.numbers == [])
        }

        @Test func aWellFormedListIsRead() throws {
            let shape = try Self.decode(#"{"tags": ["a"], "numbers": [1, 2]}"#)
            #expect(shape.tags == ["a"])
            #expect(shape.numbers == [1, 2])
            #expect(shape.$tags.isEmpty && shape.$numbers.isEmpty)
        }

        @Test func grokCardsAreParsedOnceAndCardsWithoutAnIdDropped() throws {
            let json = #"""
                {"card_attachments_json": ["{\"id\":\"7\",\"type\":\"render_inline_citation\",\"url\":\"https://a\"}",
                  {"id": "8"}, "not json", {"type": "x"}, null],
                 "generated_image_urls": ["u1", 2, null]}
                """#
            let response = try JSONDecoder().decode(GrokWire.Response.self, from: Data(json.utf8))
            #expect(response.cards.map(\.id) == ["7", "8"])
            #expect(response.cards.first?.url == "https://a")
            #expect(response.generatedImageURLs == ["u1"])
        }
    }
}
