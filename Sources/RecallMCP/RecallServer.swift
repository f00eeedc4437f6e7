public import RecallCore

/// The MCP server over stdio: reads JSON-RPC from stdin, writes it to stdout, until EOF.
public struct RecallServer: Sendable {
    /// The core every tool calls.
    public let recall: Recall
    /// Reported in `serverInfo.version`.
    public let version: String

    /// Creates a server over a Recall.
    public init(recall: Recall, version: String) {
        self.recall = recall
        self.version = version
    }

    /// Serves stdin/stdout until stdin closes and every in-flight request is answered.
    public func runStdio() async {
    }
}
