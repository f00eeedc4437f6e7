import RecallCore

/// `resources/templates/list`: `recall://chat/{id}` and `recall://memory/{id}`.
struct ListResourceTemplatesMethod: MCPMethod {
    static let name = "resources/templates/list"
    static let caching: ResultCaching? = .fixed

    func plan(_ params: ListParams, in call: MethodCall) -> RequestPlan {
        .singlePage(params) { ResourceProvider.templates(for: call.version) }
    }
}
