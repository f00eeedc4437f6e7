/// Recall's public ids: a kind prefix and the row id (`chat_12`, `msg_5`, `mem_7`, `imp_3`).
///
/// The prefix lets a tool reject a memory id passed where a chat id belongs with a clear message.
enum PublicID: String, CaseIterable {
    case chat
    case message = "msg"
    case memory = "mem"
    case importRun = "imp"

    /// The public form of a row id.
    func string(_ rowID: Int64) -> String { "\(rawValue)_\(rowID)" }

    /// The row id in a public id of this kind, or nil when it is not one.
    func rowID(_ id: String) -> Int64? {
        let prefix = rawValue + "_"
        guard id.hasPrefix(prefix), let value = Int64(id.dropFirst(prefix.count)), value > 0 else { return nil }
        return value
    }

    /// The row id, or an invalid-argument error naming the field and the expected shape.
    func require(_ id: String, field: String) throws -> Int64 {
        if let value = rowID(id) { return value }
        throw RecallError.invalid(field, "`\(id.prefix(64))` is not a \(noun) id; expected one like `\(string(12))`")
    }

    private var noun: String {
        switch self {
        case .chat: "chat"
        case .message: "message"
        case .memory: "memory"
        case .importRun: "import"
        }
    }
}
