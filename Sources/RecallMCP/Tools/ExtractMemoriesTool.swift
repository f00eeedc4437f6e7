import RecallCore

/// `extract_memories`: runs fact extraction over chats, an import or text.
///
/// With `use_sampling: true` and a client that declared `sampling`, the client's own model is
/// asked to propose facts too; the rules check every proposal and keep only valid ones. Sampling
/// is opt-in because it spends the user's model and clients may ask them to approve each request.
struct ExtractMemoriesTool: RecallTool {
    static let name = "extract_memories"
    static let title = "Extract memories"
    static let description = """
        Extract facts about the user from chats, an import or text and save them; dry_run=true returns \
        candidates with verdict and reason. use_sampling=true also asks your model (client sampling).
        """
    static let annotations = ToolAnnotations.additive
    static let oversizeHint = "Extract from fewer chats at a time, or use `dry_run` on a smaller set."

    static let inputSchema = JSONSchema.object([
        "chat_ids": JSONSchema.strings("Chats to read (chat_…)."),
        "import_id": JSONSchema.string("Read every chat of this import (imp_…)."),
        "text": JSONSchema.string("Text to read as one user message."),
        "dry_run": JSONSchema.boolean("Only return the candidates and what storing each would do (default false)."),
        "user_id": JSONSchema.string("Whose memories they become: \(JSONSchema.Says.user)."),
        "use_sampling": JSONSchema.boolean("Also ask your own model, via client sampling (default false)."),
    ])

    /// The candidates, each with its `verdict` (keep or drop) and `reason`; the other members are
    /// counts and the stored memories.
    ///
    /// Items are described in words to keep `tools/list` small.
    static let outputSchema = JSONSchema.output(["candidates": JSONSchema.list, "dropped": JSONSchema.integer()])

    /// Candidates a result lists (the counts cover all): about 40 listed candidates with their
    /// memories stay well inside the result limit.
    static let listLimit = 40

    /// Progress notifications at most this often; extraction reports after every batch.
    static let progressInterval: Duration = .milliseconds(100)

    /// Over chats or an import the run is long (batch after batch), and so is waiting for the
    /// client's model; reads sent meanwhile do not wait for it.
    ///
    /// Text alone is a short write.
    static func kind(of arguments: [String: JSONValue]) -> CallKind {
        let chats = arguments["chat_ids"]?.arrayValue.map { !$0.isEmpty } ?? false
        let importID = arguments["import_id"].map { $0 != .null } ?? false
        return chats || importID || arguments["use_sampling"] == .bool(true) ? .long : .write
    }

    struct Arguments: ToolArguments {
        var chatIDs: [String]?
        var importID: String?
        var text: String?
        var dryRun: Bool?
        var userID: String?
        var useSampling: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case text
            case chatIDs = "chat_ids"
            case importID = "import_id"
            case dryRun = "dry_run"
            case userID = "user_id"
            case useSampling = "use_sampling"
        }
    }

    func call(_ arguments: Arguments, context: ToolContext) async throws -> ExtractResult {
        let chatIDs = arguments.chatIDs ?? []
        if chatIDs.isEmpty, arguments.importID == nil, arguments.text == nil {
            throw RecallError.invalidArguments(field: "chat_ids", "or `import_id` or `text` is required")
        }
        var request = ExtractRequest(
            chatIDs: chatIDs, importID: arguments.importID, text: arguments.text, dryRun: arguments.dryRun ?? false,
            userID: arguments.userID, listLimit: Self.listLimit)
        guard arguments.useSampling == true else { return try await extract(request, context: context) }
        guard context.clientCapabilities["sampling"] != nil else {
            var result = try await extract(request, context: context)
            result.sampling = SamplingReport(
                used: false, note: "the client did not declare the sampling capability; rules only")
            return result
        }
        let inputs = try await context.core { [request] in try $0.extractionInputs(request) }
        let prompt = FactProposalPrompt(inputs: inputs)
        guard prompt.messagesIncluded > 0 else {
            var result = try await extract(request, context: context)
            result.sampling = SamplingReport(used: false, note: "there are no user messages to show the model")
            return result
        }
        let reply: SamplingReply
        do {
            reply = try await SamplingReply.ask(prompt, context: context)
        } catch let error as JSONRPCError {
            // The user declined, or the client's model failed: the rules alone still answer.
            var result = try await extract(request, context: context)
            result.sampling = SamplingReport(
                used: false, messagesSent: prompt.messagesIncluded,
                note: "the client's model did not answer: \(error.message)")
            return result
        }
        let parsed = FactProposal.parse(reply.text)
        request.proposals = parsed.proposals
        var result = try await context.core { [request] in try $0.extractMemories(request) }
        var report = result.sampling ?? SamplingReport(used: true)
        report.model = reply.model
        report.messagesSent = prompt.messagesIncluded
        report.note = parsed.problem.map { "the model's reply was not used: \($0)" }
        result.sampling = report
        return result
    }

    /// Runs the extraction a batch at a time, reporting progress after each and stopping when
    /// the client cancels (batches already stored stay).
    private func extract(_ request: ExtractRequest, context: ToolContext) async throws -> ExtractResult {
        let throttle = ProgressThrottle(interval: Self.progressInterval)
        return try await context.core(cancellable: { recall, cancelled in
            try recall.extractMemories(request) { progress in
                if cancelled() { throw CancellationError() }
                guard throttle.allows() || progress.messagesScanned == progress.totalMessages else { return }
                context.reportProgress(
                    Double(progress.messagesScanned), total: Double(progress.totalMessages),
                    message: "\(progress.candidatesFound) candidates found")
            }
        })
    }
}
