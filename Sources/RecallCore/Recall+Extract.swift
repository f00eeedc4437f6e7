import Foundation

extension Recall {
    /// Messages an extraction reads and stores at a time: each batch is one short write
    /// transaction, so other calls and processes get the store between batches.
    static let extractionBatchMessages = 2_000

    /// Runs fact extraction over chats, an import or text; a dry run reports what storing would
    /// do and stores nothing.
    ///
    /// Chats are read and stored a batch at a time (about `extractionBatchMessages` messages), so
    /// memory stays flat however many messages there are, what is found is committed as it goes,
    /// and `progress` is called after every batch. `progress` may throw (`CancellationError`) to
    /// stop the run: batches already stored stay. The result counts every candidate and lists the
    /// first `request.listLimit`.
    ///
    /// Proposals from another model (`request.proposals`) are checked against the same messages
    /// and join the rule-based candidates only when they pass; `sampling` reports how they fared.
    public func extractMemories(
        _ request: ExtractRequest, progress: (ExtractProgress) throws -> Void = { _ in }
    ) throws -> ExtractResult {
        let database = try database()
        let userID = try userID(request.userID)
        let chatIDs = try chatRowIDs(request)
        // Checked before anything is stored: bad text fails the call with nothing written.
        let text = try textInput(request)
        var run = ExtractionRun(dryRun: request.dryRun, listLimit: request.listLimit ?? .max)
        let plan =
            request.proposals == nil
            ? try database.extractionGroups(chatIDs, messages: Self.extractionBatchMessages) : (groups: [], messages: 0)
        // A dry run of one batch rolls its transaction back; a longer one writes into a private
        // copy instead, so it never holds the store's write lock for long.
        let batches = plan.groups.count + (request.text == nil ? 0 : 1)
        let scratch = request.dryRun && batches > 1 ? try database.dryRunScratch() : nil
        let now = clock()
        // Only kept candidates are stored; the dropped are counted (and listed on a dry run).
        // Memories stored by a batch get their vectors before the next batch is read.
        func store(_ candidates: [MemoryCandidate]) throws {
            let kept = candidates.filter { $0.verdict == .keep }
            let describing = run.room
            let mark = request.dryRun ? 0 : try memoryHighWater()
            let batch =
                try scratch.map { try $0.store(kept, userID: userID, now: now, describing: describing) }
                ?? database.store(kept, userID: userID, now: now, dryRun: request.dryRun, describing: describing)
            if !request.dryRun, !kept.isEmpty { try? embedMemories(after: mark) }
            run.add(candidates, batch)
        }
        if let proposals = request.proposals {
            // A model's proposals are reviewed against every message they may cite, read at once;
            // the prompt that asked for them holds only a bounded number of messages anyway.
            let inputs = try extractionInputs(request)
            let review = ProposalReview(inputs: inputs).review(proposals)
            run.messagesScanned = inputs.count
            let buckets = Dictionary(inputs.compactMap { input in input.source.map { ($0.chatID, input.bucket) } }) {
                first, _ in first
            }
            let accepted = review.accepted.map { proposal in
                var proposal = proposal
                proposal.bucket = proposal.source.flatMap { buckets[$0.chatID] } ?? nil
                return proposal
            }
            try store(inputs.flatMap(candidates(from:)) + accepted)
            run.sampling = SamplingReport(
                used: true, proposed: proposals.count, accepted: review.accepted.count, rejected: review.rejected)
            return run.result
        }
        let total = plan.messages + (request.text == nil ? 0 : 1)
        for group in plan.groups {
            let inputs = try database.extractionInputs(chatIDs: group)
            run.messagesScanned += inputs.count
            try store(inputs.flatMap(candidates(from:)))
            try progress(
                ExtractProgress(
                    messagesScanned: run.messagesScanned, totalMessages: max(total, run.messagesScanned),
                    candidatesFound: run.found))
        }
        if let input = text {
            run.messagesScanned += 1
            try store(candidates(from: input))
            try progress(
                ExtractProgress(
                    messagesScanned: run.messagesScanned, totalMessages: max(total, run.messagesScanned),
                    candidatesFound: run.found))
        }
        return run.result
    }

