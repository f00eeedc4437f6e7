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
        let html = String(decoding: document, as: UTF8.self)
        let cells = Self.recordSlices(html)
        guard !cells.isEmpty else {
            if html.contains("ChatGPT Data Export") {
                throw ExportParseError("it is ChatGPT's chat.html viewer; import the conversations.json beside it, or the export's ZIP")
            }
            throw ExportParseError("it is an HTML page without My Activity records (expected `div.outer-cell` records as in Takeout's MyActivity.html)")
        }
        var records: [GeminiActivityRecord] = []
        var unknownZones = Set<String>()
        for (index, cell) in cells.enumerated() {
            let parsed = GeminiActivityCell(tokens: HTMLToken.tokenize(cell))
            if let zone = parsed.unknownZone { unknownZones.insert(zone) }
            records.append(parsed.record(index: index))
        }
        guard records.contains(where: \.isGemini) else {
            let products = Set(records.compactMap(\.product)).sorted().prefix(3).joined(separator: ", ")
            throw ExportParseError("it is a My Activity page for \(products.isEmpty ? "other products" : products), not Gemini Apps")
        }
        var (conversations, diagnostics) = GeminiActivityLog.conversations(from: records, file: file)
        if !unknownZones.isEmpty {
            diagnostics.append(ImportDiagnostic(
                severity: .warning, file: file,
                message: "timestamps with a time zone Recall does not know (\(unknownZones.sorted().joined(separator: ", "))) were read as UTC"))
        }
        return DocumentParse(conversations: conversations, diagnostics: diagnostics)
    }

    /// The page cut into one piece per `div.outer-cell`, without tokenizing the whole page at once.
    static func recordSlices(_ html: String) -> [Substring] {
        var starts: [String.Index] = []
        var searchFrom = html.startIndex
        while let marker = html.range(of: "outer-cell", range: searchFrom..<html.endIndex) {
            searchFrom = marker.upperBound
            guard let open = html.range(of: "<div", options: .backwards, range: html.startIndex..<marker.lowerBound),
                  !html[open.upperBound..<marker.lowerBound].contains(">")
            else { continue }
            starts.append(open.lowerBound)
        }
        return starts.enumerated().map { index, start in
            html[start..<(index + 1 < starts.count ? starts[index + 1] : html.endIndex)]
        }
    }
}
