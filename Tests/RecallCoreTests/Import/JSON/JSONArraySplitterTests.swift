import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct JSONArraySplitterTests {
        /// What a run of the splitter produced, in a form easy to compare.
        struct Outcome: Equatable {
            var elements: [String] = []
            var offsets: [Int] = []
            var oversized: [Int] = []
            var ending: JSONArraySplitter.Ending = .empty
            var layout: JSONArraySplitter.Layout = .unknown
        }

        /// Feeds `document` cut at the given chunk sizes (cycled), then finishes.
        static func split(_ document: String, chunks: [Int] = [1 << 20], limit: Int = 1 << 20) throws -> Outcome {
            try split(Data(document.utf8), chunks: chunks, limit: limit)
        }

        static func split(_ bytes: Data, chunks: [Int], limit: Int) throws -> Outcome {
            var splitter = JSONArraySplitter(maxElementSize: limit)
            var outcome = Outcome()
            var position = 0
            var turn = 0
            while position < bytes.count {
                let size = max(1, chunks[turn % chunks.count])
                let end = min(bytes.count, position + size)
                try splitter.feed(bytes.subdata(in: position..<end)) { event in
                    switch event {
                    case .element(let element):
                        #expect(element.index == outcome.elements.count + outcome.oversized.count)
                        outcome.elements.append(String(decoding: element.data, as: UTF8.self))
                        outcome.offsets.append(element.offset)
                    case .oversized(let index, _, _):
                        outcome.oversized.append(index)
                    }
                }
                position = end
                turn += 1
            }
            outcome.ending = splitter.finish()
            outcome.layout = splitter.layout
            return outcome
        }

        static let tricky = #"""
            [ {"a": "x\"]}[{", "b": [1, [2, {"c": "\\"}]]},
              {"d": "\\\""}, "plain \u005d string", 42, -1.5e3, true, null, [ ], {} ]
            """#

        static let trickyElements = [
            #"{"a": "x\"]}[{", "b": [1, [2, {"c": "\\"}]]}"#, #"{"d": "\\\""}"#, #""plain \u005d string""#,
            "42", "-1.5e3", "true", "null", "[ ]", "{}",
        ]

        @Test func splitsATopLevelArray() throws {
            let outcome = try Self.split(Self.tricky)
            #expect(outcome.elements == Self.trickyElements)
            #expect(outcome.ending == .complete)
            #expect(outcome.layout == .array)
            #expect(outcome.offsets.first == 2)
        }

        @Test func oneByteAtATimeGivesTheSameElements() throws {
            let outcome = try Self.split(Self.tricky, chunks: [1])
            #expect(outcome.elements == Self.trickyElements)
            #expect(outcome.ending == .complete)
        }

        @Test func everyCutPointGivesTheSameElements() throws {
            let bytes = Data(Self.tricky.utf8)
            for cut in 1..<bytes.count {
                let outcome = try Self.split(bytes, chunks: [cut, bytes.count], limit: 1 << 20)
                #expect(outcome.elements == Self.trickyElements, "cut at \(cut)")
                #expect(outcome.ending == .complete, "cut at \(cut)")
            }
        }

        @Test(arguments: [1, 2, 3, 5, 7, 11, 13, 64])
        func randomChunkingsGiveTheSameElements(seed: UInt64) throws {
            var generator = SeededGenerator(seed: seed)
            let sizes = (0..<50).map { _ in Int.random(in: 1...9, using: &generator) }
            let outcome = try Self.split(Self.tricky, chunks: sizes)
            #expect(outcome.elements == Self.trickyElements)
        }

        @Test func unwrapsAConversationsObject() throws {
            let document = #"{"meta": {"conversations": 1}, "conversations": [{"x": "[1]"}, {"y": 2}], "tail": [3, 4]}"#
            for chunk in [1, 4, 1 << 20] {
                let outcome = try Self.split(document, chunks: [chunk])
                #expect(outcome.elements == [#"{"x": "[1]"}"#, #"{"y": 2}"#])
                #expect(outcome.layout == .wrappedArray)
                #expect(outcome.ending == .complete)
            }
        }

        @Test func emitsASingleObjectWhole() throws {
            let document = " \n{\"id\": \"c1\", \"mapping\": {\"n\": [\"conversations\"]}, \"list\": [1]}\n"
            for chunk in [1, 3, 1 << 20] {
                let outcome = try Self.split(document, chunks: [chunk])
                #expect(outcome.elements == [document.trimmingCharacters(in: .whitespacesAndNewlines)])
                #expect(outcome.layout == .singleObject)
                #expect(outcome.offsets == [2])
                #expect(outcome.ending == .complete)
            }
        }

        @Test func reportsTruncationWithTheCutElement() throws {
            let document = #"[{"a": 1}, {"b": "unfinished"#
            let outcome = try Self.split(document, chunks: [4])
            #expect(outcome.elements == [#"{"a": 1}"#])
            #expect(outcome.ending == .truncated(offset: document.utf8.count, cutIndex: 1, cutOffset: 11))
        }

        @Test func reportsTruncationBetweenElements() throws {
            let outcome = try Self.split(#"[{"a": 1},"#)
            #expect(outcome.elements == [#"{"a": 1}"#])
            #expect(outcome.ending == .truncated(offset: 10, cutIndex: nil, cutOffset: nil))
        }

        @Test func emptyInputIsEmpty() throws {
            #expect(try Self.split("").ending == .empty)
            #expect(try Self.split(" \n\t").ending == .empty)
            #expect(try Self.split("\u{FEFF}").ending == .empty)
        }

        @Test func byteOrderMarkIsSkipped() throws {
            let outcome = try Self.split("\u{FEFF}[1]", chunks: [1])
            #expect(outcome.elements == ["1"])
        }

        @Test(arguments: ["hello", "\"text\"", "42", "]", "<html>"])
        func nonContainerDocumentIsASyntaxError(document: String) {
            #expect(throws: JSONArraySplitter.SyntaxError.self) { try Self.split(document) }
        }

        @Test func trailingContentIsNoted() throws {
            var splitter = JSONArraySplitter(maxElementSize: 100)
            try splitter.feed(Data("[1]  x".utf8)) { _ in }
            #expect(splitter.finish() == .complete)
            #expect(splitter.trailingContentOffset == 5)
        }

        @Test func oversizedElementIsMeasuredNotKept() throws {
            let big = String(repeating: "z", count: 500)
            let outcome = try Self.split("[{\"a\": 1}, \"\(big)\", {\"b\": 2}]", chunks: [7], limit: 100)
            #expect(outcome.elements == [#"{"a": 1}"#, #"{"b": 2}"#])
            #expect(outcome.oversized == [1])
        }

        @Test func fiftyMegabyteStringStaysLinear() throws {
            // A quadratic scan would take minutes here; a linear one a fraction of a second.
            var document = Data(#"[{"t": ""#.utf8)
            document.append(Data(repeating: UInt8(ascii: "a"), count: 50_000_000))
            document.append(Data(#"\"x"}, 1]"#.utf8))
            var splitter = JSONArraySplitter(maxElementSize: 64 << 20)
            var sizes: [Int] = []
            var position = 0
            while position < document.count {
                let end = min(document.count, position + (1 << 20))
                try splitter.feed(document.subdata(in: position..<end)) { event in
                    if case .element(let element) = event { sizes.append(element.data.count) }
                }
                position = end
            }
            #expect(splitter.finish() == .complete)
            #expect(sizes == [50_000_012, 1])
        }
    }
}
