import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

@Suite(.eachStore) struct CJKSearchTests {
    let clock = TestClock()

    private func store(_ texts: [String]) throws -> Recall {
        let recall = Recall.testStore(clock: clock.now)
        let messages = texts.enumerated().map { index, text in
            ParsedMessage(
                sourceID: "m\(index)", role: index.isMultiple(of: 2) ? .user : .assistant, text: text,
                activePosition: index)
        }
        _ = try recall.importConversations(
            [ParsedConversation(platform: .deepseek, sourceID: "c1", title: "聊天", messages: messages)], label: "test")
        return recall
    }

    private func found(_ recall: Recall, _ query: String) throws -> [String] {
        try recall.search(SearchRequest(query: query, scope: .messages)).results.compactMap(\.sourceMessageID)
    }

    @Test func gramsCoverCharactersAndPairs() {
        #expect(CJKGrams.indexText("弹钢琴") == "弹 弹钢 钢 钢琴 琴")
        #expect(CJKGrams.indexText("plain English") == nil)
        #expect(CJKGrams.queryTerms("钢琴 and 茶") == ["钢琴", "茶"])
        #expect(CJKGrams.queryTerms("弹钢琴") == ["弹钢", "钢琴"])
    }

    @Test func oneTwoAndThreeCharacterQueriesFindChineseText() throws {
        let recall = try store(["我很喜欢绘画、弹钢琴和品茶。", "Sure, here are some tips.", "我昨天去了博物馆。", "Museums are great."])
        #expect(try found(recall, "钢琴").first == "m0")
        #expect(try found(recall, "茶").first == "m0")
        #expect(try found(recall, "弹钢琴").first == "m0")
        #expect(try found(recall, "博物馆").first == "m2")
    }

    @Test func japaneseKoreanAndMixedScriptWork() throws {
        let recall = try store([
            "先週、東京に行きました。", "Nice!", "저는 서울에 살아요", "OK", "I practise piano (钢琴) every day", "Great",
        ])
        #expect(try found(recall, "東京").first == "m0")
        #expect(try found(recall, "서울").first == "m2")
        #expect(try found(recall, "piano 钢琴").first == "m4")
        #expect(try found(recall, "钢琴").first == "m4")
    }

    @Test func chineseMemoriesAreSearchable() throws {
        let recall = Recall.testStore(clock: clock.now)
        let memory = try recall.addMemory(AddMemoryRequest(content: "用户喜欢品茶")).memories[0]
        #expect(try recall.search(SearchRequest(query: "茶", scope: .memories)).results.map(\.id) == [memory.id])
        let updated = try recall.updateMemory(MemoryUpdate(id: memory.id, content: "用户喜欢咖啡"))
        #expect(try recall.search(SearchRequest(query: "咖啡", scope: .memories)).results.map(\.id) == [updated.id])
        // The superseded version is gone from search; its successor may come up by meaning only.
        #expect(
            try recall.search(SearchRequest(query: "品茶", scope: .memories)).results.allSatisfy {
                $0.id == updated.id && $0.matchedBy == [.meaning]
            })
    }

    @Test func forgettingAChatRemovesItsGrams() throws {
        let recall = try store(["我很喜欢绘画、弹钢琴和品茶。", "好的"])
        let chat = try recall.listChats(ChatListRequest()).items[0]
        _ = try recall.forget(ForgetRequest(chatIDs: [chat.id]))
        #expect(try found(recall, "钢琴").isEmpty)
        #expect(try found(recall, "好").isEmpty)
    }

    /// Real Chinese chats (MemoryBank, MIT): every place name a probing question mentions is found.
    @Test(.enabled(if: Fixture.sharedDatasets != nil, "needs shared/datasets beside the package root"))
    func realChineseChatsAreFound() throws {
        let url = try #require(Fixture.sharedDatasets).appendingPathComponent("memorybank/cn/memory_bank_cn.json")
        let users = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: Any]])
        let name = "张曼婷"
        let history = try #require(users[name]?["history"] as? [String: [[String: String]]])
        let recall = Recall.testStore(clock: clock.now)
        let conversations = history.keys.sorted().map { day in
            let turns = history[day] ?? []
            let messages = turns.enumerated().flatMap { index, turn in
                [
                    ParsedMessage(
                        sourceID: "\(day)-\(index)-q", role: .user, text: turn["query"] ?? "", activePosition: index * 2
                    ),
                    ParsedMessage(
                        sourceID: "\(day)-\(index)-r", role: .assistant, text: turn["response"] ?? "",
                        activePosition: index * 2 + 1),
                ]
            }
            return ParsedConversation(platform: .transcript, sourceID: day, title: day, messages: messages)
        }
        _ = try recall.importConversations(conversations, label: "memorybank")
        // The probing question "我曾经和你提到我去过绿禾公园…" names the park; the turn that mentions it must come back.
        let hits = try recall.search(SearchRequest(query: "我去过绿禾公园，我在绿禾公园看到了什么景色？", scope: .messages)).results
        #expect(
            hits.contains {
                $0.snippet.contains("绿禾公园")
                    || ($0.sourceMessageID.map { id in
                        conversations.flatMap(\.messages).first { $0.sourceID == id }?.text.contains("绿禾公园") ?? false
                    } ?? false)
            })
        #expect(
            try recall.search(SearchRequest(query: "钢琴", scope: .messages)).results.first.map { hit in
                conversations.flatMap(\.messages).first { $0.sourceID == hit.sourceMessageID }?.text.contains("钢琴")
                    ?? false
            } == true)
    }
}
