import HTTPTypes

/// Which paths belong to the web page (HTML, cookie sign-in) rather than to the REST routes and
/// MCP (JSON, `Authorization` header only).
enum WebPaths {
    /// First path segments of the page's routes.
    private static let sections: Set<String> = [
        "", "signin", "signout", "memories", "review", "chats", "search", "upload", "overview",
    ]

    /// True for a page or form of the web page.
    static func isPage(_ path: String) -> Bool {
        let first =
            path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? ""
        return sections.contains(first)
    }

    /// True for the stylesheet and script, served to anyone.
    static func isAsset(_ path: String) -> Bool {
        path == WebAssets.stylePath || path == WebAssets.scriptPath
    }

    /// Pages a signed-out browser may open: the sign-in page and its form.
    static func isPublic(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        (method == .get && path == "/") || (method == .post && path == "/signin")
    }
}
