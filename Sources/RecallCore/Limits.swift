/// Every range RecallCore accepts for paging and budgets, in one place: the core validates
/// requests against these, the MCP tool schemas and the CLI's option checks read them, so a
/// bound is changed here and nowhere else.
///
/// Tool results must stay under about 40,000 characters (clients warn at ~10k tokens), so where
/// a tool asks for less than the core allows, the tool's range is a separate, named bound here
/// rather than a number in the tool.
///
/// ```swift
/// guard Limits.searchResults.contains(limit) else { … }
/// ```
public enum Limits {
    /// Results of one search call in the core and the REST route: up to 100 in one ranking, as
    /// the hosted services allow, since offset pages of rankings taken at different depths could
    /// repeat or skip a hit.
    public static let searchResults = 1...100
    /// Results per page of the `search` tool and the CLI's `search`: half the core's, so a page
    /// of long snippets fits in one tool result.
    public static let searchResultsPerPage = 1...50
    /// Memories per `list_memories` page.
    public static let memoriesPerPage = 1...100
    /// Chats per `list_chats` page.
    public static let chatsPerPage = 1...100
    /// Page numbers of `list_chats`.
    public static let chatPages = 1...1_000_000
    /// Messages per conversation page (the CLI's `show`, exports, REST).
    public static let conversationMessages = 1...200
    /// Messages per `get_conversation` page: half the core's, so a page of long messages fits
    /// in one tool result.
    public static let conversationMessagesPerToolCall = 1...100
    /// Messages before or after the one a conversation page is centred on.
    public static let messagesAround = 0...50
    /// Where a conversation page may start.
    public static let conversationOffsets = 0...Int(Int32.max)
    /// A context block's budget in tokens.
    public static let contextTokens = 50...32_000
    /// A context block's budget in tokens for `get_context`: 8,000 tokens is about 32,000
    /// characters, the most that fits in one tool result.
    public static let contextTokensPerToolCall = 100...8_000
    /// The characters of one tool result, beyond which it is cut to fit or refused with advice
    /// to page or narrow.
    public static let toolResultCharacters = 40_000
}
