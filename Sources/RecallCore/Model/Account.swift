/// Whose data a row is: every chat, import and memory carries an account.
public enum Account {
    /// The account the CLI and the stdio server act as; data stored before accounts existed has it.
    public static let local = "local"
}
