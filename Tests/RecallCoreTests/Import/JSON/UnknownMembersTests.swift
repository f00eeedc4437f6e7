import Foundation
import Testing

@testable import RecallImport

extension ImportTests {
    /// `UnknownMembers` lists the members a wire struct does not name, in key order, without
    /// the bookkeeping keys it is told to ignore.
    @Suite struct UnknownMembersTests {
        enum Known: String, CodingKey { case text }

        struct Shape: Decodable {
            var others: [(key: String, value: JSONValue)]

            init(from decoder: any Decoder) throws {
                others = try UnknownMembers<Known>(from: decoder, ignoring: ["id"]).members
            }
        }

        static func decode(_ json: String) throws -> Shape {
            try JSONDecoder().decode(Shape.self, from: Data(json.utf8))
        }

        @Test func onlyKnownAndIgnoredKeysLeaveNothing() throws {
            #expect(try Self.decode(#"{"text": 1, "id": "b1"}"#).others.isEmpty)
        }

        @Test func unknownMembersAreListedInKeyOrderAndNullOnesLeftOut() throws {
            let others = try Self.decode(#"{"zeta": {"a": 1}, "text": "t", "alpha": null, "mid": [1]}"#).others
            #expect(others.map(\.key) == ["mid", "zeta"])
            #expect(others.first?.value == .array([.int(1)]))
        }

        @Test func aValueThatIsNotAnObjectFails() {
            #expect(throws: DecodingError.self) { try Self.decode("[1]") }
        }

        @Test func aKimiBlockKeepsItsKnownKindsAndListsTheRest() throws {
            let json = #"{"id": "b", "text": {"content": "hi"}, "think": 3, "chart": {"kind": "bar"}}"#
            let block = try JSONDecoder().decode(KimiWire.Block.self, from: Data(json.utf8))
            #expect(block.text?.content == "hi")
            #expect(block.think == nil)
            #expect(block.others.map(\.key) == ["chart"])
        }
    }
}
