/// First-person statements the rule-based extractor turns into memories, for benchmarks that
/// need extraction to find something.
///
/// The lists are short, so facts repeat (and merge) and
/// change (and supersede) across a long history.
enum FactSentences {
    private static let cities = ["Oslo", "Bergen", "Lisbon", "Kyoto", "Denver", "Utrecht", "Tallinn", "Porto"]
    private static let likes = ["green tea", "hiking", "jazz", "board games", "sourdough", "cycling", "chess", "sushi"]
    private static let foods = ["ramen", "paella", "dumplings", "tacos", "lasagne", "pho"]
    private static let employers = [
        "a bakery", "the city library", "a shipping firm", "a small studio", "the hospital",
    ]

    /// One statement, such as "I live in Bergen." or "My favourite food is pho.", at random.
    static func random(using random: inout SyntheticText.Random) -> String {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: "I live in \(cities.randomElement(using: &random) ?? "Oslo")."
        case 1: "I love \(likes.randomElement(using: &random) ?? "tea")."
        case 2: "My favourite food is \(foods.randomElement(using: &random) ?? "ramen")."
        default: "I work at \(employers.randomElement(using: &random) ?? "a bakery")."
        }
    }
}
