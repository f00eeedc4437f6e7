public import Foundation

extension Recall {
    /// Runs fact extraction over chats, an import or text; a dry run stores nothing.
    public func extractMemories(_ request: ExtractRequest) throws -> ExtractResult {
        let database = try database()
        var inputs: [ExtractionInput] = []
        var chatIDs = try database.chatRowIDs(request.chatIDs, field: "chat_ids")
        if let importID = request.importID { chatIDs += try database.chatIDs(importID: importID) }
        inputs += try database.extractionInputs(chatIDs: chatIDs)
        if let text = request.text {
            try Validate.text(text, field: "text")
            inputs.append(ExtractionInput(text: text, role: .user, date: clock()))
        }
        if inputs.isEmpty, request.chatIDs.isEmpty, request.importID == nil {
            throw RecallError.invalid("chat_ids", "give chat_ids, import_id or text")
        }
        let candidates = inputs.flatMap { extractor.extract(from: $0) }
        let userID = try userID(request.userID)
        let memories = request.dryRun ? [] : try database.store(candidates, userID: userID, now: clock()).memories
        return ExtractResult(dryRun: request.dryRun, messagesScanned: inputs.count, candidates: candidates, memories: memories)
    }
}
