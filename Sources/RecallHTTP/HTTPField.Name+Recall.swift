import HTTPTypes

extension HTTPField.Name {
    /// `Mcp-Session-Id`: the MCP session a request belongs to.
    static let mcpSessionID = checked("Mcp-Session-Id")
    /// `MCP-Protocol-Version`: the revision a client negotiated.
    static let mcpProtocolVersion = checked("MCP-Protocol-Version")
    /// `Mcp-Method`: a stateless request's method, for proxies that route on headers.
    static let mcpMethod = checked("Mcp-Method")
    /// `Mcp-Name`: a stateless request's tool, prompt or resource name.
    static let mcpName = checked("Mcp-Name")
    /// `X-CSRF-Token`: the web page's form token on a script's request.
    static let csrfToken = checked("X-CSRF-Token")
    /// `X-Content-Type-Options`: pages and assets are never sniffed.
    static let contentTypeOptions = checked("X-Content-Type-Options")
    /// `Referrer-Policy`: links never leak a page's address off the site.
    static let referrerPolicy = checked("Referrer-Policy")
    /// `X-Frame-Options`: pages are never framed.
    static let frameOptions = checked("X-Frame-Options")
    /// `X-RateLimit-Limit`: the monthly quota.
    static let rateLimitLimit = checked("X-RateLimit-Limit")
    /// `X-RateLimit-Remaining`: requests left this month.
    static let rateLimitRemaining = checked("X-RateLimit-Remaining")
    /// `X-RateLimit-Reset`: seconds until the month's quota resets.
    static let rateLimitReset = checked("X-RateLimit-Reset")
    /// `X-RateLimit-Minute-Limit`: the per-minute quota.
    static let rateLimitMinuteLimit = checked("X-RateLimit-Minute-Limit")
    /// `X-RateLimit-Minute-Remaining`: requests left this minute.
    static let rateLimitMinuteRemaining = checked("X-RateLimit-Minute-Remaining")
    /// `X-RateLimit-Minute-Reset`: seconds until the minute's quota resets.
    static let rateLimitMinuteReset = checked("X-RateLimit-Minute-Reset")

    /// A header name written in this file.
    ///
    /// An invalid one is a programming error that stops the
    /// process on first use, which the rate-limit and MCP-over-HTTP tests reach on every run.
    private static func checked(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("invalid HTTP header name \(name)") }
        return field
    }
}
