import Testing

@testable import RecallCore

@Suite struct ProseCleanerTests {
    @Test func codeIsRemovedProseStays() {
        let cleaned = ProseCleaner.clean(
            "Intro line.\n```python\nprint('I love code')\n```\nOutro with `inline` bits.\n    indented = code\n")
        #expect(!cleaned.contains("print"))
        #expect(!cleaned.contains("inline"))
        #expect(!cleaned.contains("indented"))
        #expect(cleaned.contains("Intro line."))
        #expect(cleaned.contains("Outro with"))
    }

    @Test func anUnclosedFenceRemovesTheRest() {
        #expect(!ProseCleaner.clean("Look:\n```\nI love leaks").contains("leaks"))
    }

    @Test func linksKeepTheirTextAndLoseTheirAddress() {
        let cleaned = ProseCleaner.clean(
            "I use [Zed](https://zed.dev) and https://example.com/x daily, mail me@example.com")
        #expect(cleaned.contains("Zed"))
        #expect(!cleaned.contains("http"))
        #expect(!cleaned.contains("example.com"))
    }

    @Test func speechGoesTitlesStay() {
        #expect(!ProseCleaner.clean(#"She told me "I love cats, honestly" at lunch."#).contains("cats"))
        #expect(ProseCleaner.clean(#"I loved “Becoming Nicole” a lot."#).contains("Becoming Nicole"))
    }

    @Test func markupIsStripped() {
        let cleaned = ProseCleaner.clean("# Title\n* **bold** item\n1. first\n<p>para</p>")
        #expect(cleaned == "Title\nbold item\nfirst\n para ")
    }

    @Test func curlyApostrophesBecomeStraight() {
        #expect(ProseCleaner.clean("I’m here") == "I'm here")
    }
}
