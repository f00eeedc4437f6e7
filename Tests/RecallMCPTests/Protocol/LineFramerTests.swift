import Foundation
import Testing

@testable import RecallMCP

@Suite struct LineFramerTests {
    private func strings(_ lines: [Data]) -> [String] {
        lines.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func splitsOnLFAndStripsCR() {
        var framer = LineFramer()
        #expect(strings(framer.append(Array("a\r\nb\nc".utf8))) == ["a", "b"])
        #expect(strings(framer.append(Array("d\n".utf8))) == ["cd"])
        #expect(framer.finish() == nil)
    }

    @Test func skipsBlankLines() {
        var framer = LineFramer()
        #expect(strings(framer.append(Array("\n\r\n \t \n x \n".utf8))) == [" x "])
    }

    @Test func keepsBytesSplitAnywhere() {
        var framer = LineFramer()
        let text = "{\"k\":\"é😀\u{2028}\"}\r\n"
        var lines: [Data] = []
        for byte in Array(text.utf8) { lines += framer.append([byte]) }
        #expect(strings(lines) == ["{\"k\":\"é😀\u{2028}\"}"])
    }

    @Test func lastLineWithoutLineEnding() {
        var framer = LineFramer()
        #expect(framer.append(Array("tail\r".utf8)).isEmpty)
        #expect(framer.finish().map { String(decoding: $0, as: UTF8.self) } == "tail")
    }

    @Test func longLineInSmallChunks() {
        var framer = LineFramer()
        let line = [UInt8](repeating: 0x61, count: 5_000_000)
        var lines: [Data] = []
        var index = 0
        while index < line.count {
            lines += framer.append(line[index..<min(index + 65_536, line.count)])
            index += 65_536
        }
        lines += framer.append([0x0A])
        #expect(lines.count == 1 && lines.first?.count == line.count)
    }
}
