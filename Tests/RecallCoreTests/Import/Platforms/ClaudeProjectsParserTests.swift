import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct ClaudeProjectsParserTests {
        let parser = ClaudeProjectsParser()

        func project(_ index: Int) throws -> (ParsedConversation, [ImportDiagnostic]) {
            try parser.parse(
                element: try Fixture.elements("claude-projects/projects.json")[index], file: "projects.json")
        }

        @Test func projectBecomesASearchableConversation() throws {
            let (thesis, diagnostics) = try project(0)
            #expect(thesis.platform == .claude)
            #expect(thesis.sourceID == "project:8a1f0c2e-5b6d-4e7f-9a0b-1c2d3e4f5a6b")
            #expect(thesis.title == "Project: Thesis")
            // `projects.json` writes `+00:00` where conversations write `Z`.
            #expect(thesis.createdAt == ISO8601Timestamp.date(from: "2025-03-02T08:00:00Z"))
            #expect(thesis.updatedAt == ISO8601Timestamp.date(from: "2025-04-10T17:30:00Z"))
            #expect(
                thesis.metadata == [
                    "kind": "project", "project_uuid": "8a1f0c2e-5b6d-4e7f-9a0b-1c2d3e4f5a6b", "is_private": "true",
                    "description": "Chapters and notes for my master's thesis on tidal energy.", "creator": "Jane Doe",
                ])
            let active = thesis.activeBranch
            #expect(
                active.map(\.contentType) == ["prompt_template", "project_description", "project_doc", "project_doc"])
            #expect(active.map(\.hidden) == [true, false, false, false])
            #expect(active[0].role == .system)
            #expect(active[0].text == "Always cite sources in APA style. Keep answers under 300 words.")
            #expect(active[2].sourceID == "d1-outline")
            #expect(active[2].text == "Project document: outline.md")
            #expect(active[2].createdAt == ISO8601Timestamp.date(from: "2025-03-02T08:05:00Z"))
            let document = try #require(active[3].attachments.first)
            #expect(document.name == "sources.txt")
            #expect(document.extractedText == "Smith (2021) reports a capacity factor of 0.41 for MeyGen.")
            #expect(document.size == 58)
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.message.hasPrefix("docs[2] could not be read (") == true)
            #expect(diagnostics.first?.message.contains("found null") == true)
        }

        @Test func emptyStarterProject() throws {
            let (starter, diagnostics) = try project(1)
            #expect(starter.title == "Project: How to use Claude")
            #expect(starter.messages.isEmpty)
            #expect(starter.metadata["is_starter_project"] == "true")
            #expect(starter.metadata["description"] == nil)
            #expect(diagnostics.isEmpty)
        }

        @Test func projectsBesideConversationsInAnExport() throws {
            let folder = try TemporaryFolder()
            try folder.write("data-2025-06-01-batch-0000/conversations.json", Fixture.data("claude/branches.json"))
            try folder.write("data-2025-06-01-batch-0000/projects.json", Fixture.data("claude-projects/projects.json"))
            try folder.write("data-2025-06-01-batch-0000/users.json", #"[{"uuid": "u"}]"#)
            let record = try ExportReadRecord.read(folder.path, platform: .claude)
            #expect(
                record.conversations.map(\.sourceID) == [
                    "claude-branches", "project:8a1f0c2e-5b6d-4e7f-9a0b-1c2d3e4f5a6b",
                    "project:00c9d8e7-f6a5-4b3c-8d2e-1f0a9b8c7d6e",
                ])
            #expect(record.summary.platforms == [.claude])
        }

        @Test func emptyProjectsFileSaysNothing() throws {
            let folder = try TemporaryFolder()
            try folder.write("conversations.json", Fixture.data("claude/branches.json"))
            try folder.write("projects.json", "[]")
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.diagnostics.isEmpty)
            #expect(record.summary.files == [folder.path + "/conversations.json"])
        }

        @Test func unreadableProjectsFileIsStillReported() throws {
            let folder = try TemporaryFolder()
            try folder.write("conversations.json", Fixture.data("claude/branches.json"))
            try folder.write("projects.json", "[{\"uuid\": \"p\", \"na")
            let record = try ExportReadRecord.read(folder.path)
            #expect(record.warnings.map(\.file) == [folder.path + "/projects.json"])
        }

        @Test(arguments: [
            (#"{"uuid": "p", "name": "P", "prompt_template": "", "docs": []}"#, true),
            (#"{"uuid": "p", "name": "P", "docs": []}"#, true),
            (#"{"uuid": "c", "name": "Chat", "chat_messages": [], "docs": []}"#, false),
            (#"{"uuid": "u", "full_name": "A", "email_address": "a@b"}"#, false),
        ])
        func recognisesProjects(sample: String, expected: Bool) {
            #expect(parser.recognizes(Data(sample.utf8)) == expected)
        }
    }
}
