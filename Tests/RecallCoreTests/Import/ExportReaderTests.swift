import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct ExportReaderTests {
        @Test func readsAFileAndDetectsThePlatform() throws {
            let record = try ExportReadRecord.read(Fixture.path("chatgpt/branches.json"))
            #expect(record.summary.platforms == [.chatgpt])
            #expect(record.summary.files == [Fixture.path("chatgpt/branches.json")])
            #expect(record.summary.skipped == 0)
            #expect(record.conversations.map(\.sourceID) == ["conv-branches"])
            #expect(record.emittedFiles == [Fixture.path("chatgpt/branches.json")])
            #expect(record.diagnostics.isEmpty)
        }

        @Test func readsTheWrapperObject() throws {
            let record = try ExportReadRecord.read(Fixture.path("claude/wrapped.json"))
            #expect(record.summary.platforms == [.claude])
            #expect(record.conversations.map(\.sourceID) == ["claude-wrapped"])
            #expect(record.conversations.first?.activeBranch.count == 4)
        }

        @Test func readsASingleConversationObject() throws {
            let folder = try TemporaryFolder()
            let single = try String(decoding: Fixture.elements("claude/branches.json")[0], as: UTF8.self)
            let path = try folder.write("one.json", single)
            let record = try ExportReadRecord.read(path)
            #expect(record.conversations.map(\.sourceID) == ["claude-branches"])
        }

        @Test func smallReadChunksGiveTheSameConversations() throws {
            let whole = try ExportReadRecord.read(Fixture.path("chatgpt/content-types.json"))
            let chunked = try ExportReadRecord.read(
                Fixture.path("chatgpt/content-types.json"), limits: ImportLimits(readChunkSize: 7))
            #expect(chunked.conversations == whole.conversations)
            #expect(chunked.progress.last?.bytesRead == chunked.progress.last?.totalBytes)
        }

        @Test func progressCountsConversationsAndBytes() throws {
            let record = try ExportReadRecord.read(Fixture.path("chatgpt/tree-edge-cases.json"))
            let size = try Fixture.data("chatgpt/tree-edge-cases.json").count
            #expect(record.progress.map(\.conversations) == [1, 2, 3, 4, 4])
            #expect(record.progress.allSatisfy { $0.totalBytes == size && $0.bytesRead <= size })
            #expect(record.progress.last?.bytesRead == size)
        }

        @Test func readsAFolderRecursivelyInSortedOrder() throws {
            let folder = try TemporaryFolder()
            try folder.write("b/conversations.json", Fixture.data("claude/branches.json"))
            try folder.write("a/conversations.json", Fixture.data("chatgpt/branches.json"))
            try folder.write("a/user.json", #"{"id": "user-1", "email": "x@example.com"}"#)
            try folder.write("a/chat.html", "<html><title>ChatGPT Data Export</title></html>")
            try folder.write("a/image.png", Data([0x89, 0x50, 0x4E, 0x47]))
            try folder.write(".hidden/conversations.json", Fixture.data("claude/blocks.json"))
            try folder.write("notes.json", #"{"todo": ["buy milk"]}"#)
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.conversations.map(\.sourceID) == ["conv-branches", "claude-branches"])
            #expect(record.summary.platforms == [.chatgpt, .claude])
            #expect(
                record.summary.files == [folder.path + "/a/conversations.json", folder.path + "/b/conversations.json"])
            // Side files and non-JSON files are skipped silently; an unknown JSON file gets one warning.
            #expect(record.diagnostics.count == 1)
            #expect(record.diagnostics.first?.file == folder.path + "/notes.json")
            #expect(record.diagnostics.first?.severity == .warning)
        }

        @Test func shardedChatGPTExportReadsEveryShard() throws {
            // 2026 exports may ship only `conversations-NNN.json` shards and an index.
            let folder = try TemporaryFolder()
            try folder.write("conversations-000.json", Fixture.data("chatgpt/branches.json"))
            try folder.write("conversations-001.json", Fixture.data("chatgpt/content-types.json"))
            try folder.write("conversations.json.index", "opaque")
            try folder.write("export_manifest.json", "{}")
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.conversations.map(\.sourceID) == ["conv-branches", "conv-content"])
            #expect(record.diagnostics.isEmpty)
        }

        @Test func forcedPlatformSkipsDetection() throws {
            let record = try ExportReadRecord.read(Fixture.path("claude/branches.json"), platform: .chatgpt)
            #expect(record.conversations.isEmpty)
            #expect(record.summary.skipped == 1)
            #expect(record.errors.first?.message.contains("not a ChatGPT conversation") == true)
        }

        @Test func platformWithoutAParserIsRefused() {
            for platform in Platform.allCases where ExportFormats.all.restricted(to: platform).isEmpty {
                let error = #expect(throws: RecallError.self) {
                    try ExportReadRecord.read(Fixture.path("claude/branches.json"), platform: platform)
                }
                #expect(error?.code == .unrecognizedFormat)
                #expect(error?.message.contains("cannot read \(platform.displayName) exports yet") == true)
            }
        }

        @Test func emitFailureAbortsWithTheCallersError() {
            struct StoreFull: Error {}
            var emitted = 0
            #expect(throws: StoreFull.self) {
                _ = try ExportReader().read(
                    path: Fixture.path("chatgpt/tree-edge-cases.json"), platform: nil,
                    emit: { _, _ in
                        emitted += 1
                        if emitted == 2 { throw StoreFull() }
                    },
                    diagnostic: { _ in }, progress: { _ in })
            }
            #expect(emitted == 2)
        }

        @Test func malformedConversationIsSkippedNotHalfEmitted() throws {
            let folder = try TemporaryFolder()
            let good = try String(decoding: Fixture.elements("claude/branches.json")[0], as: UTF8.self)
            let path = try folder.write(
                "conversations.json", #"[\#(good), {"uuid": 7, "chat_messages": []}, \#(good)]"#)
            let record = try ExportReadRecord.read(path)
            #expect(record.conversations.count == 2)
            #expect(record.summary.skipped == 1)
            let error = try #require(record.errors.first)
            #expect(error.file == path)
            #expect(error.conversation == "#1")
            #expect(error.offset == good.utf8.count + 3)
            #expect(error.message.contains("at uuid"))
        }

        @Test func oversizedConversationIsSkipped() throws {
            let record = try ExportReadRecord.read(
                Fixture.path("chatgpt/tree-edge-cases.json"), limits: ImportLimits(maxConversationSize: 1200))
            #expect(record.summary.skipped > 0)
            #expect(record.conversations.count + record.summary.skipped == 4)
            #expect(record.errors.allSatisfy { $0.message.contains("limit for one conversation") })
        }

        @Test func oversizedFileIsTooLarge() {
            let error = #expect(throws: RecallError.self) {
                try ExportReadRecord.read(Fixture.path("chatgpt/branches.json"), limits: ImportLimits(maxFileSize: 100))
            }
            #expect(error?.code == .tooLarge)
        }

        @Test func tildeIsExpanded() throws {
            let home = FileManager.default.homeDirectoryForCurrentUser.path
            let path = Fixture.path("chatgpt/branches.json")
            guard path.hasPrefix(home + "/") else { return }  // fixtures outside the home folder: nothing to test
            let record = try ExportReadRecord.read("~" + path.dropFirst(home.count))
            #expect(record.conversations.count == 1)
        }
    }
}
