import RecallCore

/// `prompts/list`: the one prompt, `recall_context`.
struct ListPromptsMethod: MCPMethod {
    static let name = "prompts/list"
    static let caching: ResultCaching? = .fixed

    func plan(_ params: ListParams, in call: MethodCall) -> RequestPlan {
        .singlePage(params) { PromptProvider.list(for: call.version) }
    }
}
