import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// A folder or ZIP holds more than the export: each other file gets one short line, once,
    /// that says it was skipped without quoting it.
    @Suite struct OtherFilesTests {
        @Test func eachFileThatIsNotAnExportGetsOneShortLine() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "recall-others-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.copyItem(
                atPath: Fixture.path("chatgpt/branches.json"),
                toPath: folder.appendingPathComponent("conversations.json").path)
            let others = [
                "settings.json": #"{"theme": "dark", "secret": "hunter2"}"#, "data.json": "[1, 2, 3]",
                "notes.txt": "hunter2 is my password", "sub/readme.md": "# Read me\nNothing here.",
                "page.html": "<html><body>hi</body></html>",
            ]
            for (name, text) in others { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            let summary = try Recall.inMemory().importChats(ImportRequest(path: folder.path))
            #expect(summary.chatsAdded > 0)
            let lines = summary.diagnostics.filter { $0.conversation == nil }
            #expect(
                Set(lines.map { ($0.file as NSString).lastPathComponent })
                    == Set(others.keys.map { ($0 as NSString).lastPathComponent }))
            #expect(lines.count == others.count, "one line per file, once: \(lines.map(\.file))")
            for line in lines {
                #expect(line.severity == .warning)
                #expect(
                    line.message.hasPrefix("not a chat export (") && line.message.hasSuffix("); skipped"),
                    "\(line.message)")
                #expect(line.message.count <= 80, "\(line.message)")
                #expect(!line.message.contains("hunter2") && !line.message.contains("expected"), "\(line.message)")
            }
        }
    }
}
