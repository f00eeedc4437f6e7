import Testing

@testable import RecallCore

/// Questions in the first person are asked of memories in the third person they are written in.
@Suite struct QueryPersonTests {
    @Test(arguments: [
        ("where do I live", "where does the user live"),
        ("Who is my boss?", "Who is the user's boss?"),
        ("What am I allergic to", "What is the user allergic to"),
        ("I’m vegetarian, what should I cook?", "the user is vegetarian, what should the user cook?"),
        ("remind me what I've planned", "remind the user what the user has planned"),
    ])
    func firstPersonBecomesTheUser(_ question: String, _ expected: String) {
        #expect(QueryPerson.aboutTheUser(question) == expected)
    }

    @Test(arguments: ["What did Caroline research?", "iOS Bergen", "mine_id", "Milan myth", "", "I2C bus"])
    func otherQuestionsAreLeftAsTyped(_ question: String) {
        #expect(QueryPerson.aboutTheUser(question) == question)
    }
}
