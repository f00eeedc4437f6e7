import Testing

@testable import RecallCore

/// A query split once: its searchable words, its CJK grams, the names it may hold, and whether
/// it holds a token only words can find.
@Suite struct QueryTokensTests {
    @Test func wordsDropStopWordsButNeverEverything() {
        #expect(QueryTokens("What did I say about the budget?").words == ["say", "budget"])
        #expect(QueryTokens("the who").words == ["the", "who"])
        #expect(QueryTokens("\"a\" OR b* NEAR(c)").matchExpression == "\"b\" OR \"near\" OR \"c\"")
        #expect(QueryTokens("*").matchExpression == nil)
        #expect(QueryTokens("*").isEmpty)
    }

    @Test func longPastesKeepTheirFirstWords() {
        let text = (1...40).map { "word\($0)" }.joined(separator: " ")
        let tokens = QueryTokens(text)
        #expect(tokens.words.count == QueryTokens.maximumWords)
        #expect(tokens.words.first == "word1")
    }

    @Test func cjkRunsBecomeGramsAndOtherWordsStayWords() {
        let tokens = QueryTokens("钢琴 and 茶 lessons")
        #expect(tokens.terms == [.word("lessons"), .gram("钢琴"), .gram("茶")])
        // The word index still sees the CJK run as a word in the snippet expression.
        #expect(tokens.matchExpression == "\"钢琴\" OR \"茶\" OR \"lessons\"")
    }

    @Test func namesComeFromTheWholeQueryAndWordsFromTheSearchedText() {
        let tokens = QueryTokens("What did May say on 3 May 2022", searching: "What did May say on")
        #expect(tokens.names.contains("may") && tokens.names.contains("2022") && tokens.names.contains("what"))
        #expect(!tokens.words.contains("2022"))
        #expect(WindowRanker.namedAuthor(in: tokens, among: ["May", "Sam"]) == "May")
        #expect(WindowRanker.namedAuthor(in: QueryTokens("what did sam and may say"), among: ["May", "Sam"]) == nil)
        #expect(WindowRanker.namedAuthor(in: QueryTokens("ask Mary Jane"), among: ["Mary Jane", "Sam"]) == "Mary Jane")
    }

    @Test(arguments: [
        ("the \"exact phrase\" please", true), ("my handle nightowl42", true), ("about PostgreSQL", true),
        ("the user_id column", true), ("where do I live", false), ("I", false),
    ])
    func exactTokensAreTheOnesOnlyWordsCanFind(_ query: String, _ exact: Bool) {
        #expect(QueryTokens(query).hasExactToken == exact)
    }
}
