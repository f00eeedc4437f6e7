import Foundation
import Testing

@testable import RecallCore

/// `forget` means forgotten: the text is gone from the store file and from its WAL while the
/// server that forgot it is still running, and the import's record no longer names the file.
@Suite struct ForgetScrubTests {
    /// Whether the store, its WAL or its shared-memory file hold `text`.
    func storeFilesContain(_ store: TemporaryStore, _ text: String) throws -> Bool {
        let needle = Data(text.utf8)
        return try ["", "-wal", "-shm"].contains { suffix in
            let path = store.path + suffix
            guard FileManager.default.fileExists(atPath: path) else { return false }
            return try Data(contentsOf: URL(fileURLWithPath: path)).range(of: needle) != nil
        }
    }

    @Test func forgottenTextAndTheFilesNameLeaveTheStoreAndItsWAL() throws {
        let store = try TemporaryStore()
        let exports = try TemporaryStore()
        let file = exports.folder.appendingPathComponent("Zanzibar-holiday.md").path
        try Data("# Holiday\n\n## User\nMy hideaway is Zanzibarquokka.\n\n## Assistant\nZanzibarquokka it is.\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let recall = Recall(location: .file(store.path))
        let imported = try recall.importChats(ImportRequest(path: file))
        let memory = try #require(
            try recall.addMemory(AddMemoryRequest(content: "The user hides gold at Quixotrefuge.", extract: false))
                .memories.first)
        // Something else stays, so the store is in use, not emptied.
        _ = try recall.addMemory(AddMemoryRequest(content: "The user likes green tea.", extract: false))
        #expect(try storeFilesContain(store, "Zanzibarquokka"))
        #expect(try storeFilesContain(store, "Quixotrefuge"))

        _ = try recall.forget(ForgetRequest(importID: imported.importID))
        _ = try recall.forget(ForgetRequest(memoryIDs: [memory.id]))

        // Still open (a running server keeps its WAL), yet nothing of it is left on disk.
        for text in ["Zanzibarquokka", "Quixotrefuge", "quixotrefug", "Zanzibar-holiday.md"] {
            #expect(try !storeFilesContain(store, text), "\(text) is still in the store's files")
        }
        #expect(try recall.stats().imports.isEmpty)
        #expect(try recall.search(SearchRequest(query: "green tea")).results.count == 1)
    }

    @Test func forgettingEveryChatOfAnImportForgetsItsRecord() throws {
        let store = try TemporaryStore()
        let file = store.folder.appendingPathComponent("private-notes.md").path
        try Data("## User\nhello\n\n## Assistant\nhi\n".utf8).write(to: URL(fileURLWithPath: file))
        let recall = Recall(location: .file(store.path))
        _ = try recall.importChats(ImportRequest(path: file))
        let chat = try #require(try recall.listChats(ChatListRequest()).items.first)
        #expect(try recall.stats().imports.count == 1)
        _ = try recall.forget(ForgetRequest(chatIDs: [chat.id]))
        #expect(try recall.stats().imports.isEmpty)
        #expect(try !storeFilesContain(store, "private-notes.md"))
    }
}
