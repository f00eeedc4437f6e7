import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// `fixtures/chatgpt-shards`: two shards.
    ///
    /// `shard-a` is in both (the copy in `-001` is newer and
    /// longer), `shard-b` too (the copy in `-000` is newer), `shard-c` only in `-001`.
    @Suite struct ChatGPTShardTests {
        @Test func eachConversationOnceItsNewestCopy() throws {
            let record = try ExportReadRecord.read(Fixture.path("chatgpt-shards"))
            #expect(record.conversations.map(\.sourceID) == ["shard-b", "shard-c", "shard-a"])
            #expect(record.conversations[0].title == "Knots")
            #expect(record.conversations[0].messages.count == 2)
            #expect(record.conversations[2].activeBranch.last?.text == "Around 20:25.")
            #expect(record.summary.platforms == [.chatgpt])
            #expect(
                record.summary.files.map { ($0 as NSString).lastPathComponent } == [
                    "conversations-000.json", "conversations-001.json",
                ])
            #expect(record.diagnostics.isEmpty)
            #expect(record.summary.skipped == 0)
        }

        @Test func shardsInsideAZIP() throws {
            let folder = try TemporaryFolder()
            let url = folder.url.appendingPathComponent("export.zip")
            try ZIPBuilder.write(
                [
                    ZIPBuilder.Member(
                        path: "conversations-001.json", data: try Fixture.data("chatgpt-shards/conversations-001.json")),
                    ZIPBuilder.Member(
                        path: "conversations.json.index",
                        data: try Fixture.data("chatgpt-shards/conversations.json.index")),
                    ZIPBuilder.Member(
                        path: "conversations-000.json", data: try Fixture.data("chatgpt-shards/conversations-000.json")),
                    ZIPBuilder.Member(
                        path: "export_manifest.json", data: try Fixture.data("chatgpt-shards/export_manifest.json")),
                ], to: url)
            let record = try ExportReadRecord.read(url.path)
            // Shards are read in name order whatever their order in the archive.
            #expect(record.conversations.map(\.sourceID) == ["shard-b", "shard-c", "shard-a"])
            #expect(record.diagnostics.isEmpty)
        }

        @Test func conversationsJSONBesideShardsJoinsTheSet() throws {
            let folder = try TemporaryFolder()
            try folder.write("conversations-000.json", Fixture.data("chatgpt-shards/conversations-000.json"))
            try folder.write("conversations.json", Fixture.data("chatgpt-shards/conversations-001.json"))
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.conversations.map(\.sourceID).sorted() == ["shard-a", "shard-b", "shard-c"])
        }

        @Test func fileWhoseConversationsAreAllNewerElsewhereSaysNothing() throws {
            let folder = try TemporaryFolder()
            let newer = String(
                decoding: try Fixture.elements("chatgpt-shards/conversations-001.json")[1], as: UTF8.self)
            let older = String(
                decoding: try Fixture.elements("chatgpt-shards/conversations-000.json")[0], as: UTF8.self)
            try folder.write("conversations-000.json", "[\(older)]")
            try folder.write("conversations-001.json", "[\(newer)]")
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.conversations.map(\.sourceID) == ["shard-a"])
            #expect(record.conversations.first?.messages.count == 4)
            #expect(record.diagnostics.isEmpty)
            #expect(record.summary.files.count == 2)
        }

        @Test func shardsOfDifferentFoldersAreSeparateSets() {
            let sets = ChatGPTShardSet.sets(in: [
                "a/conversations-000.json", "a/conversations-001.json", "b/conversations-000.json",
                "c/conversations.json", "c/conversations-7.json", "d/conversations.json", "a/conversations-x.json",
            ])
            #expect(
                sets.map(\.paths) == [
                    ["a/conversations-000.json", "a/conversations-001.json"],
                    ["c/conversations-7.json", "c/conversations.json"],
                ])
        }

        @Test func damagedShardIsReportedAndTheOthersRead() throws {
            let folder = try TemporaryFolder()
            try folder.write("conversations-000.json", Fixture.data("chatgpt-shards/conversations-000.json"))
            try folder.write("conversations-001.json", "[{\"id\": \"broken")
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.conversations.map(\.sourceID) == ["shard-a", "shard-b"])
            #expect(record.diagnostics.map { ($0.file as NSString).lastPathComponent } == ["conversations-001.json"])
            #expect(
                record.diagnostics.first?.message
                    == "not read: it ends at byte 15 before its first conversation is complete")
        }

        @Test func indexKeepsTheNewestCopy() {
            var index = ShardIndex()
            let shards = [
                #"[{"id": "x", "update_time": 5}, {"id": "y", "update_time": 9}, {"title": "no id"}]"#,
                #"[{"conversation_id": "x", "update_time": 7}, {"id": "y", "update_time": 1}, {"id": "x", "update_time": 6}]"#,
            ]
            for (number, shard) in shards.enumerated() {
                index.add(member: number, limits: .default) { consume in try consume(Data(shard.utf8)) }
            }
            #expect(index.superseded() == [0: [0], 1: [1, 2]])
        }
    }
}
