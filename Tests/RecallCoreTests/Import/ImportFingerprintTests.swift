import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// A re-import recognises a chat by the fingerprint of the bytes it was stored from and passes
    /// over it unparsed; any other bytes go the whole way.
    @Suite struct ImportFingerprintTests {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-fp-\(UUID().uuidString)")

        /// Writes an export of these conversations; returns its path.
        func export(_ conversations: [String]) throws -> String {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let url = folder.appendingPathComponent("conversations.json")
            try Data(("[" + conversations.joined(separator: ",") + "]").utf8).write(to: url)
            return url.path
        }

        func stores(_ recall: Recall, _ element: String) throws -> Bool {
            try recall.database().storesChat(
                fingerprint: ElementFingerprint.of(Data(element.utf8), platform: .chatgpt))
        }

        static let plain = ChatGPTWireScannerTests.plain
        /// The same chat, with a field Recall does not keep changed.
        static let sameContent = plain.replacingOccurrences(of: #""safe_urls":[]"#, with: #""safe_urls":["x"]"#)
        /// The same chat under another title.
        static let retitled = plain.replacingOccurrences(of: #""title":"Plain"#, with: #""title":"Other"#)

        @Test func anUnchangedChatIsPassedOverByItsBytes() throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let recall = Recall.inMemory(clock: TestClock().now)
            let path = try export([Self.plain])
            #expect(try recall.importChats(ImportRequest(path: path)).chatsAdded == 1)
            #expect(try stores(recall, Self.plain))
            let again = try recall.importChats(ImportRequest(path: path))
            #expect(again.chatsUnchanged == 1 && again.chatsAdded == 0 && again.chatsUpdated == 0)
            #expect(again.importID == nil)
        }

        @Test func otherBytesWithTheSameContentAreComparedAndThenRecognised() throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let recall = Recall.inMemory(clock: TestClock().now)
            _ = try recall.importChats(ImportRequest(path: try export([Self.plain])))
            let same = try recall.importChats(ImportRequest(path: try export([Self.sameContent])))
            #expect(same.chatsUnchanged == 1)
            // The chat now carries the newer bytes' fingerprint, so the next run passes over them.
            #expect(try stores(recall, Self.sameContent))
            #expect(try !stores(recall, Self.plain))
            let retitled = try recall.importChats(ImportRequest(path: try export([Self.retitled])))
            #expect(retitled.chatsUpdated == 1)
            #expect(try recall.listChats(ChatListRequest()).items.map(\.title) == [#"Other "quoted" é 😀"#])
        }

        @Test func aChatReadWithWarningsKeepsNoFingerprintAndWarnsEveryTime() throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let warned = Self.plain.replacingOccurrences(of: #""current_node":"a1""#, with: #""current_node":"gone""#)
            let recall = Recall.inMemory(clock: TestClock().now)
            let path = try export([warned])
            let first = try recall.importChats(ImportRequest(path: path))
            #expect(first.chatsAdded == 1 && !first.diagnostics.isEmpty)
            #expect(try !stores(recall, warned))
            let again = try recall.importChats(ImportRequest(path: path))
            #expect(again.chatsUnchanged == 1)
            #expect(again.diagnostics.map(\.message) == first.diagnostics.map(\.message))
        }

        @Test func aBucketStillReachesAnUnchangedChat() throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let recall = Recall.inMemory(clock: TestClock().now)
            let path = try export([Self.plain])
            _ = try recall.importChats(ImportRequest(path: path))
            let again = try recall.importChats(ImportRequest(path: path, bucket: "work"))
            #expect(again.chatsUnchanged == 1)
            #expect(try recall.listChats(ChatListRequest()).items.map(\.bucket) == ["work"])
        }
    }
}