    /// The messages an extraction request reads, in order, with their provenance: what a model
    /// is shown when it is asked to propose facts.
    public func extractionInputs(_ request: ExtractRequest) throws -> [ExtractionInput] {
        var inputs = try database().extractionInputs(chatIDs: try chatRowIDs(request))
        if let input = try textInput(request) { inputs.append(input) }
        return inputs
    }

    /// The chats a request names, directly or through its import, each once and in order.
    private func chatRowIDs(_ request: ExtractRequest) throws -> [Int64] {
        if request.chatIDs.isEmpty, request.importID == nil, request.text == nil {
            throw RecallError.invalid("chat_ids", "give chat_ids, import_id or text")
        }
        let database = try database()
        var chatIDs = try database.chatRowIDs(request.chatIDs, field: "chat_ids")
        if let importID = request.importID { chatIDs += try database.chatIDs(importID: importID) }
        var seen = Set<Int64>()
        return chatIDs.filter { seen.insert($0).inserted }
    }

    /// The request's free text as one user message said now, checked.
    private func textInput(_ request: ExtractRequest) throws -> ExtractionInput? {
        guard let text = request.text else { return nil }
        try Validate.text(text, field: "text")
        return ExtractionInput(text: text, role: .user, date: clock())
    }

    /// The rule-based candidates of one message, kept and dropped, marked as such and put in
    /// its chat's bucket.
    func candidates(from input: ExtractionInput) -> [MemoryCandidate] {
        extractor.candidates(from: input).map { candidate in
            var candidate = candidate
            candidate.origin = candidate.origin ?? .rules
            candidate.bucket = input.bucket
            return candidate
        }
    }
}

/// What an extraction has found so far: counts of everything, and the first candidates listed
/// (on a dry run kept and dropped ones, otherwise the kept ones).
private struct ExtractionRun {
    let dryRun: Bool
    let listLimit: Int
    var messagesScanned = 0
    var found = 0
    var added = 0
    var merged = 0
    var superseded = 0
    var dropped = 0
    var candidates: [MemoryCandidate] = []
    var memories: [Memory] = []
    var sampling: SamplingReport?

    init(dryRun: Bool, listLimit: Int) {
        self.dryRun = dryRun
        self.listLimit = max(0, listLimit)
    }

    /// How many more candidates the result lists.
    var room: Int { max(0, listLimit - candidates.count) }

    /// Takes one batch: all its candidates, and what storing its kept ones did (`batch` holds
    /// their outcomes in order, and the memories of the first ones), while the list has room.
    mutating func add(_ batchCandidates: [MemoryCandidate], _ batch: MemoryBatch) {
        found += batchCandidates.count
        added += batch.added
        merged += batch.merged
        superseded += batch.superseded
        var keptIndex = 0
        for var candidate in batchCandidates {
            let kept = candidate.verdict == .keep
            let index = keptIndex
            if kept { keptIndex += 1 } else { dropped += 1 }
            guard kept || dryRun, candidates.count < listLimit else { continue }
            if kept {
                let outcome = batch.outcomes[index]
                candidate.outcome = outcome.candidateOutcome
                candidate.existingMemoryID = outcome.relatedID.map(PublicID.memory.string)
                if !dryRun, index < batch.memories.count { memories.append(batch.memories[index]) }
            }
            candidates.append(candidate)
        }
    }

    var result: ExtractResult {
        var result = ExtractResult(
            dryRun: dryRun, messagesScanned: messagesScanned, candidates: candidates, memories: memories, added: added,
            merged: merged, superseded: superseded, dropped: dropped, sampling: sampling, candidatesFound: found)
        // A stored run lists only what it kept; the dropped are counted apart.
        let listable = dryRun ? found : found - dropped
        if candidates.count < listable {
            result.note =
                "Lists the first \(candidates.count) of \(listable) candidates; the counts cover all of them. Extract from fewer chats to review the rest."
        }
        return result
    }
}
