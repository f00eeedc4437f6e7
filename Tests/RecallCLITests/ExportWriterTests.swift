import Foundation
import Testing

@testable import recall

@Suite struct ExportWriterTests {
    @Test func streamedDocumentIsOneValidJSONObject() throws {
        let text = try Self.write { writer in
            writer.beginDocument()
            writer.beginArray("chats")
            try writer.element(["title": "First\nline", "message_count": "2"])
            try writer.element(["title": "Second"])
            writer.endArray()
            try writer.field("format", "recall-export")
            writer.beginArray("memories")
            writer.endArray()
            try writer.endDocument(lastKey: "version", 1)
        }
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["chats"] as? [[String: String]])?.map { $0["title"] } == ["First\nline", "Second"])
        #expect((object["memories"] as? [Any])?.isEmpty == true)
        #expect(object["version"] as? Int == 1)
        #expect(text.contains("\n    {\n      \"message_count\" : \"2\","))
    }

    /// Writes through a real file handle, as `recall export -o` does.
    static func write(_ body: (ExportWriter) throws -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).json")
        let handle = try ExportFile.open(url.path)
        try body(ExportWriter(handle: handle))
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        return try String(contentsOf: url, encoding: .utf8)
    }
}
