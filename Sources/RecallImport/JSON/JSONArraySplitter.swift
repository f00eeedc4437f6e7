import Foundation

/// Cuts a JSON document, fed in chunks of any size, into the conversations it lists.
///
/// Three layouts are understood: a top-level array (`[conv, conv]`, what the platforms
/// export), an object wrapping that array under `"conversations"` (what some third-party
/// tools write), and one top-level object (a single conversation, emitted whole).
///
/// It reads bytes, not JSON values: it only follows strings, escapes and nesting depth to
/// find where each element starts and ends, so decoding stays with `JSONDecoder`, one
/// element at a time. Only the element being cut is held in memory, and an element larger
/// than `maxElementSize` is measured and reported but not kept.
///
/// ```swift
/// var splitter = JSONArraySplitter(maxElementSize: 1 << 28)
/// try splitter.feed(chunk) { event in … }   // once per chunk
/// let ending = splitter.finish()
/// ```
struct JSONArraySplitter {
    /// How the document lists its conversations.
    enum Layout: Equatable, Sendable { case unknown, array, wrappedArray, singleObject }

    /// One element, with its position in the list and its first byte's offset in the stream.
    struct Element: Sendable, Equatable {
        var data: Data
        var index: Int
        var offset: Int
    }

    /// What a chunk revealed.
    enum Event: Sendable, Equatable {
        /// A complete element.
        case element(Element)
        /// An element bigger than the limit; its bytes were dropped.
        case oversized(index: Int, offset: Int, size: Int)
    }

    /// How the document ended.
    enum Ending: Sendable, Equatable {
        /// The list (or object) closed.
        case complete
        /// There was nothing but whitespace.
        case empty
        /// The input stopped at `offset` before the list closed; `cutIndex`/`cutOffset` name the
        /// element that was cut in the middle, if one was.
        case truncated(offset: Int, cutIndex: Int?, cutOffset: Int?)
    }

    /// The document does not start with `[` or `{`.
    struct SyntaxError: Error, Equatable {
        var offset: Int
        var message: String
    }

    private enum Kind { case container, string, bare }

    private struct OpenElement {
        var index: Int
        var offset: Int
        var size = 0
        var kind: Kind
        var overflow = false
    }

    /// The largest element kept; larger ones become `.oversized`.
    let maxElementSize: Int
    /// The layout seen so far.
    private(set) var layout = Layout.unknown
    /// Bytes fed so far.
    private(set) var bytesConsumed = 0
    /// The offset of the first non-whitespace byte after the document closed, if any.
    private(set) var trailingContentOffset: Int?

    private var finished = false
    private var depth = 0
    /// The depth at which list elements start: 1 in an array, 2 in a wrapper, 0 for one object.
    private var elementDepth = 1
    private var acceptingElements = true
    private var inString = false
    private var escaped = false
    private var element: OpenElement?
    private var buffer = Data()
    private var nextIndex = 0
    // Keys of a top-level object, to find a `"conversations": [` wrapper.
    private var keyCapture: [UInt8]?
    private var expectKey = false
    private var lastKey: [UInt8] = []

    private static let wrapperKey = Array("conversations".utf8)

    /// Creates a splitter that keeps elements up to `maxElementSize` bytes.
    init(maxElementSize: Int) {
        self.maxElementSize = maxElementSize
    }

    /// Scans one chunk, calling `handle` for every element it completes.
    mutating func feed(_ chunk: Data, _ handle: (Event) throws -> Void) throws {
        guard !chunk.isEmpty else { return }
        try chunk.withUnsafeBytes { raw in try scan(raw, handle) }
        bytesConsumed += chunk.count
    }

