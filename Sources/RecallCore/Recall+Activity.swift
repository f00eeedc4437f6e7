import Foundation

extension Recall {
    /// Messages and memories per calendar month, oldest first: what the web page's overview draws.
    public func activityByMonth() throws -> [MonthActivity] {
        try database().activityByMonth()
    }

    /// How many stored messages of a chat lie on branches other than the one it shows (edited
    /// prompts, regenerated answers); 0 for a chat with one branch.
    public func otherBranchMessages(chatID: String) throws -> Int {
        try database().otherBranchMessages(chatID: chatID)
    }
}
