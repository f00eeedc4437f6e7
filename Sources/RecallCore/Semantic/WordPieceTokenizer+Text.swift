import Foundation

/// A run of input between special tokens, or one special token written in the text.
enum TokenizerSegment {
    case literal(Int32)
    case text(Substring.UTF8View)
}

extension WordPieceTokenizer {
    /// Splits `text` at special tokens written verbatim in it (they are not normalised, so
    /// "[sep]" is ordinary text).
    ///
    /// `body` returns false to stop early.
    func forEachSegment(of text: String, _ body: (TokenizerSegment) -> Bool) {
        let utf8 = text.utf8
        guard !literalTokens.isEmpty, utf8.contains(0x5B) else {
            _ = body(.text(text[...].utf8))
            return
        }
        var segmentStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == 0x5B, let match = literalTokens.first(where: { utf8[index...].starts(with: $0.bytes) }) {
                if segmentStart < index, !body(.text(text[segmentStart..<index].utf8)) { return }
                if !body(.literal(match.id)) { return }
                index = utf8.index(index, offsetBy: match.bytes.count)
                segmentStart = index
            } else {
                index = utf8.index(after: index)
            }
        }
        if segmentStart < utf8.endIndex { _ = body(.text(text[segmentStart...].utf8)) }
    }

    /// Normalises, pre-tokenizes and WordPiece-encodes one segment.
    func encodeText(_ segment: Substring.UTF8View, into sink: inout TokenSink, scratch: inout WordPieceScratch) {
        scratch.normalized.removeAll(keepingCapacity: true)
        Self.normalize(segment, into: &scratch.normalized)
        var pieces = scratch.pieces
        scratch.normalized.withUnsafeBufferPointer { bytes in
            var wordStart = -1
            var index = 0
            func flush(upTo end: Int) {
                if wordStart >= 0 {
                    wordPiece(UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), into: &sink, pieces: &pieces)
                    wordStart = -1
                }
            }
            while index < bytes.count, !sink.isFull {
                let byte = bytes[index]
                let length = Self.scalarLength(leadByte: byte)
                let scalar = length == 1 ? Unicode.Scalar(byte) : Self.decode(bytes, at: index, length: length)
                if BertCharacters.isWhitespace(scalar) {
                    flush(upTo: index)
                } else if BertCharacters.isPunctuation(scalar) {
                    flush(upTo: index)
                    wordPiece(
                        UnsafeBufferPointer(rebasing: bytes[index..<index + length]), into: &sink, pieces: &pieces)
                } else if wordStart < 0 {
                    wordStart = index
                }
                index += length
            }
            if !sink.isFull { flush(upTo: bytes.count) }
        }
        scratch.pieces = pieces
    }

    /// One word to pieces: the longest vocabulary entry from the start, then `##` pieces; the
    /// whole word is `[UNK]` if any part cannot be matched or it is too long.
    func wordPiece(_ word: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink, pieces: inout [Int32]) {
        var scalars = 0
        for byte in word where byte & 0xC0 != 0x80 { scalars += 1 }
        if scalars > maxInputCharactersPerWord {
            sink.append(unknownID)
            return
        }
        pieces.removeAll(keepingCapacity: true)
        var start = 0
        while start < word.count {
            // No vocabulary entry is longer than `longestToken` bytes (a `##` piece 2 fewer).
            let cap = vocabulary.longestToken - (start > 0 ? 2 : 0)
            var end = min(word.count, start + max(cap, 0))
            while end < word.count, word[end] & 0xC0 == 0x80 { end -= 1 }
            var found: Int32?
            while end > start {
                if let id = vocabulary.lookUp(continuation: start > 0, UnsafeBufferPointer(rebasing: word[start..<end]))
                {
                    found = id
                    break
                }
                end -= 1
                while end > start, word[end] & 0xC0 == 0x80 { end -= 1 }
            }
            guard let id = found else {
                sink.append(unknownID)
                return
            }
            pieces.append(id)
            start = end
        }
        for id in pieces { sink.append(id) }
    }

    /// BERT's normaliser, into UTF-8 bytes: clean, space out CJK ideographs, NFD without
    /// non-spacing marks, lower-case.
    ///
    /// ASCII bytes, the common case, skip the Unicode tables; only runs of non-ASCII characters
    /// take the slow path. Cutting there changes nothing: an ASCII character never decomposes
    /// and is a starter, so NFD reorders and strips marks within a run only.
    static func normalize(_ segment: Substring.UTF8View, into out: inout [UInt8]) {
        out.reserveCapacity(segment.count)
        var index = segment.startIndex
        while index < segment.endIndex {
            let byte = segment[index]
            guard byte >= 0x80 else {
                let scalar = Unicode.Scalar(byte)
                if BertCharacters.isWhitespace(scalar) {
                    out.append(0x20)
                } else if !BertCharacters.isRemoved(scalar) {
                    out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                }
                index = segment.index(after: index)
                continue
            }
            var end = index
            while end < segment.endIndex, segment[end] >= 0x80 { end = segment.index(after: end) }
            normalizeUnicode(Substring(segment[index..<end]), into: &out)
            index = end
        }
    }

    /// The Unicode tables' part of `normalize`, for a run of non-ASCII characters.
    private static func normalizeUnicode(_ run: Substring, into out: inout [UInt8]) {
        var cleaned = String.UnicodeScalarView()
        for scalar in run.unicodeScalars {
            if BertCharacters.isRemoved(scalar) { continue }
            if BertCharacters.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if BertCharacters.isChineseCharacter(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        for scalar in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if !BertCharacters.isNonspacingMark(scalar) {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
    }

    /// The byte length of the UTF-8 sequence that starts with `leadByte`.
    static func scalarLength(leadByte: UInt8) -> Int {
        if leadByte < 0x80 { return 1 }
        if leadByte < 0xE0 { return 2 }
        if leadByte < 0xF0 { return 3 }
        return 4
    }

    /// Decodes the multi-byte scalar at `index` (the buffer is valid UTF-8, built by `normalize`).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(bytes[index]) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
