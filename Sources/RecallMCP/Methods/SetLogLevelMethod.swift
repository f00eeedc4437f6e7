import RecallCore

/// `logging/setLevel`: the least severe level of `notifications/message` the client receives.
struct SetLogLevelMethod: MCPMethod {
    static let name = "logging/setLevel"
    static let revisions = MethodRevisions.handshake

    /// The level asked for.
    struct Params: Decodable, Sendable {
        /// An RFC 5424 severity name; checked in `plan` so the error lists the valid ones.
        var level: String?
    }

    func plan(_ params: Params, in call: MethodCall) -> RequestPlan {
        guard let name = params.level, let level = LogLevel(rawValue: name) else {
            let levels = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
            return .fail(.invalidParams("level must be one of \(levels)"))
        }
        call.session.logger.level = level
        return .respond(.object([:]))
    }
}
