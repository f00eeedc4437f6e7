import RecallCore

/// `tools/list`: every tool on one page, described for the negotiated revision.
struct ListToolsMethod: MCPMethod {
    static let name = "tools/list"
    static let caching: ResultCaching? = .fixed

    func plan(_ params: ListParams, in call: MethodCall) -> RequestPlan {
        .singlePage(params) { call.session.tools.listResult(for: call.version) }
    }
}
