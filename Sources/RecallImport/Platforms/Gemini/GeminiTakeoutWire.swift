/// The shape of one record of Google Takeout's `My Activity/Gemini Apps/MyActivity.json`, with
/// the export's own key names.
///
/// Only `GeminiTakeoutParser` uses it; every field is optional.
enum GeminiTakeoutWire {
    /// One activity record.
    struct Record: Decodable {
        var header: String?
        var title: String?
        var titleURL: String?
        var time: String?
        var products: [String]
        /// The answer as HTML; several entries are regenerated answers.
        var safeHTML: [String]
        var subtitles: [Note]
        var details: [Note]
        var attachedFiles: [JSONValue]
        var imageFiles: [String]

        private enum CodingKeys: String, CodingKey {
            case header, title, time, products, subtitles, details, attachedFiles
            case titleURL = "titleUrl"
            case safeHTML = "safeHtmlItem"
            case imageFile
        }

        private struct HTMLItem: Decodable { var html: String? }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            header = c.lenient(String.self, .header)
            title = c.lenient(String.self, .title)
            titleURL = c.lenient(String.self, .titleURL)
            time = c.lenient(String.self, .time)
            products = c.lenient([String].self, .products) ?? []
            safeHTML = (c.lenient([HTMLItem].self, .safeHTML) ?? []).compactMap(\.html)
            subtitles = c.lenient([Note].self, .subtitles) ?? []
            details = c.lenient([Note].self, .details) ?? []
            attachedFiles = c.lenient([JSONValue].self, .attachedFiles) ?? []
            // Seen both as one file name and as a list of them.
            imageFiles = c.lenient([String].self, .imageFile) ?? c.lenient(String.self, .imageFile).map { [$0] } ?? []
        }
    }

    /// An entry of `subtitles` or `details`: a line of text, sometimes with a link or a file name.
    struct Note: Decodable {
        @Lenient var name: String?
        @Lenient var url: String?

        private enum CodingKeys: String, CodingKey { case name, url }
    }

    /// Just enough of a record to recognise one.
    struct Probe: Decodable {
        var header: String?
        var title: String?
        var time: String?
        var products: [String]?
    }
}
