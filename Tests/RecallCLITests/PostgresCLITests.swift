import Foundation
import RecallTestSupport
import Testing

/// The CLI against a PostgreSQL database: the same commands, the same answers as on a file, and
/// `recall migrate` between the two.
@Suite(.enabled(if: TestStore.serverURL != nil, "needs RECALL_TEST_POSTGRES (scripts/test starts a server)"))
struct PostgresCLITests {
    static let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("conformance/fixtures/chatgpt-conversations.json").path

    @Test func theCommandsAnswerAlikeOnAFileAndOnPostgreSQLAndMigrateCopiesBetweenThem() throws {
        let file = try RecallBinary.temporaryStore()
        let server = try TestStore.newDatabase()
        for store in [file, server] {
            let imported = try RecallBinary.run(["import", Self.export, "--db", store])
            #expect(imported.exitCode == 0, "\(imported.stderr)")
            #expect(try RecallBinary.run(["add", "The user lives in Bergen.", "--db", store]).exitCode == 0)
        }
        for arguments in [["search", "Bergen"], ["chats"], ["memories"], ["search", "tea"], ["context", "tea"]] {
            let onFile = try RecallBinary.run(arguments + ["--db", file, "--json"])
            let onServer = try RecallBinary.run(arguments + ["--db", server, "--json"])
            #expect(onFile.exitCode == 0 && onServer.exitCode == 0, "\(arguments): \(onServer.stderr)")
            // The two stores were written seconds apart: their times differ, nothing else may.
            #expect(Self.timeless(onFile.stdout) == Self.timeless(onServer.stdout), "\(arguments) differ")
        }
        let stats = try RecallBinary.run(["stats", "--db", server, "--json"])
        #expect(
            stats.stdout.contains("\"store\" : \"postgresql\"") || stats.stdout.contains("\"store\":\"postgresql\""))
        #expect(!stats.stdout.contains("recall-test") && !stats.stderr.contains("recall-test"))

        let copy = try RecallBinary.temporaryStore()
        let migrated = try RecallBinary.run(["migrate", "--from", server, "--to", copy, "--json"])
        #expect(migrated.exitCode == 0, "\(migrated.stderr)")
        #expect(!migrated.stdout.contains("recall-test"), "the password is never printed")
        let searched = try RecallBinary.run(["search", "Bergen", "--db", copy, "--json"])
        #expect(searched.stdout == (try RecallBinary.run(["search", "Bergen", "--db", server, "--json"])).stdout)
        #expect(searched.stdout.contains("Bergen"))
    }

    /// JSON output without its `created_at` and `updated_at` lines.
    static func timeless(_ output: String) -> String {
        output.split(separator: "\n").filter { !$0.contains("\"created_at\"") && !$0.contains("\"updated_at\"") }
            .joined(separator: "\n")
    }

    @Test func wrongCredentialsAndAnUnreachableServerAreClearErrors() throws {
        let server = try #require(TestStore.serverURL)
        let wrong = server.replacingOccurrences(of: ":recall-test@", with: ":not-the-password@")
        let refused = try RecallBinary.run(["stats", "--db", wrong])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("credentials") && !refused.stderr.contains("not-the-password"))
        let nowhere = try RecallBinary.run(["stats", "--db", "postgres://recall@127.0.0.1:1/recall"])
        #expect(nowhere.exitCode == 1 && nowhere.stderr.contains("127.0.0.1:1"))
    }
}
