/// The shape of an element of a Claude export's `projects.json`, with the export's own key
/// names.
///
/// Only `ClaudeProjectsParser` uses it; `uuid` is required, everything else is lenient.
enum ClaudeProjectsWire {
    /// One project.
    struct Project: Decodable {
        var uuid: String
        var name: String?
        var description: String?
        var isPrivate: Bool?
        var isStarterProject: Bool?
        var promptTemplate: String?
        var createdAt: String?
        var updatedAt: String?
        var creatorName: String?
        var docs: [Entry]

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

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            uuid = try c.decode(String.self, forKey: .uuid)
            name = c.lenient(String.self, .name)
            description = c.lenient(String.self, .description)
            isPrivate = c.lenient(Bool.self, .isPrivate)
            isStarterProject = c.lenient(Bool.self, .isStarterProject)
            promptTemplate = c.lenient(String.self, .promptTemplate)
            createdAt = c.lenient(String.self, .createdAt)
            updatedAt = c.lenient(String.self, .updatedAt)
            creatorName = c.lenient(Creator.self, .creator)?.fullName
            docs = c.lenient([Entry].self, .docs) ?? []
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
