import Foundation
import PostgresNIO
import RecallTestSupport
import Synchronization
import Testing

@testable import RecallCore

#if canImport(Glibc)
import Glibc
#endif

/// Faults a shared server brings: the server restarting under an import, a database of another
/// application, a newer schema.
@Suite(.enabled(if: TestStore.serverURL != nil, "needs RECALL_TEST_POSTGRES (scripts/test starts a server)"))
struct PostgresFaultTests {
    /// The cluster script beside the sources.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/postgres-cluster").path

    /// Runs the cluster script and waits for it; a started server's URL.
    ///
    /// The URL is built from the port file the script leaves, not read from its output: the
    /// server it starts may hold on to inherited descriptors, so its output never ends.
    @discardableResult
    static func cluster(_ command: String, _ folder: String) throws -> String {
        // posix_spawn and waitpid, not Foundation's Process, whose wait did not return here.
        let arguments = ["/bin/bash", script, command, folder]
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        guard posix_spawn(&pid, "/bin/bash", &actions, nil, &argv, environ) == 0 else {
            throw RecallError(.storeUnavailable, "postgres-cluster \(command) could not start")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw RecallError(.storeUnavailable, "postgres-cluster \(command) failed") }
        guard command == "start" else { return "" }
        let port = try String(contentsOfFile: folder + "/port", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return "postgres://recall:recall-test@127.0.0.1:\(port)/postgres"
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
        let chats = try recall.listChats(ChatListRequest(pageSize: 100)).items
        for chat in chats {
            let page = try recall.conversation(ConversationRequest(id: chat.id, limit: 100))
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
