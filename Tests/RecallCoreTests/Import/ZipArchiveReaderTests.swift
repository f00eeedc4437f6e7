import Foundation
import Testing
import ZIPFoundation

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct ZipArchiveReaderTests {
        typealias Member = ZIPBuilder.Member

        func archive(_ members: [Member], in folder: TemporaryFolder, named name: String = "export.zip") throws
            -> String
        {
            let url = folder.url.appendingPathComponent(name)
            try ZIPBuilder.write(members, to: url)
            return url.path
        }

        @Test func chatGPTExportWithSideFiles() throws {
            let folder = try TemporaryFolder()
            let path = try archive(
                [
                    Member(path: "user.json", data: Data(#"{"id": "user-abc", "chatgpt_plus_user": true}"#.utf8)),
                    Member(path: "conversations.json", data: try Fixture.data("chatgpt/branches.json")),
                    Member(path: "message_feedback.json", data: Data("[]".utf8)),
                    Member(path: "chat.html", data: Data("<title>ChatGPT Data Export</title>".utf8)),
                    Member(path: "dalle-generations/", data: Data(), type: .directory),
                    Member(path: "dalle-generations/file-1.webp", data: Data([1, 2, 3]), compressed: false),
                ], in: folder)
            let record = try ExportReadRecord.read(path)
            #expect(record.conversations.map(\.sourceID) == ["conv-branches"])
            #expect(record.summary.files == [path + "/conversations.json"])
            #expect(record.emittedFiles == [path + "/conversations.json"])
            #expect(record.summary.platforms == [.chatgpt])
            #expect(record.diagnostics.isEmpty)
        }

        @Test func claudeExportInABatchFolder() throws {
            let folder = try TemporaryFolder()
            let path = try archive(
                [
                    Member(
                        path: "data-2025-06-01-10-00-00-batch-0000/users.json", data: Data(#"[{"uuid": "u"}]"#.utf8)),
                    Member(path: "data-2025-06-01-10-00-00-batch-0000/projects.json", data: Data("[]".utf8)),
                    Member(
                        path: "data-2025-06-01-10-00-00-batch-0000/conversations.json",
                        data: try Fixture.data("claude/blocks.json")),
                ], in: folder)
            let record = try ExportReadRecord.read(path, platform: .claude)
            #expect(record.conversations.map(\.sourceID) == ["claude-blocks", "claude-untitled"])
            #expect(record.errors.isEmpty)
        }

        @Test func unsafeMembersAreRefused() throws {
            let folder = try TemporaryFolder()
            let export = try Fixture.data("claude/branches.json")
            let path = try archive(
                [
                    Member(path: "../evil.json", data: export),
                    Member(path: "/etc/abs.json", data: export),
                    Member(path: "ok/../../up.json", data: export),
                    Member(path: "link.json", data: Data("/etc/passwd".utf8), type: .symlink),
                    Member(path: "conversations.json", data: export),
                ], in: folder)
            let record = try ExportReadRecord.read(path)
            #expect(record.conversations.count == 1)
            #expect(record.summary.files == [path + "/conversations.json"])
            let refused = record.errors.map(\.file)
            #expect(
                refused == [
                    path + "/../evil.json", path + "//etc/abs.json", path + "/ok/../../up.json", path + "/link.json",
                ])
            #expect(record.errors[0].message.contains("climbs out of the archive"))
            #expect(record.errors[1].message.contains("absolute"))
            #expect(record.errors[3].message.contains("symbolic link"))
        }

        @Test func highRatioMemberIsRefusedAsTooLarge() throws {
            let folder = try TemporaryFolder()
            let path = try archive([Member(path: "conversations.json", data: Data(), zeros: 20_000_000)], in: folder)
            let error = #expect(throws: RecallError.self) {
                try ExportReadRecord.read(path, limits: ImportLimits(maxCompressionRatio: 10))
            }
            #expect(error?.code == .tooLarge)
            #expect(error?.message.contains("ZIP bomb") == true)
        }

        @Test func highRatioMemberBesideAGoodOneIsADiagnostic() throws {
            let folder = try TemporaryFolder()
            let path = try archive(
                [
                    Member(path: "bomb/conversations.json", data: Data(), zeros: 20_000_000),
                    Member(path: "conversations.json", data: try Fixture.data("claude/branches.json")),
                ], in: folder)
            let record = try ExportReadRecord.read(path, limits: ImportLimits(maxCompressionRatio: 10))
            #expect(record.conversations.count == 1)
            #expect(record.errors.map(\.file) == [path + "/bomb/conversations.json"])
            #expect(record.errors.first?.message.contains("over the 10× limit") == true)
        }

        @Test func memberOverTheEntryLimitIsRefused() throws {
            let folder = try TemporaryFolder()
            let path = try archive(
                [Member(path: "conversations.json", data: try Fixture.data("chatgpt/branches.json"))], in: folder)
            let error = #expect(throws: RecallError.self) {
                try ExportReadRecord.read(path, limits: ImportLimits(maxEntrySize: 1000))
            }
            #expect(error?.code == .tooLarge)
        }

        @Test func headerThatUnderstatesTheSizeIsCaughtWhileReading() throws {
            let folder = try TemporaryFolder()
            let url = folder.url.appendingPathComponent("liar.zip")
            try ZIPBuilder.write(
                [Member(path: "conversations.json", data: try Fixture.data("chatgpt/branches.json"))], to: url)
            try ZIPBuilder.patchDeclaredSize(of: url, to: 100)
            let error = #expect(throws: RecallError.self) { try ExportReadRecord.read(url.path) }
            #expect(error?.code == .tooLarge)
            #expect(error?.message.contains("declares") == true)
        }

        @Test func zipInsideAFolderIsRead() throws {
            let folder = try TemporaryFolder()
            _ = try archive(
                [Member(path: "conversations.json", data: try Fixture.data("claude/branches.json"))], in: folder,
                named: "claude.zip")
            try folder.write("broken.zip", "PK not really")
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.conversations.map(\.sourceID) == ["claude-branches"])
            #expect(record.errors.map(\.file) == [folder.path + "/broken.zip"])
        }

        @Test func archiveWithoutConversationsIsUnrecognized() throws {
            let folder = try TemporaryFolder()
            let path = try archive(
                [
                    Member(path: "user.json", data: Data("{}".utf8)),
                    Member(path: "chat.html", data: Data("<html></html>".utf8)),
                ], in: folder)
            let error = #expect(throws: RecallError.self) { try ExportReadRecord.read(path) }
            #expect(error?.code == .unrecognizedFormat)
            #expect(
                error?.message.hasPrefix(
                    path + " is not a readable export: it holds no JSON conversation files (2 members") == true)
        }

        @Test func damagedArchiveGivenDirectlyIsUnreadable() throws {
            let folder = try TemporaryFolder()
            let path = try folder.write("export.zip", Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0]))
            let error = #expect(throws: RecallError.self) { try ExportReadRecord.read(path) }
            #expect(error?.code == .unreadableFile)
            #expect(error?.message.hasPrefix(path) == true)
        }
    }
}