    /// Ends the input and reports whether the document was complete.
    mutating func finish() -> Ending {
        if finished { return .complete }
        if layout == .unknown { return .empty }
        let cut = element
        element = nil
        buffer = Data()
        return .truncated(offset: bytesConsumed, cutIndex: cut?.index, cutOffset: cut?.offset)
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer, _ handle: (Event) throws -> Void) throws {
        let count = bytes.count
        var segmentStart: Int? = element == nil ? nil : 0
        var i = 0
        while i < count {
            if finished {
                noteTrailingContent(bytes, from: i)
                return
            }
            if inString {
                i = try scanString(bytes, from: i, segmentStart: &segmentStart, handle)
                continue
            }
            let byte = bytes[i]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                if element?.kind == .bare { try close(bytes, end: i, segmentStart: &segmentStart, handle) }
            case UInt8(ascii: "\""):
                if layout == .unknown { throw notAContainer(byte, at: i) }
                if layout == .singleObject, depth == 1, expectKey { keyCapture = [] }
                openIfAtElementDepth(.string, at: i, segmentStart: &segmentStart)
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if layout == .unknown {
                    layout = byte == UInt8(ascii: "[") ? .array : .singleObject
                    elementDepth = layout == .array ? 1 : 0
                    expectKey = layout == .singleObject
                } else if layout == .singleObject, depth == 1, byte == UInt8(ascii: "["), lastKey == Self.wrapperKey {
                    // `{"conversations": [` – stream the array's elements, forget the wrapper.
                    layout = .wrappedArray
                    elementDepth = 2
                    element = nil
                    nextIndex = 0
                    buffer = Data()
                    segmentStart = nil
                    depth += 1
                    break
                }
                openIfAtElementDepth(.container, at: i, segmentStart: &segmentStart)
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if layout == .unknown { throw notAContainer(byte, at: i) }
                if element?.kind == .bare { try close(bytes, end: i, segmentStart: &segmentStart, handle) }
                depth -= 1
                if depth == elementDepth, element?.kind == .container {
                    try close(bytes, end: i + 1, segmentStart: &segmentStart, handle)
                }
                if depth == elementDepth - 1 {
                    if layout == .array { finished = true }
                    acceptingElements = false
                }
                if depth == 0, layout != .array { finished = true }
            case UInt8(ascii: ","):
                if layout == .unknown { throw notAContainer(byte, at: i) }
                if element?.kind == .bare { try close(bytes, end: i, segmentStart: &segmentStart, handle) }
                if layout == .singleObject, depth == 1 { expectKey = true }
            case UInt8(ascii: ":"):
                if layout == .unknown { throw notAContainer(byte, at: i) }
            default:
                if layout == .unknown {
                    // A UTF-8 byte-order mark may precede the document.
                    guard bytesConsumed + i < 3, [0xEF, 0xBB, 0xBF][bytesConsumed + i] == byte else {
                        throw notAContainer(byte, at: i)
                    }
                    break
                }
                openIfAtElementDepth(.bare, at: i, segmentStart: &segmentStart)
            }
            i += 1
        }
        if element != nil, let start = segmentStart { append(bytes, from: start, to: count) }
    }

    /// Scans string content from `start`; returns where to continue.
    private mutating func scanString(
        _ bytes: UnsafeRawBufferPointer, from start: Int, segmentStart: inout Int?, _ handle: (Event) throws -> Void
    ) throws -> Int {
        if escaped {
            escaped = false
            keyCapture?.append(bytes[start])
            return start + 1
        }
        if keyCapture != nil {
            // Keys are short: byte by byte is fine here.
            let byte = bytes[start]
            if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                lastKey = keyCapture ?? []
                keyCapture = nil
                expectKey = false
                inString = false
            } else if (keyCapture?.count ?? 0) < 64 {
                keyCapture?.append(byte)
            }
            return start + 1
        }
        // Long strings (a pasted document, a 50 MB blob) are skipped with memchr, not byte by byte.
        guard let base = bytes.baseAddress else { return bytes.count }
        let remaining = bytes.count - start
        let quote = memchr(base + start, Int32(UInt8(ascii: "\"")), remaining)
            .map { base.distance(to: UnsafeRawPointer($0)) }
        let backslash = memchr(base + start, Int32(UInt8(ascii: "\\")), (quote ?? bytes.count) - start)
            .map { base.distance(to: UnsafeRawPointer($0)) }
        if let backslash {
            escaped = true
            return backslash + 1
        }
        guard let quote else { return bytes.count }
        inString = false
        if element?.kind == .string, depth == elementDepth {
            try close(bytes, end: quote + 1, segmentStart: &segmentStart, handle)
        }
        return quote + 1
    }

    private mutating func openIfAtElementDepth(_ kind: Kind, at position: Int, segmentStart: inout Int?) {
        guard depth == elementDepth, element == nil, acceptingElements, layout != .unknown else { return }
        element = OpenElement(index: nextIndex, offset: bytesConsumed + position, kind: kind)
        nextIndex += 1
        segmentStart = position
    }

    private mutating func close(
        _ bytes: UnsafeRawBufferPointer, end: Int, segmentStart: inout Int?, _ handle: (Event) throws -> Void
    ) throws {
        append(bytes, from: segmentStart ?? 0, to: end)
        segmentStart = nil
        guard let open = element else { return }
        element = nil
        let data = buffer
        buffer = Data()
        if open.overflow {
            try handle(.oversized(index: open.index, offset: open.offset, size: open.size))
        } else {
            try handle(.element(Element(data: data, index: open.index, offset: open.offset)))
        }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        guard var open = element, end > start, let base = bytes.baseAddress else { return }
        let length = end - start
        open.size += length
        if !open.overflow {
            if buffer.count + length > maxElementSize {
                open.overflow = true
                buffer = Data()
            } else {
                buffer.append(base.advanced(by: start).assumingMemoryBound(to: UInt8.self), count: length)
            }
        }
        element = open
    }

    private mutating func noteTrailingContent(_ bytes: UnsafeRawBufferPointer, from start: Int) {
        guard trailingContentOffset == nil else { return }
        for i in start..<bytes.count where ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) {
            trailingContentOffset = bytesConsumed + i
            return
        }
    }

    /// Says what was expected where, never what was found: the file may not be an export at
    /// all, and its bytes are not Recall's to repeat.
    private func notAContainer(_ byte: UInt8, at position: Int) -> SyntaxError {
        let offset = bytesConsumed + position
        return SyntaxError(offset: offset, message: "expected `[` or `{` at byte \(offset)")
    }
}
