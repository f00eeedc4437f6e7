/// The `instructions` sent with `initialize`: how the tools fit together, not what each does
/// (clients put this in the model's system prompt, so it stays short).
enum ServerInstructions {
    /// At most 600 characters.
    static let text = """
        Recall is the user's local memory: memories saved with add_memory, plus chats imported from \
        ChatGPT, Claude and other assistants. To answer from it, call search, or get_context for a \
        ready-made cited block. A message hit has chat_id and id: call get_conversation with \
        id=chat_id and around_message_id=id to read around it. Results are paged: pass next_cursor \
        back as cursor (list_chats takes page, get_conversation offset=next_offset). When the user \
        states a lasting fact or preference, or asks you to remember something, call add_memory. \
        Run forget with dry_run=true first.
        """
}
