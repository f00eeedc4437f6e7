import Foundation

/// Reads Gemini conversations from Google Takeout's `My Activity/Gemini Apps/MyActivity.json`.
///
/// The file is a list of activity records, newest first: `header` "Gemini Apps", `title`
/// "Prompted <the prompt>", `time` (ISO-8601), `safeHtmlItem[{html}]` (the answer, as HTML),
/// `subtitles` (the Gem used, attached files), `imageFile`/`attachedFiles`. Records only become
/// conversations once grouped (`GeminiActivityLog`), so the file is read whole.
///
/// Answers are turned into clean text (`HTMLText`). When a record has no `safeHtmlItem` (older
/// exports), the lines of `subtitles` that are not notes about Gems or files are its answer.
struct GeminiTakeoutParser: DocumentParser {
    let platform = Platform.gemini
    let formatName = "Gemini My Activity file (MyActivity.json from Google Takeout)"
    let input = DocumentInput.json

    func recognizes(_ sample: DocumentSample) -> Bool {
        guard case .jsonElement(let data) = sample,
            let probe = try? JSONDecoder().decode(GeminiTakeoutWire.Probe.self, from: data),
            probe.time != nil, probe.title != nil
        else { return false }
        return ([probe.header].compactMap { $0 } + (probe.products ?? [])).contains(
            where: GeminiActivityRecord.isGeminiProduct)
    }

    func parse(document: Data, file: String) throws -> DocumentParse {
        var records: [GeminiActivityRecord] = []
        var diagnostics: [ImportDiagnostic] = []
        var splitter = JSONArraySplitter(maxElementSize: document.count)
        do {
            try splitter.feed(document) { event in
                guard case .element(let element) = event else { return }
                do {
                    let wire = try JSONDecoder().decode(GeminiTakeoutWire.Record.self, from: element.data)
                    records.append(Self.record(wire, index: element.index))
                } catch {
                    let summary = (error as? DecodingError)?.summary ?? "\(error)"
                    diagnostics.append(
                        ImportDiagnostic(
                            severity: .error, file: file, conversation: "#\(element.index)", offset: element.offset,
                            message:
                                "activity record #\(element.index) at byte \(element.offset) could not be read (\(summary)); it was skipped"
                        ))
                }
            }
        } catch let error as JSONArraySplitter.SyntaxError {
            throw ExportParseError("it is not JSON (\(error.message))")
        }
        if case .truncated(let offset, _, _) = splitter.finish() {
            diagnostics.append(
                ImportDiagnostic(
                    severity: .warning, file: file, offset: offset,
                    message:
                        "the file ends at byte \(offset) before its list of records is closed (the download may be incomplete); the records before that point were imported"
                ))
        }
        guard records.contains(where: \.isGemini) else {
            throw ExportParseError(
                "it holds no Gemini Apps activity records (expected records with \"header\": \"Gemini Apps\")")
        }
        let (conversations, notes) = GeminiActivityLog.conversations(from: records, file: file)
        return DocumentParse(conversations: conversations, diagnostics: diagnostics + notes)
    }

    /// The record in the shape shared with the HTML page.
    static func record(_ wire: GeminiTakeoutWire.Record, index: Int) -> GeminiActivityRecord {
        var answers = wire.safeHTML.map(HTMLText.plainText).filter { !$0.isEmpty }
        if answers.isEmpty {
            let lines = wire.subtitles.filter { $0.url == nil }.compactMap(\.name).filter { !isNote($0) }
            let text = HTMLText.plainText(lines.joined(separator: "<br>"))
            if !text.isEmpty { answers = [text] }
        }
        let links = [wire.titleURL] + (wire.details + wire.subtitles).flatMap { [$0.url, $0.name] }
        return GeminiActivityRecord(
            verb: nil, title: wire.title ?? "", time: wire.time.flatMap(ISO8601Timestamp.date(from:)),
            key: wire.time ?? "#\(index)", answers: answers, attachments: attachments(wire),
            conversationID: links.compactMap { $0.flatMap(GeminiActivityRecord.conversationID(in:)) }.first,
            conversationTitle: GeminiActivityRecord.conversationTitle(header: wire.header, products: wire.products),
            gem: wire.subtitles.compactMap { $0.name.flatMap(GeminiActivityRecord.gem(in:)) }.first,
            isGemini: ([wire.header].compactMap { $0 } + wire.products).contains(
                where: GeminiActivityRecord.isGeminiProduct),
            product: wire.header ?? wire.products.first)
    }

    /// A subtitle that describes the prompt rather than answering it: the Gem, attached files, links.
    private static func isNote(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return GeminiActivityRecord.gem(in: trimmed) != nil || trimmed.hasPrefix("Attached ") || trimmed.hasPrefix("- ")
            || trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://")
    }

    /// Files named in `subtitles` (a name and the file in the Takeout folder), `imageFile` and
    /// `attachedFiles`, once each.
    private static func attachments(_ wire: GeminiTakeoutWire.Record) -> [Attachment] {
        var result: [Attachment] = []
        func add(name: String?, file: String?) {
            let name = name.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "- ").union(.whitespaces)) }
            guard let key = file ?? name, !key.isEmpty, !result.contains(where: { ($0.pointer ?? $0.name) == key })
            else { return }
            let isImage = ["png", "jpg", "jpeg", "gif", "webp", "heic", "bmp"].contains(
                (key as NSString).pathExtension.lowercased())
            result.append(
                Attachment(kind: isImage ? .image : .file, name: name?.isEmpty == false ? name : key, pointer: file))
        }
        for note in wire.subtitles {
            guard let url = note.url, !url.hasPrefix("http://"), !url.hasPrefix("https://") else { continue }
            add(name: note.name, file: url)
        }
        for image in wire.imageFiles { add(name: nil, file: image) }
        for entry in wire.attachedFiles {
            if let file = entry.stringValue {
                add(name: nil, file: file)
            } else if let object = entry.objectValue {
                let file = ["url", "file", "fileName", "name"].lazy.compactMap { object[$0]?.stringValue }.first
                add(name: object["name"]?.stringValue, file: file)
            }
        }
        return result
    }
}
