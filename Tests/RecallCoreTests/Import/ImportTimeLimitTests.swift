import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// A whole import has a wall-clock budget; when it runs out the import stops between
    /// conversations, keeps what it read, and says so.
    ///
    /// Time is the injected clock, which moves
    /// one second per reading, so the stop comes at the same place on every run.
    @Suite struct ImportTimeLimitTests {
        /// A folder of `count` distinct transcripts.
        static func folder(_ count: Int) throws -> TemporaryFolder {
            let folder = try TemporaryFolder()
            for index in 0..<count {
                try folder.write(
                    String(format: "chat-%02d.md", index),
                    "# Chat \(index)\n\n## User\nQuestion number \(index)?\n\n## Assistant\nAnswer number \(index).\n")
            }
            return folder
        }

        @Test func anImportOutOfTimeKeepsWhatItReadAndSaysSo() throws {
            let folder = try Self.folder(30)
            let clock = TestClock()
            let recall = Recall.inMemory(clock: clock.now)
            let policy = ImportPolicy.restricted(to: [folder.path], timeLimit: 40)
            let summary = try recall.importChats(ImportRequest(path: folder.path, policy: policy))
            let stop = try #require(summary.stoppedEarly)
            #expect(stop.contains("stopped after 40 s, its time limit"))
            #expect(summary.chatsAdded > 0 && summary.chatsAdded < 30)
            #expect(stop.contains("the \(summary.chatsAdded) conversations read by then are stored"))
            #expect(summary.files.count >= summary.chatsAdded)
            let stored = try recall.listChats(ChatListRequest(pageSize: 100))
            #expect(stored.total == summary.chatsAdded)
            #expect(try recall.stats().imports.map(\.chatsAdded) == [summary.chatsAdded])
            // Running it again without a limit finishes the rest, without duplicates.
            let rest = try recall.importChats(ImportRequest(path: folder.path))
            #expect(rest.stoppedEarly == nil)
            #expect(rest.chatsUnchanged == summary.chatsAdded)
            #expect(rest.chatsAdded == 30 - summary.chatsAdded)
            #expect(try recall.listChats(ChatListRequest(pageSize: 100)).total == 30)
        }

        @Test func anImportOutOfTimeBeforeAnyConversationFailsAndLeavesNoTrace() throws {
            let folder = try Self.folder(3)
            let recall = Recall.inMemory(clock: TestClock().now)
            let error = #expect(throws: RecallError.self) {
                try recall.importChats(
                    ImportRequest(path: folder.path, policy: .restricted(to: [folder.path], timeLimit: 0)))
            }
            #expect(error?.code == .tooLarge)
            #expect(
                error?.message.contains("stopped after 0 s, its time limit, before any conversation was read") == true)
            #expect(try recall.stats().imports.isEmpty)
            #expect(try recall.listChats(ChatListRequest()).total == 0)
        }

        @Test func withoutALimitTheClockDoesNotMatter() throws {
            let folder = try Self.folder(5)
            let recall = Recall.inMemory(clock: TestClock().now)
            let summary = try recall.importChats(ImportRequest(path: folder.path))
            #expect(summary.stoppedEarly == nil)
            #expect(summary.chatsAdded == 5)
        }
    }
}
