/// The shape of one record of Google Takeout's `My Activity/Gemini Apps/MyActivity.json`, with
/// the export's own key names.
///
/// Only `GeminiTakeoutParser` uses it; every field is optional.
enum GeminiTakeoutWire {
    /// One activity record.
    struct Record: Decodable {
        @Lenient var header: String?
        @Lenient var title: String?
        @Lenient var titleURL: String?
        @Lenient var time: String?
        @Lenient var products: [String]
        @Lenient private var safeHTMLItems: [HTMLItem]
        @Lenient var subtitles: [Note]
        @Lenient var details: [Note]
        @Lenient var attachedFiles: [JSONValue]
        @Lenient private var imageFile: FileNames?

        /// The answer as HTML; several entries are regenerated answers.
        var safeHTML: [String] { safeHTMLItems.compactMap(\.html) }
        /// The images the prompt carried.
        var imageFiles: [String] { imageFile?.names ?? [] }

        private enum CodingKeys: String, CodingKey {
            case header, title, time, products, subtitles, details, attachedFiles, imageFile
            case titleURL = "titleUrl"
            case safeHTMLItems = "safeHtmlItem"
        }

        private struct HTMLItem: Decodable { var html: String? }

        /// `imageFile`, seen both as one file name and as a list of them.
        private struct FileNames: Decodable {
            var names: [String]

            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let list = try? c.decode([String].self) {
                    names = list
                } else {
                    names = [try c.decode(String.self)]
                }
            }
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
