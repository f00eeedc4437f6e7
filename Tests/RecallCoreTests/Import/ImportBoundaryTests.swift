import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// What an import may read: never outside the folder it was given (links included), never
    /// outside the folders a policy allows, never special files; and what a model is told about
    /// files it did not import.
    @Suite struct ImportBoundaryTests {
        static let transcript =
            "# Trip\n\n## User\nI keep my spare key under the blue flowerpot.\n\n## Assistant\nNoted.\n"

        @Test func aLinkLeadingOutOfTheFolderIsNotFollowed() throws {
            let root = try TemporaryFolder()
            try root.write("secret/outside.md", Self.transcript)
            try root.write("export/conversations.json", Fixture.data("chatgpt/branches.json"))
            try FileManager.default.createSymbolicLink(
                atPath: root.path + "/export/innocent.md", withDestinationPath: "../secret/outside.md")
            let recall = Recall.inMemory()
            let summary = try recall.importChats(ImportRequest(path: root.path + "/export"))
            #expect(summary.chatsAdded == 1)
            #expect(summary.files == [root.path + "/export/conversations.json"])
            let warning = try #require(summary.diagnostics.first { $0.file.hasSuffix("innocent.md") })
            #expect(warning.message.contains("symbolic link to a place outside the folder"))
            #expect(try recall.search(SearchRequest(query: "flowerpot")).results.isEmpty)
        }

        @Test func aLinkToAFileInsideTheFolderIsRead() throws {
            let root = try TemporaryFolder()
            try root.write("export/chats/trip.md", Self.transcript)
            try FileManager.default.createSymbolicLink(
                atPath: root.path + "/export/latest.md", withDestinationPath: "chats/trip.md")
            let record = try ExportReadRecord.read(root.path + "/export")
            // The same chat twice, through the link and directly: both are inside the folder.
            #expect(record.conversations.count == 2)
            #expect(record.diagnostics.isEmpty)
        }

        @Test func specialFilesInAFolderArePassedOverWithoutBeingOpened() throws {
            let root = try TemporaryFolder()
            try root.write("export/conversations.json", Fixture.data("chatgpt/branches.json"))
            #expect(mkfifo(root.path + "/export/pipe.json", 0o600) == 0)
            #expect(mkfifo(root.path + "/export/fifo-target", 0o600) == 0)
            try FileManager.default.createSymbolicLink(
                atPath: root.path + "/export/linked.json", withDestinationPath: "fifo-target")
            let record = try ExportReadRecord.read(root.path + "/export")
            #expect(record.conversations.map(\.sourceID) == ["conv-branches"])
            let skipped = Set(
                record.warnings.filter { $0.message.contains("not a regular file") }.map {
                    ($0.file as NSString).lastPathComponent
                })
            #expect(skipped == ["fifo-target", "pipe.json", "linked.json"])
        }

        @Test(arguments: ["/proc", "/proc/kmsg", "/proc/self/fd/0", "/dev/stdin", "/sys", "/dev/null", "/"])
        func systemPathsAndTheWholeDiskAreRefusedBeforeAnythingIsOpened(path: String) throws {
            let recall = Recall.inMemory()
            let error = #expect(throws: RecallError.self) { try recall.importChats(ImportRequest(path: path)) }
            #expect(error?.code == .unreadableFile)
            #expect(error?.message.contains(path == "/" ? "whole file system" : "/proc, /sys or /dev") == true)
            #expect(try recall.stats().imports.isEmpty)
        }

        @Test func aPathOutsideTheAllowedFoldersIsRefusedNamingThem() throws {
            let allowed = try TemporaryFolder()
            let elsewhere = try TemporaryFolder()
            let export = try elsewhere.write("conversations.json", Fixture.data("chatgpt/branches.json"))
            let recall = Recall.inMemory()
            let error = #expect(throws: RecallError.self) {
                try recall.importChats(ImportRequest(path: export, policy: .restricted(to: [allowed.path])))
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("outside the folders Recall may import from (\(allowed.path))") == true)
            #expect(error?.message.contains("--allow-import") == true)
            #expect(try recall.stats().imports.isEmpty)
            // Inside, the same export imports.
            let inside = try allowed.write("conversations.json", Fixture.data("chatgpt/branches.json"))
            #expect(
                try recall.importChats(ImportRequest(path: inside, policy: .restricted(to: [allowed.path]))).chatsAdded
                    == 1)
        }

        @Test func outsideIsAnsweredAlikeWhetherOrNotAnythingIsThere() throws {
            let allowed = try TemporaryFolder()
            let elsewhere = try TemporaryFolder()
            try elsewhere.write("exists.json", Fixture.data("chatgpt/branches.json"))
            try FileManager.default.createSymbolicLink(
                atPath: allowed.path + "/a.json", withDestinationPath: elsewhere.path + "/exists.json")
            try FileManager.default.createSymbolicLink(
                atPath: allowed.path + "/b.json", withDestinationPath: elsewhere.path + "/missing.json")
            let policy = ImportPolicy.restricted(to: [allowed.path])
            func refusal(_ path: String) -> String? {
                #expect(throws: RecallError.self) {
                    try Recall.inMemory().importChats(ImportRequest(path: path, policy: policy))
                }?
                .message.replacingOccurrences(of: path, with: "PATH")
            }
            let answers = [
                refusal(elsewhere.path + "/exists.json"), refusal(elsewhere.path + "/missing.json"),
                refusal(allowed.path + "/a.json"), refusal(allowed.path + "/b.json"),
            ]
            #expect(Set(answers).count == 1)
            #expect(answers[0]?.contains("outside the folders") == true)
        }

        @Test func aModelIsToldHowManyFilesWereSkippedNotWhich() throws {
            let folder = try TemporaryFolder()
            try folder.write("conversations.json", Fixture.data("chatgpt/branches.json"))
            try folder.write("passwords.txt", "router: hunter2\n")
            try folder.write("diary.md", "Dear diary, today I met Sam.\n")
            try folder.write("tax/2024-return.json", #"{"income": 1}"#)
            try folder.write("id_rsa", "ssh key")
            let summary = try Recall.inMemory().importChats(
                ImportRequest(path: folder.path, policy: .restricted(to: [folder.path])))
            #expect(summary.chatsAdded == 1)
            let text = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
            for name in ["passwords", "diary", "2024-return", "id_rsa", "hunter2"] {
                #expect(!text.contains(name), "the summary names \(name)")
            }
            let skipped = try #require(summary.diagnostics.first)
            #expect(summary.diagnostics.count == 1)
            #expect(skipped.file == folder.path)
            #expect(skipped.message.contains("skipped 3 files (1 .json, 1 .md, 1 .txt)"))
        }

        @Test func aFolderWithNoExportSaysHowManyFilesItHeldButNotTheirNames() throws {
            let folder = try TemporaryFolder()
            try folder.write("passwords.txt", "router: hunter2\n")
            try folder.write("notes/todo.md", "buy milk\n")
            let error = #expect(throws: RecallError.self) {
                try Recall.inMemory().importChats(
                    ImportRequest(path: folder.path, policy: .restricted(to: [folder.path])))
            }
            #expect(error?.message.contains("2 files (1 .md, 1 .txt), none of them an export") == true)
            #expect(error?.message.contains("passwords") == false)
            #expect(error?.message.contains("todo") == false)
        }

        @Test func errorsSayWhatWasExpectedWithoutQuotingTheFile() throws {
            let folder = try TemporaryFolder()
            let file = try folder.write("secret.json", "r2d2 is the password\n")
            let error = #expect(throws: RecallError.self) {
                try Recall.inMemory().importChats(ImportRequest(path: file, policy: .restricted(to: [folder.path])))
            }
            #expect(error?.message.contains("expected `[` or `{` at byte 0") == true)
            #expect(error?.message.contains("`r`") == false)
            #expect(error?.message.contains("r2d2") == false)
        }
    }
}
