import Foundation
import RecallCore

@testable import RecallCore
@testable import RecallImport

/// Runs one export input through every import stage and checks what each may promise:
/// the splitter cuts exactly the bytes it reports, parsers either parse or throw their own
/// error, the reader turns anything into conversations and diagnostics, and whatever it emits
/// can be stored.
struct ImportHarness {
    /// Where conversations the reader emits are stored, as an import would.
    let recall = Recall.inMemory()
    /// Problems found so far.
    private(set) var problems: [String] = []

    mutating func run(_ input: [UInt8], name: String, using random: inout SeededGenerator) {
        let data = Data(input)
        // Parsers see what they see in an import: the elements the splitter cut.
        for element in checkSplitter(data, name: name, using: &random) {
            for parser in ExportParsers.all {
                _ = parser.recognizes(element.data)
                do {
                    let (conversation, _) = try parser.parse(element: element.data, file: name)
                    check(conversation, name: name)
                } catch is ExportParseError {
                    // A conversation it cannot read: the expected way to fail.
                } catch {
                    problems.append("\(name): \(parser.platform) parser threw \(type(of: error)), not ExportParseError")
                }
            }
        }
        checkReader(data, name: name, using: &random)
    }

    /// Splits the input in random chunks, checks each element is the bytes at its offset, and returns them.
    private mutating func checkSplitter(_ data: Data, name: String, using random: inout SeededGenerator)
        -> [JSONArraySplitter.Element]
    {
        var splitter = JSONArraySplitter(maxElementSize: 64 * 1024)
        var events: [JSONArraySplitter.Event] = []
        do {
            for chunk in Self.chunks(of: data, using: &random) {
                try splitter.feed(chunk) { events.append($0) }
            }
        } catch is JSONArraySplitter.SyntaxError {
            return []
        } catch {
            problems.append("\(name): the splitter threw \(type(of: error))")
            return []
        }
        _ = splitter.finish()
        var elements: [JSONArraySplitter.Element] = []
        for case .element(let element) in events {
            let end = element.offset + element.data.count
            if element.offset < 0 || end > data.count || data[element.offset..<end] != element.data {
                problems.append("\(name): element #\(element.index) is not the bytes at its offset \(element.offset)")
            }
            elements.append(element)
        }
        return elements
    }

    private mutating func checkReader(_ data: Data, name: String, using random: inout SeededGenerator) {
        var emitted: [ParsedConversation] = []
        let chunks = Self.chunks(of: data, using: &random)
        let log = ExportReadLog(
            emit: { conversation, _ in emitted.append(conversation) }, diagnostic: { _ in }, progress: { _ in })
        let stage = ContainerStage(
            limits: ImportLimits(maxConversationSize: 64 * 1024, readChunkSize: 4096), forced: nil, formats: .all,
            log: log)
        do {
            try stage.readMember(name: name, size: data.count, explicit: true) { consume in
                for chunk in chunks { try consume(chunk) }
            }
        } catch let error as ImportError {
            _ = error.message
        } catch {
            problems.append("\(name): the reader threw \(type(of: error)), not ImportError")
        }
        for conversation in emitted { check(conversation, name: name) }
        do {
            _ = try recall.importConversations(emitted, label: name)
        } catch {
            problems.append("\(name): storing what the reader emitted failed: \(error)")
        }
    }

    /// What the store relies on: unique message ids, unique active positions.
    private mutating func check(_ conversation: ParsedConversation, name: String) {
        let ids = conversation.messages.map(\.sourceID)
        if Set(ids).count != ids.count {
            problems.append("\(name): conversation \(conversation.sourceID) repeats a message id")
        }
        let positions = conversation.messages.compactMap(\.activePosition)
        if Set(positions).count != positions.count {
            problems.append("\(name): conversation \(conversation.sourceID) repeats an active position")
        }
    }

    /// The input cut into pieces of random sizes, as a file or a ZIP member arrives.
    static func chunks(of data: Data, using random: inout SeededGenerator) -> [Data] {
        var pieces: [Data] = []
        var offset = 0
        while offset < data.count {
            let size = min(data.count - offset, Int.random(in: 1...8192, using: &random))
            pieces.append(data.subdata(in: offset..<offset + size))
            offset += size
        }
        return pieces
    }
}
