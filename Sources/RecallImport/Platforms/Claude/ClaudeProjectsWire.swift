/// The shape of an element of a Claude export's `projects.json`, with the export's own key
/// names.
///
/// Only `ClaudeProjectsParser` uses it; `uuid` is required, everything else is lenient.
enum ClaudeProjectsWire {
    /// One project.
    struct Project: Decodable {
        var uuid: String
        @Lenient var name: String?
        @Lenient var description: String?
        @Lenient var isPrivate: Bool?
        @Lenient var isStarterProject: Bool?
        @Lenient var promptTemplate: String?
        @Lenient var createdAt: String?
        @Lenient var updatedAt: String?
        @Lenient private var creator: Creator?
        @Lenient var docs: [Entry]

        /// The full name of whoever made the project.
        var creatorName: String? { creator?.fullName }

        private enum CodingKeys: String, CodingKey {
            case uuid, name, description, creator, docs
            case isPrivate = "is_private"
            case isStarterProject = "is_starter_project"
            case promptTemplate = "prompt_template"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }

        private struct Creator: Decodable {
            var fullName: String?

            private enum CodingKeys: String, CodingKey {
                case fullName = "full_name"
            }
        }
    }

    /// An entry of `docs`: a document, or something unreadable.
    enum Entry: Decodable {
        case doc(Doc)
        case unreadable(String)

        init(from decoder: any Decoder) throws {
            do {
                self = .doc(try Doc(from: decoder))
            } catch let error as DecodingError {
                self = .unreadable(error.summary)
            }
        }
    }

    /// A knowledge document, inlined as text.
    struct Doc: Decodable {
        @Lenient var uuid: String?
        @Lenient var filename: String?
        @Lenient var content: String?
        @Lenient var createdAt: String?

        private enum CodingKeys: String, CodingKey {
            case uuid, filename, content
            case createdAt = "created_at"
        }
    }
}
