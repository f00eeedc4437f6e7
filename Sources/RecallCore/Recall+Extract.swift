import Foundation

extension Recall {
    /// Runs fact extraction over chats, an import or text; a dry run reports what storing would
    /// do and stores nothing.
    ///
    /// Proposals from another model (`request.proposals`) are checked against the same messages
    /// and join the rule-based candidates only when they pass; `sampling` reports how they fared.
    public func extractMemories(_ request: ExtractRequest) throws -> ExtractResult {
        let inputs = try extractionInputs(request)
        var candidates = inputs.flatMap { input in
            extractor.candidates(from: input).map { candidate in
                var candidate = candidate
                candidate.origin = .rules
                return candidate
            }
        }
        var sampling: SamplingReport?
        if let proposals = request.proposals {
            let review = ProposalReview(inputs: inputs).review(proposals)
            candidates += review.accepted
            sampling = SamplingReport(used: true, proposed: proposals.count, accepted: review.accepted.count, rejected: review.rejected)
        }
        let dropped = candidates.filter { $0.verdict == .drop }.count
        // A dry run shows what was dropped and why; a stored run lists what it kept.
        candidates = candidates.filter { $0.verdict == .keep || request.dryRun }
        let kept = candidates.indices.filter { candidates[$0].verdict == .keep }
        let userID = try userID(request.userID)
        let mark = try memoryHighWater()
        let batch = try database().store(kept.map { candidates[$0] }, userID: userID, now: clock(), dryRun: request.dryRun)
        if !request.dryRun { try? embedMemories(after: mark) }
        for (index, outcome) in zip(kept, batch.outcomes) {
            candidates[index].outcome = outcome.candidateOutcome
            candidates[index].existingMemoryID = outcome.relatedID.map(PublicID.memory.string)
        }
        return ExtractResult(
            dryRun: request.dryRun, messagesScanned: inputs.count, candidates: candidates, memories: request.dryRun ? [] : batch.memories,
            added: batch.added, merged: batch.merged, superseded: batch.superseded, dropped: dropped, sampling: sampling)
    }

    /// The messages an extraction request reads, in order, with their provenance: what a model
    /// is shown when it is asked to propose facts.
    public func extractionInputs(_ request: ExtractRequest) throws -> [ExtractionInput] {
        let database = try database()
        var chatIDs = try database.chatRowIDs(request.chatIDs, field: "chat_ids")
        if let importID = request.importID { chatIDs += try database.chatIDs(importID: importID) }
        var inputs = try database.extractionInputs(chatIDs: chatIDs)
        if let text = request.text {
            try Validate.text(text, field: "text")
            inputs.append(ExtractionInput(text: text, role: .user, date: clock()))
        }
        if inputs.isEmpty, request.chatIDs.isEmpty, request.importID == nil {
            throw RecallError.invalid("chat_ids", "give chat_ids, import_id or text")
        }
        return inputs
    }
}
