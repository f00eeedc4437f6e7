import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct ChatGPTWireScannerTests {
        /// A conversation of the shape real exports have, which the scanner reads itself.
        static let plain = #"""
            {"title":"Plain \"quoted\" \u00e9 \ud83d\ude00","create_time":1690000000.5,"update_time":1690000100,
             "mapping":{
              "root":{"id":"root","message":null,"parent":null,"children":["sys"]},
              "sys":{"id":"sys","message":{"id":"sys","author":{"role":"system","name":null,"metadata":{}},
                "create_time":1690000000,"content":{"content_type":"text","parts":[""]},
                "metadata":{"is_visually_hidden_from_conversation":true},"recipient":"all"},
                "parent":"root","children":["u1"]},
              "u1":{"id":"u1","message":{"id":"u1","author":{"role":"user","name":null,"metadata":{}},
                "create_time":1690000001.25,"update_time":null,
                "content":{"content_type":"text","parts":["Hello\nthere, caf\u00e9 — naïve 😀"]},
                "status":"finished_successfully","end_turn":null,"weight":1.0,
                "metadata":{"request_id":"r1","attachments":[],"timestamp_":"absolute","nested":{"a":[1,-2.5e3,true,false,null]}},
                "recipient":"all","channel":null},"parent":"sys","children":["a1"]},
              "a1":{"id":"a1","message":{"id":"a1","author":{"role":"assistant","name":null,"metadata":{}},
                "create_time":1690000002,"content":{"content_type":"text","parts":["Hi","again"]},
                "metadata":{"finish_details":{"type":"stop","stop_tokens":[200002]},"model_slug":"gpt-4o"},
                "recipient":"all"},"parent":"u1","children":[]}},
             "moderation_results":[],"current_node":"a1","plugin_ids":null,"conversation_id":"c-1",
             "conversation_template_id":null,"gizmo_id":"g-1","gizmo_type":null,"is_archived":true,
             "default_model_slug":"gpt-4o","safe_urls":[],"id":"c-1"}
            """#

        func parseBothWays(_ element: Data) throws -> (scanned: ParsedConversation, decoded: ParsedConversation) {
            let (scanned, scannedDiagnostics) = try ChatGPTParser().parse(element: element, file: "f")
            let (decoded, decodedDiagnostics) = try ChatGPTParser(scansFields: false).parse(element: element, file: "f")
            #expect(scannedDiagnostics == decodedDiagnostics)
            return (scanned, decoded)
        }

        @Test func readsTheShapeOfRealExportsAsJSONDecoderDoes() throws {
            let element = Data(Self.plain.utf8)
            #expect(ChatGPTWireScanner.conversation(element) != nil)
            let (scanned, decoded) = try parseBothWays(element)
            #expect(scanned == decoded)
            #expect(scanned.title == #"Plain "quoted" é 😀"#)
            #expect(scanned.messages.map(\.text) == ["Hello\nthere, café — naïve 😀", "Hi\nagain"])
            #expect(scanned.metadata == ["model": "gpt-4o", "gizmo_id": "g-1", "archived": "true"])
        }

        @Test func everyFixtureReadsTheSameEitherWay() throws {
            for fixture in ["chatgpt/branches.json", "chatgpt/content-types.json", "chatgpt/tree-edge-cases.json"] {
                for element in try Fixture.elements(fixture) {
                    let (scanned, decoded) = try parseBothWays(element)
                    #expect(scanned == decoded, "\(fixture)")
                }
            }
        }

        @Test(arguments: [
            // Left to JSONDecoder: its choice or its leniency decides.
            #"{"id":"a","id":"b","mapping":{}}"#,
            #"{"i\u0064":"a","mapping":{}}"#,
            #"{"id":"a","mapping":{"n":{"message":{"author":{"role":"user"},"content":{"content_type":"text","parts":[{"content_type":"image_asset_pointer"}]}}}}}"#,
            #"{"id":"a","mapping":{"n":{"message":{"metadata":{"attachments":[{"id":"f"}]}}}}}"#,
            #"{"id":"a","title":7,"mapping":{}}"#,
            #"{"id":"a","title":"\ud800","mapping":{}}"#,
            #"{"id":"a","inserted_at":"2025-01-01","mapping":{}}"#,
            // Not JSON at all: JSONDecoder refuses them, so the scanner must too.
            #"{"id":"a","mapping":{},}"#,
            #"{"id":"a","create_time":01,"mapping":{}}"#,
            "{\"id\":\"a\u{01}\",\"mapping\":{}}",
            #"{"id":"a","mapping":{}} x"#,
            #"{"id":"a","flag":tru,"mapping":{}}"#,
        ])
        func leavesWhatItDoesNotReadExactlyToJSONDecoder(_ json: String) {
            #expect(ChatGPTWireScanner.conversation(Data(json.utf8)) == nil)
        }
    }
}
