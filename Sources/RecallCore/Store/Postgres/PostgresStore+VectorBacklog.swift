import Foundation
import PostgresNIO

extension PostgresStore {
    /// Visible messages after `messageID` with no vector of this model: their ids and text, oldest first.
    func messagesWithoutVectors(model: String, after messageID: Int64, limit: Int) throws -> [(id: Int64, text: String)]
    {
        try read { connection in
            try connection.run(
                """
                SELECT m.id, m.content, m.attachment_text FROM messages m
                WHERE m.id > \(messageID) AND NOT m.hidden AND NOT EXISTS (
                    SELECT 1 FROM message_vectors v JOIN vector_models model ON model.id = v.model_id
                    WHERE v.message_id = m.id AND model.name = \(model))
                ORDER BY m.id LIMIT \(limit)
                """
            ).rows.map { row in
                let (id, content, attachment) = try row.decode((Int64, String, String?).self)
                return (id, attachment.map { content + "\n" + $0 } ?? content)
            }
        }
    }

    /// Memories after `memoryID` with no vector of this model: their ids and text, oldest first.
    func memoriesWithoutVectors(model: String, after memoryID: Int64, limit: Int) throws -> [(id: Int64, text: String)]
    {
        try read { connection in
            try connection.run(
                """
                SELECT mem.id, mem.content, mem.image_description FROM memories mem
                WHERE mem.id > \(memoryID) AND NOT EXISTS (
                    SELECT 1 FROM memory_vectors v JOIN vector_models model ON model.id = v.model_id
                    WHERE v.memory_id = mem.id AND model.name = \(model))
                ORDER BY mem.id LIMIT \(limit)
                """
            ).rows.map { row in
                let (id, content, description) = try row.decode((Int64, String, String?).self)
                return (id, description.map { content + "\n" + $0 } ?? content)
            }
        }
    }

    /// How many visible messages and memories there are, and how many have a vector of each model.
    func vectorCoverage(messageModel: String, memoryModels: [String]) throws -> (
        messages: Int, messageVectors: Int, memories: Int, memoryVectors: [Int]
    ) {
        try read { connection in
            func count(_ query: PostgresQuery) throws -> Int {
                Int(try connection.run(query).rows.first?.decode(Int64.self) ?? 0)
            }
            let messages = try count("SELECT COUNT(*) FROM messages WHERE NOT hidden")
            let messageVectors = try count(
                """
                SELECT COUNT(*) FROM message_vectors v JOIN vector_models model ON model.id = v.model_id
                WHERE model.name = \(messageModel)
                """)
            let memories = try count("SELECT COUNT(*) FROM memories")
            let memoryVectors = try memoryModels.map { name in
                try count(
                    """
                    SELECT COUNT(*) FROM memory_vectors v JOIN vector_models model ON model.id = v.model_id
                    WHERE model.name = \(name)
                    """)
            }
            return (messages, messageVectors, memories, memoryVectors)
        }
    }
}
