import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// Input that is not an export, or is a broken one: every failure names the file and says why.
    @Suite struct ExportReaderBadInputTests {
        func fatal(_ path: String) -> RecallError? {
            #expect(throws: RecallError.self) { try ExportReadRecord.read(path) }
        }

        @Test(arguments: [
            ("empty.json", "", "it is empty"),
            ("text.json", "hello there", "it is not JSON"),
            ("page.json", "<html></html>", "it is not JSON"),
            ("object.json", #"{"a": 1}"#, "its JSON object is not a"),
            ("numbers.json", "[1, 2]", "element(s) are not"),
            ("truncated.json", #"[{"uuid": "x", "chat_mess"#, "before its first conversation is complete"),
        ])
        func notAnExportIsUnrecognized(name: String, contents: String, reason: String) throws {
            let folder = try TemporaryFolder()
            let path = try folder.write(name, contents)
            let error = try #require(fatal(path))
            #expect(error.code == .unrecognizedFormat)
            #expect(error.message.hasPrefix(path + " is not a readable export: "))
            #expect(error.message.contains(reason))
            #expect(error.message.contains("Expected a \(ExportFormats.all.expectedExport)"))
        }

        @Test(arguments: ["", "<html>"])
        func forcedPlatformStillNeedsAConversationList(contents: String) throws {
            let folder = try TemporaryFolder()
            let path = try folder.write("conversations.json", contents)
            let error = #expect(throws: RecallError.self) { try ExportReadRecord.read(path, platform: .chatgpt) }
            #expect(error?.code == .unrecognizedFormat)
        }

        @Test func missingPathIsUnreadable() throws {
            let error = try #require(fatal("/nonexistent/recall/conversations.json"))
            #expect(error.code == .unreadableFile)
            #expect(error.message.contains("/nonexistent/recall/conversations.json"))
        }

        @Test func emptyPathIsUnreadable() throws {
            #expect(try #require(fatal("  ")).code == .unreadableFile)
        }

        @Test func folderWithoutExportIsUnrecognized() throws {
            let folder = try TemporaryFolder()
            try folder.write("user.json", "{}")
            try folder.write("photo.jpg", "jpeg")
            let error = try #require(fatal(folder.path))
            #expect(error.code == .unrecognizedFormat)
            #expect(error.message.hasPrefix(folder.path + " holds no readable export"))
        }

        @Test func sideFileGivenDirectlyGetsAHint() throws {
            let folder = try TemporaryFolder()
            let path = try folder.write("users.json", #"[{"uuid": "u", "full_name": "A", "email_address": "a@b"}]"#)
            let error = try #require(fatal(path))
            #expect(error.message.contains("users.json is a side file"))
        }

        @Test func emptyListIsAnExportWithNothingInIt() throws {
            let folder = try TemporaryFolder()
            let record = try ExportReadRecord.read(try folder.write("conversations.json", " [ ] "))
            #expect(record.conversations.isEmpty)
            #expect(record.summary.platforms.isEmpty)
            #expect(record.summary.files.count == 1)
            #expect(record.warnings.count == 1)
        }

        @Test func truncatedExportKeepsWhatCameBeforeTheCut() throws {
            let folder = try TemporaryFolder()
            let document = String(decoding: try Fixture.data("chatgpt/tree-edge-cases.json"), as: UTF8.self)
            let cut = String(document.prefix(document.count * 3 / 4))
            let path = try folder.write("conversations.json", cut)
            let record = try ExportReadRecord.read(path)
            #expect(!record.conversations.isEmpty)
            #expect(record.summary.skipped == 1)
            let error = try #require(record.errors.first)
            #expect(error.file == path)
            #expect(error.message.contains("cut off"))
            #expect(error.message.contains("byte \(cut.utf8.count)"))
            #expect(error.offset != nil)
        }

        @Test func invalidUTF8IsRepairedWithAWarning() throws {
            let folder = try TemporaryFolder()
            var bytes = Data(#"[{"uuid": "u1", "name": "Caf"#.utf8)
            bytes.append(contentsOf: [0xE9, 0x21])  // Latin-1 "é" then "!": not UTF-8
            bytes.append(Data(#"", "chat_messages": [{"uuid": "m", "sender": "human", "text": "hi"}]}]"#.utf8))
            let path = try folder.write("conversations.json", bytes)
            let record = try ExportReadRecord.read(path)
            #expect(record.conversations.first?.title == "Caf\u{FFFD}!")
            #expect(record.summary.skipped == 0)
            let warning = try #require(record.warnings.first)
            #expect(warning.offset == 28)
            #expect(warning.message.contains("invalid UTF-8"))
        }

        @Test func trailingGarbageIsAWarning() throws {
            let folder = try TemporaryFolder()
            let document = String(decoding: try Fixture.data("claude/branches.json"), as: UTF8.self) + "\n}}garbage"
            let record = try ExportReadRecord.read(try folder.write("conversations.json", document))
            #expect(record.conversations.count == 1)
            #expect(record.warnings.first?.message.contains("unexpected content") == true)
        }

        @Test func firstConversationDamagedStillDetects() throws {
            let folder = try TemporaryFolder()
            let good = String(decoding: try Fixture.elements("chatgpt/branches.json")[0], as: UTF8.self)
            let path = try folder.write("conversations.json", "[{\"title\": \"no mapping, no id\"}, \(good)]")
            let record = try ExportReadRecord.read(path)
            #expect(record.summary.platforms == [.chatgpt])
            #expect(record.conversations.map(\.sourceID) == ["conv-branches"])
            #expect(record.summary.skipped == 1)
        }
    }
}
