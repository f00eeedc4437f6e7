import RecallCore

/// `ping`: answered with an empty result at any time, even before `initialize`.
struct PingMethod: MCPMethod {
    static let name = "ping"
    static let revisions = MethodRevisions.handshake
    static let phase = MethodPhase.anytime

    func plan(_ params: IgnoredParams, in call: MethodCall) -> RequestPlan {
        .respond(.object([:]))
    }
}
