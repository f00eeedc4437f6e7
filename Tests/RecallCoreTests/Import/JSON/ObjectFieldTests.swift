import Foundation
import Testing

@testable import RecallImport

extension ImportTests {
    /// `@ObjectField` reads an object when there is one, is nil for anything else, and lets a
    /// malformed object fail the decode.
    @Suite struct ObjectFieldTests {
        struct Inner: Decodable {
            var items: [Int]?
        }

        struct Shape: Decodable {
            @ObjectField var inner: Inner?
        }

        static func decode(_ json: String) throws -> Shape {
            try JSONDecoder().decode(Shape.self, from: Data(json.utf8))
        }

        @Test(arguments: ["{}", #"{"inner": null}"#, #"{"inner": "text"}"#, #"{"inner": [1]}"#])
        func anAbsentNullOrNonObjectValueIsNil(json: String) throws {
            #expect(try Self.decode(json).inner == nil)
        }

        @Test func aWellFormedObjectIsRead() throws {
            #expect(try Self.decode(#"{"inner": {"items": [1, 2]}}"#).inner?.items == [1, 2])
        }

        @Test func anObjectThatDoesNotFitFailsTheDecode() {
            #expect(throws: DecodingError.self) { try Self.decode(#"{"inner": {"items": "many"}}"#) }
        }

        @Test func aDeepSeekCaptureWithABrokenMessageListFails() throws {
            let broken = #"{"code": 0, "data": {"biz_data": {"chat_messages": 3}}}"#
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(DeepSeekWire.Capture.self, from: Data(broken.utf8))
            }
            let refused = #"{"code": 40003, "msg": "no", "data": null}"#
            let capture = try JSONDecoder().decode(DeepSeekWire.Capture.self, from: Data(refused.utf8))
            #expect(capture.code == 40003)
            #expect(capture.messages == nil)
        }
    }
}
