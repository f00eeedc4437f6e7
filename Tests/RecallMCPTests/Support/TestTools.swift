import RecallCore

@testable import RecallMCP

/// Tools that exist only in tests, to exercise the protocol layer without RecallCore.
enum TestTools {
    /// Output of most test tools.
    struct Reply: Encodable, Sendable {
        var text: String
    }

    /// Arguments with one optional string.
    struct TextArguments: ToolArguments {
        var text: String?
        var level: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case text, level
        }
    }

    static let textSchema = JSONSchema.object(["text": JSONSchema.string(), "level": JSONSchema.string()])
    static let replySchema = JSONSchema.object(["text": JSONSchema.string()], required: ["text"])

    /// Returns its `text` argument unchanged.
    struct Echo: RecallTool {
        static let name = "test_echo"
        static let title = "Echo"
        static let description = "Returns text unchanged."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            Reply(text: arguments.text ?? "")
        }
    }

    /// Reports progress (announcing it started), then blocks until cancelled.
    struct Block: RecallTool {
        static let name = "test_block"
        static let title = "Block"
        static let description = "Blocks until cancelled."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly
        let cancelled = Gate()

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            let gate = Gate()
            try await withTaskCancellationHandler {
                context.reportProgress(1, message: "started")
                await gate.wait()
                cancelled.open()
                try Task.checkCancellation()
            } onCancel: {
                gate.open()
            }
            return Reply(text: "finished without cancellation")
        }
    }

    /// Waits for a gate the test opens, then answers.
    struct Wait: RecallTool {
        static let name = "test_wait"
        static let title = "Wait"
        static let description = "Waits for the test."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly
        let gate: Gate

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            await gate.wait()
            return Reply(text: arguments.text ?? "")
        }
    }

    /// A long write (like an import): announces that it started, then waits for a gate.
    struct LongWait: RecallTool {
        static let name = "test_long_wait"
        static let title = "Long wait"
        static let description = "Runs long until the test opens its gate."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.additive
        let started: Gate
        let gate: Gate

        static func kind(of arguments: [String: JSONValue]) -> CallKind { .long }

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            started.open()
            await gate.wait()
            return Reply(text: arguments.text ?? "")
        }
    }

    /// Reports progress 1, 2, 2 (dropped: not an increase), 1.5 (dropped), 3 of 3.
    struct Progress: RecallTool {
        static let name = "test_progress"
        static let title = "Progress"
        static let description = "Reports progress."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            for value in [1, 2, 2, 1.5, 3] { context.reportProgress(value, total: 3, message: "step \(value)") }
            return Reply(text: "done")
        }
    }

    /// Logs `text` at `level`.
    struct Log: RecallTool {
        static let name = "test_log"
        static let title = "Log"
        static let description = "Logs a line."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            context.log(LogLevel(rawValue: arguments.level ?? "info") ?? .info, arguments.text ?? "")
            return Reply(text: "logged")
        }
    }

    /// Asks the client's model through `sampling/createMessage` and returns its text.
    struct Sample: RecallTool {
        static let name = "test_sample"
        static let title = "Sample"
        static let description = "Asks the client."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            let params: JSONValue = .object([
                "messages": .array([
                    .object([
                        "role": .string("user"),
                        "content": .object(["type": .string("text"), "text": .string(arguments.text ?? "")]),
                    ])
                ]),
                "maxTokens": .int(50),
            ])
            let result = try await context.createMessage(params)
            return Reply(text: result["content"]?["text"]?.stringValue ?? "no text")
        }
    }

    /// Throws an error that is neither a RecallError nor a decoding error.
    struct Crash: RecallTool {
        struct Unexpected: Error {}

        static let name = "test_crash"
        static let title = "Crash"
        static let description = "Fails unexpectedly."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            throw Unexpected()
        }
    }

    /// Throws the RecallError a Core call would, for a missing chat.
    struct Fail: RecallTool {
        static let name = "test_fail"
        static let title = "Fail"
        static let description = "Fails like RecallCore."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            throw RecallError(.notFound, "No chat with id chat_9.\nUse list_chats or search to find ids.")
        }
    }

    /// Returns more text than a result may hold.
    struct Huge: RecallTool {
        static let name = "test_huge"
        static let title = "Huge"
        static let description = "Too much output."
        static let inputSchema = TestTools.textSchema
        static let outputSchema = TestTools.replySchema
        static let annotations = ToolAnnotations.readOnly
        static let oversizeHint = "Ask for less."

        func call(_ arguments: TextArguments, context: ToolContext) async throws -> Reply {
            Reply(text: String(repeating: "x", count: ToolRegistry.maximumResultCharacters + 1))
        }
    }
}
