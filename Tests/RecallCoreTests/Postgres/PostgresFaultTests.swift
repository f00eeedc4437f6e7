import Foundation
import RecallTestSupport
import Synchronization
import Testing

@testable import RecallCore

/// Faults a shared server brings: the server restarting under an import, a database of another
/// application, a newer schema.
@Suite(.enabled(if: TestStore.serverURL != nil, "needs RECALL_TEST_POSTGRES (scripts/test starts a server)"))
struct PostgresFaultTests {
    /// The cluster script beside the sources.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/postgres-cluster").path

    /// Runs the cluster script; its standard output.
    static func cluster(_ command: String, _ folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, command, folder]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RecallError(.storeUnavailable, "postgres-cluster \(command) failed")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aRestartUnderAnImportLeavesNoHalfStoredChatAndTheServerReconnects() throws {
        // A cluster of this test's own: restarting the shared one would fail other tests.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-restart-\(UUID().uuidString)"
        )
        .path
        let url = try Self.cluster("start", folder)
        defer { _ = try? Self.cluster("stop", folder) }
        let path = try PostgresSharingTests.export(chats: 60, turns: 40, tag: "restart")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recall = Recall(location: .postgres(url), semantic: .off)
        let restarted = Mutex(false)
        let outcome = Result {
            try recall.importChats(ImportRequest(path: path)) { _ in
                // The first progress report comes after the first batch is stored: restart then.
                let first = restarted.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { _ = try? Self.cluster("restart", folder) }
            }
        }
        #expect(restarted.withLock { $0 })
        if case .failure(let error) = outcome {
            let recallError = try #require(error as? RecallError)
            #expect(recallError.code == .storeUnavailable)
        }
        // Whatever the import did, every stored chat is whole.
        let chats = try recall.listChats(ChatListRequest(limit: 100)).chats
        for chat in chats {
            let page = try recall.conversation(ConversationRequest(chatID: chat.id, limit: 100))
            #expect(page.messages.count == 40, "\(chat.id) holds \(page.messages.count) of 40 messages")
        }
        // The same Recall reconnects by itself, and importing again completes the store.
        let again = try recall.importChats(ImportRequest(path: path))
        #expect(again.chatsAdded + again.chatsUnchanged == 60)
        #expect(try recall.stats().messages == 60 * 40)
    }

    @Test func aDatabaseOfAnotherApplicationIsRefusedUntouched() throws {
        let location = try TestStore.postgres.location()
        guard case .postgres(let url) = location else { return }
        let pool = try PostgresPool(settings: PostgresSettings(url: url))
        try pool.withConnection { connection in
            try connection.execute("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)")
        }
        #expect(throws: RecallError.self) { try Recall(location: location, semantic: .off).stats() }
        let tables = try pool.withConnection { connection in
            try connection.run("SELECT count(*)::bigint FROM pg_tables WHERE schemaname = 'public'").rows.first?.decode(
                Int64.self)
        }
        #expect(tables == 1)
        pool.close()
    }

    @Test func aSchemaFromANewerRecallIsRefused() throws {
        let location = try TestStore.postgres.location()
        guard case .postgres(let url) = location else { return }
        _ = try Recall(location: location, semantic: .off).stats()
        let pool = try PostgresPool(settings: PostgresSettings(url: url))
        try pool.withConnection { connection in
            try connection.execute("INSERT INTO recall_migrations (id, position) VALUES ('v99-from-the-future', 99)")
        }
        pool.close()
        let error = #expect(throws: RecallError.self) { try Recall(location: location, semantic: .off).stats() }
        #expect(error?.code == .storeTooNew)
    }
}
