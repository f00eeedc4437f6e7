import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// `fixtures/gemini/MyActivity.html` imitates Takeout's page: a `<style>` naming the cell
    /// classes, five records newest first (three prompts, one feedback, one Search record).
    @Suite struct GeminiActivityHTMLParserTests {
        let parser = GeminiActivityHTMLParser()

        func parse(_ fixture: String) throws -> DocumentParse {
            try parser.parse(document: try Fixture.data(fixture), file: fixture)
        }

        @Test func recordsBecomeConversations() throws {
            let result = try parse("gemini/MyActivity.html")
            // Jan 5, 10:01:02 AM CET is 09:01:02 UTC; the next prompt follows 4 minutes later.
            #expect(result.conversations.map(\.sourceID) == ["activity-2025-01-05T09:01:02Z", "5f2c0d9e1a7b3c44"])
            let session = result.conversations[0]
            #expect(session.title == "What is FTS5?")
            #expect(
                session.activeBranch.map(\.text) == [
                    "What is FTS5?",
                    "FTS5 is SQLite's full-text search extension.\n\n- Virtual tables\n- Prefix queries like exp*",
                    "Fix this query:\nSELECT * FROM t WHERE a = 'x' && b",
                    "Use AND, not &&:\n\n```\nSELECT * FROM t\nWHERE a = 'x' AND b;\n```",
                ])
            #expect(session.createdAt == ISO8601Timestamp.date(from: "2025-01-05T09:01:02Z"))
            #expect(session.updatedAt == ISO8601Timestamp.date(from: "2025-01-05T09:05:00Z"))
            let linked = result.conversations[1]
            #expect(linked.metadata["grouping"] == "conversation link")
            #expect(
                linked.activeBranch.last?.text.hasPrefix(
                    "FTS5 is the newer module: it adds BM25 ranking and custom tokenizers.\n\nFTS4 is kept") == true)
        }

        @Test func feedbackAndOtherProductsAreLeftOutWithWarnings() throws {
            let result = try parse("gemini/MyActivity.html")
            #expect(
                result.diagnostics.map(\.message).sorted() == [
                    "1 activity record(s) are not prompts (Gave feedback ×1) and were not imported",
                    "1 record(s) belong to other Google products (Search) and were not imported",
                ])
        }

        @Test func localisedVerbAndDate() throws {
            let result = try parse("gemini/MyActivity-de.html")
            #expect(result.conversations.count == 1)
            let chat = try #require(result.conversations.first)
            #expect(
                chat.activeBranch.map(\.text) == [
                    "Wie spät ist es in Tokio?", "In Tokio ist es jetzt 02:01 Uhr.", "Und in New York?",
                    "In New York ist es 12:03 Uhr.",
                ])
            // 05.01.2025, 18:01:02 MEZ (UTC+1).
            #expect(chat.createdAt == ISO8601Timestamp.date(from: "2025-01-05T17:01:02Z"))
            #expect(result.diagnostics.isEmpty)
        }

        @Test func headerThatIsNotTheProductNamesTheConversation() throws {
            let page = """
                <div class="outer-cell mdl-cell"><div class="header-cell"><p class="mdl-typography--title">Trip ideas<br></p></div>
                <div class="content-cell mdl-cell--6-col mdl-typography--body-1">Prompted&nbsp;Where to go in May?<br>May 1, 2025, 8:00:00 PM PDT<br><p>Lisbon.</p></div>
                <div class="content-cell mdl-typography--caption"><b>Products:</b><br>&emsp;Gemini Apps<br></div></div>
                """
            let result = try parser.parse(document: Data(page.utf8), file: "page.html")
            let chat = try #require(result.conversations.first)
            #expect(chat.title == "Trip ideas")
            #expect(chat.metadata["grouping"] == "header")
            #expect(chat.createdAt == ISO8601Timestamp.date(from: "2025-05-02T03:00:00Z"))
        }

        @Test func unknownZoneIsReadAsUTCWithAWarning() throws {
            let page =
                #"<div class="outer-cell"><div class="content-cell mdl-typography--body-1">Prompted&nbsp;hi<br>Jan 5, 2025, 10:00:00 XYZT<br><p>hello</p></div><div class="content-cell mdl-typography--caption"><b>Products:</b><br>Gemini Apps</div></div>"#
            let result = try parser.parse(document: Data(page.utf8), file: "page.html")
            #expect(result.conversations.first?.createdAt == ISO8601Timestamp.date(from: "2025-01-05T10:00:00Z"))
            #expect(
                result.diagnostics.map(\.message) == [
                    "timestamps with a time zone Recall does not know (XYZT) were read as UTC"
                ])
            let noZone =
                #"<div class="outer-cell"><div class="content-cell mdl-typography--body-1">Prompted&nbsp;hi<br>Jan 5, 2025, 10:00:00 AM<br><p>hello</p></div><div class="content-cell mdl-typography--caption"><b>Products:</b><br>Gemini Apps</div></div>"#
            let without = try parser.parse(document: Data(noZone.utf8), file: "page.html")
            #expect(
                without.diagnostics.map(\.message) == [
                    "timestamps with a time zone Recall does not know (none written) were read as UTC"
                ])
        }

        @Test func pagesThatAreNotGeminiActivityAreRefused() throws {
            let chatHTML =
                "<html><head><title>ChatGPT Data Export</title></head><body><script>var jsonData = []</script></body></html>"
            let error = #expect(throws: ExportParseError.self) {
                try parser.parse(document: Data(chatHTML.utf8), file: "chat.html")
            }
            #expect(error?.message.contains("conversations.json") == true)
            let search =
                #"<div class="outer-cell"><div class="content-cell mdl-typography--body-1">Searched for&nbsp;cats<br>Jan 5, 2025, 10:00:00 AM CET<br></div><div class="content-cell mdl-typography--caption"><b>Products:</b><br>Search</div></div>"#
            let other = #expect(throws: ExportParseError.self) {
                try parser.parse(document: Data(search.utf8), file: "MyActivity.html")
            }
            #expect(other?.message.contains("for Search, not Gemini Apps") == true)
        }
    }
}
