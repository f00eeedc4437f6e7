import Foundation
import RecallCore
import Testing

@testable import recall

@Suite struct TextOutputTests {
    @Test func tableAlignsColumnsAndTruncatesTheFlexibleOne() {
        var table = TextTable(columns: [.init("ID"), .init("N", alignment: .right), .init("TEXT", flexible: true)])
        table.append(["mem_1", "7", "short"])
        table.append(["mem_22", "123", String(repeating: "long ", count: 40)])
        let lines = table.render(width: 40).split(separator: "\n").map(String.init)
        #expect(lines[0] == "ID        N  TEXT")
        #expect(lines[1] == "mem_1     7  short")
        #expect(lines[2].count == 40)
        #expect(lines[2].hasSuffix("…"))
    }

    @Test func cellsAreMadeSingleLine() {
        var table = TextTable(columns: [.init("TEXT", flexible: true)])
        table.append(["first line\nsecond\tline"])
        #expect(table.render(width: 80).split(separator: "\n").last == "first line second line")
    }

    @Test func datesReadDaysMinutesAndISO8601() throws {
        let day = try #require(DateArgument(argument: "2024-05-01"))
        #expect(day.isDay)
        #expect(day.upperBound.timeIntervalSince(day.date) > 86_399)
        let minute = try #require(DateArgument(argument: "2024-05-01 14:30"))
        #expect(!minute.isDay)
        #expect(TextFormat.date(minute.date) == "2024-05-01 14:30")
        let instant = try #require(DateArgument(argument: "2024-05-01T12:00:00Z"))
        #expect(instant.date == Date(timeIntervalSince1970: 1_714_564_800))
        #expect(DateArgument(argument: "yesterday") == nil)
        // Before 1583 too, the day typed is the day shown (no switch to the Julian calendar).
        let old = try #require(DateArgument(argument: "1200-05-01"))
        #expect(TextFormat.date(old.date) == "1200-05-01 00:00")
    }

    @Test func forgetSaysWhatWouldGoOnADryRun() {
        let result = ForgetResult(
            dryRun: true, memoriesDeleted: 1, chatsDeleted: 2, messagesDeleted: 30, memoryIDs: ["mem_1"],
            chatIDs: ["chat_1", "chat_2"]
        )
        #expect(result.renderText().hasPrefix("Would delete 1 memory, 2 chats (30 messages); nothing was deleted"))
    }

    @Test func progressBarFitsItsWidth() {
        let progress = ImportProgress(conversations: 12, bytesRead: 50, totalBytes: 100, file: "/x/conversations.json")
        let bar = ImportProgressReporter.bar(progress, width: 80)
        #expect(bar.hasPrefix("[##########..........]  50%  12 conversations"))
        #expect(bar.count <= 80)
    }

    @Test func wideCharactersTakeTwoColumnsSoRowsStayAligned() {
        var table = TextTable(columns: [.init("TITLE"), .init("N", alignment: .right), .init("NOTE", flexible: true)])
        table.append(["東京旅行の計画", "1", "kanji and kana"])
        table.append(["Trip", "22", "ascii"])
        table.append(["서울 여행", "3", "hangul"])
        table.append(["café ✈️ naïve", "4", "accents and an emoji"])
        let lines = table.render(width: 60).split(separator: "\n").map(String.init)
        // The last column starts at the same terminal column on every line.
        let notes = ["NOTE", "kanji and kana", "ascii", "hangul", "accents and an emoji"]
        let starts = zip(lines, notes).map { line, note in DisplayWidth.of(line) - DisplayWidth.of(note) }
        #expect(Set(starts).count == 1, "\(lines)")
        #expect(DisplayWidth.of("東京") == 4 && DisplayWidth.of("e\u{301}") == 1 && DisplayWidth.of("한") == 2)
    }

    @Test func wideTextIsCutByColumns() {
        #expect(TextFormat.truncate("東京旅行の計画", to: 7) == "東京旅…")
        #expect(DisplayWidth.of(TextFormat.truncate("東京旅行の計画", to: 8)) <= 8)
        #expect(TextFormat.wrap("東京旅行の計画です", width: 6, lines: 2) == ["東京旅", "行の…"])
    }
}
