/// How another model's proposals fared: asked or not, how many were proposed, kept and dropped.
public struct SamplingReport: Sendable, Codable, Equatable {
    /// Whether a model was asked and answered.
    public var used: Bool
    /// The model that answered, as the client named it.
    public var model: String?
    /// How many messages the model was shown.
    public var messagesSent: Int
    /// How many facts it proposed.
    public var proposed: Int
    /// How many passed the checks and joined the rule-based candidates.
    public var accepted: Int
    /// The ones dropped, each with its reason.
    public var rejected: [RejectedProposal]
    /// Why the model was not asked or its reply not used, when that happened.
    public var note: String?

    /// Creates a report.
    public init(
        used: Bool, model: String? = nil, messagesSent: Int = 0, proposed: Int = 0, accepted: Int = 0,
        rejected: [RejectedProposal] = [], note: String? = nil
    ) {
        self.used = used
        self.model = model
        self.messagesSent = messagesSent
        self.proposed = proposed
        self.accepted = accepted
        self.rejected = rejected
        self.note = note
    }
}
