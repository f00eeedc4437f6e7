import Foundation

/// Reads Gemini conversations from Google Takeout's `My Activity/Gemini Apps/MyActivity.html`,
/// the page Takeout writes when HTML is chosen instead of JSON.
///
/// Each record is a `div.outer-cell`: a header cell with the product ("Gemini Apps"), a body cell
/// (`content-cell … mdl-typography--body-1`) holding `verb&nbsp;prompt<br>timestamp<br>answer
/// HTML`, and a caption cell listing the products. Everything written in words is in the
/// account's language: the verb is whatever precedes the first `&nbsp;` (so "Prompted", Czech
/// "Pokyn" and the rest need no table), and the timestamp is read by `LocalizedTimestamp`. A
/// prompt can span several `<br>`-separated lines: the first line after it that reads as a
/// timestamp ends it. Records are then grouped like the JSON ones (`GeminiActivityLog`).
struct GeminiActivityHTMLParser: DocumentParser {
    let platform = Platform.gemini
    let formatName = "Gemini My Activity page (MyActivity.html from Google Takeout)"
    let input = DocumentInput.text

    func recognizes(_ sample: DocumentSample) -> Bool {
        guard case .text(let head) = sample else { return false }
        let lowered = head.prefix(4096).lowercased()
        return lowered.contains("<!doctype html") || lowered.contains("<html") || head.contains("outer-cell")
    }

    func parse(document: Data, file: String) throws -> DocumentParse {
        let bytes = [UInt8](document)
        let cells = Self.recordSlices(bytes)
        guard !cells.isEmpty else {
            if String(decoding: bytes.prefix(1 << 16), as: UTF8.self).contains("ChatGPT Data Export") {
                throw ExportParseError(
                    "it is ChatGPT's chat.html viewer; import the conversations.json beside it, or the export's ZIP")
            }
            throw ExportParseError(
                "it is an HTML page without My Activity records (expected `div.outer-cell` records as in Takeout's MyActivity.html)"
            )
        }
        var records: [GeminiActivityRecord] = []
        var unknownZones = Set<String>()
        for (index, cell) in cells.enumerated() {
            let parsed = GeminiActivityCell(tokens: HTMLToken.tokenize(utf8: Array(cell)))
            if let zone = parsed.unknownZone { unknownZones.insert(zone) }
            records.append(parsed.record(index: index))
        }
        guard records.contains(where: \.isGemini) else {
            let products = Set(records.compactMap(\.product)).sorted().prefix(3).joined(separator: ", ")
            throw ExportParseError(
                "it is a My Activity page for \(products.isEmpty ? "other products" : products), not Gemini Apps")
        }
        var (conversations, diagnostics) = GeminiActivityLog.conversations(from: records, file: file)
        if !unknownZones.isEmpty {
            diagnostics.append(
                ImportDiagnostic(
                    severity: .warning, file: file,
                    message:
                        "timestamps with a time zone Recall does not know (\(unknownZones.sorted().joined(separator: ", "))) were read as UTC"
                ))
        }
        return DocumentParse(conversations: conversations, diagnostics: diagnostics)
    }

    /// The page cut into one piece per `div.outer-cell`, in one pass over the bytes, so a page
    /// of thousands of records is never tokenized (or searched) as a whole.
    static func recordSlices(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let marker = Array("outer-cell".utf8)
        let open = Array("<div".utf8)
        var starts: [Int] = []
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            // The `<div` whose attributes hold the class: the nearest one before, with no `>` between.
            var back = index - 1
            while back >= 0, bytes[back] != UInt8(ascii: ">"), bytes[back] != UInt8(ascii: "<") { back -= 1 }
            if back >= 0, bytes[back...].starts(with: open), starts.last.map({ $0 < back }) ?? true {
                starts.append(back)
            }
            index += marker.count
        }
        return starts.enumerated().map { number, start in
            bytes[start..<(number + 1 < starts.count ? starts[number + 1] : bytes.count)]
        }
    }
}
